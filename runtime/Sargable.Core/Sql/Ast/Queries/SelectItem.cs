using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>One item of a select or RETURNING list: an expression (a <see cref="StarExpression"/> for <c>*</c> and <c>t.*</c>) and its alias.</summary>
    public sealed class SelectItem : SqlNode
    {
        public SelectItem(SqlSpan span, SqlExpression expression, SqlIdentifier? alias)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            Alias = alias;
        }

        /// <summary>The value.</summary>
        public SqlExpression Expression { get; }

        /// <summary><c>[AS] alias</c>, if given.</summary>
        public SqlIdentifier? Alias { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSelectItem(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSelectItem(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
        }
    }
}
