using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x IS [NOT] NULL</c>, <c>x ISNULL</c>, <c>x NOTNULL</c>.</summary>
    public sealed class IsNullExpression : SqlExpression
    {
        public IsNullExpression(SqlSpan span, SqlExpression expression, bool isNegated)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            IsNegated = isNegated;
        }

        /// <summary>The tested value.</summary>
        public SqlExpression Expression { get; }

        /// <summary>True for IS NOT NULL / NOTNULL.</summary>
        public bool IsNegated { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitIsNullExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitIsNullExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
        }
    }
}
