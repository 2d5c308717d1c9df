using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x COLLATE name</c>.</summary>
    public sealed class CollateExpression : SqlExpression
    {
        public CollateExpression(SqlSpan span, SqlExpression operand, SqlQualifiedName collation)
            : base(span)
        {
            Operand = operand ?? throw new ArgumentNullException(nameof(operand));
            Collation = collation ?? throw new ArgumentNullException(nameof(collation));
        }

        /// <summary>The value.</summary>
        public SqlExpression Operand { get; }

        /// <summary>The collation.</summary>
        public SqlQualifiedName Collation { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitCollateExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCollateExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
        }
    }
}
