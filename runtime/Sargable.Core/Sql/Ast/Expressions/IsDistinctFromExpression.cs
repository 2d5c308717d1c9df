using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>a IS [NOT] DISTINCT FROM b</c> (also SQLite's <c>a IS b</c> = IS NOT DISTINCT FROM, and <c>a IS NOT b</c>).</summary>
    public sealed class IsDistinctFromExpression : SqlExpression
    {
        public IsDistinctFromExpression(SqlSpan span, SqlExpression left, bool isNegated, SqlExpression right)
            : base(span)
        {
            Left = left ?? throw new ArgumentNullException(nameof(left));
            IsNegated = isNegated;
            Right = right ?? throw new ArgumentNullException(nameof(right));
        }

        /// <summary>The left operand.</summary>
        public SqlExpression Left { get; }

        /// <summary>True for IS NOT DISTINCT FROM (null-safe equality).</summary>
        public bool IsNegated { get; }

        /// <summary>The right operand.</summary>
        public SqlExpression Right { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitIsDistinctFromExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitIsDistinctFromExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Left);
            Add(children, Right);
        }
    }
}
