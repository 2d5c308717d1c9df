using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x [NOT] BETWEEN [SYMMETRIC] low AND high</c>.</summary>
    public sealed class BetweenExpression : SqlExpression
    {
        public BetweenExpression(SqlSpan span, SqlExpression expression, bool isNegated, bool isSymmetric, SqlExpression low, SqlExpression high)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            IsNegated = isNegated;
            IsSymmetric = isSymmetric;
            Low = low ?? throw new ArgumentNullException(nameof(low));
            High = high ?? throw new ArgumentNullException(nameof(high));
        }

        /// <summary>The tested value.</summary>
        public SqlExpression Expression { get; }

        /// <summary>True for NOT BETWEEN.</summary>
        public bool IsNegated { get; }

        /// <summary>True for BETWEEN SYMMETRIC.</summary>
        public bool IsSymmetric { get; }

        /// <summary>The lower bound.</summary>
        public SqlExpression Low { get; }

        /// <summary>The upper bound.</summary>
        public SqlExpression High { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitBetweenExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitBetweenExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
            Add(children, Low);
            Add(children, High);
        }
    }
}
