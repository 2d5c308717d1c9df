using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x IS [NOT] {TRUE|FALSE|UNKNOWN}</c>.</summary>
    public sealed class IsBooleanExpression : SqlExpression
    {
        public IsBooleanExpression(SqlSpan span, SqlExpression expression, bool isNegated, bool? value)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            IsNegated = isNegated;
            Value = value;
        }

        /// <summary>The tested value.</summary>
        public SqlExpression Expression { get; }

        /// <summary>True for IS NOT ...</summary>
        public bool IsNegated { get; }

        /// <summary>True, false, or null for UNKNOWN.</summary>
        public bool? Value { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitIsBooleanExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitIsBooleanExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
        }
    }
}
