using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// <c>WHERE CURRENT OF cursor</c> in UPDATE and DELETE: the one row a cursor is positioned on. Only a whole WHERE
    /// clause can be this; it is not a boolean expression.
    /// </summary>
    public sealed class CurrentOfExpression : SqlExpression
    {
        public CurrentOfExpression(SqlSpan span, SqlIdentifier cursor)
            : base(span)
        {
            Cursor = cursor ?? throw new ArgumentNullException(nameof(cursor));
        }

        /// <summary>The cursor's name.</summary>
        public SqlIdentifier Cursor { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitCurrentOfExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCurrentOfExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
