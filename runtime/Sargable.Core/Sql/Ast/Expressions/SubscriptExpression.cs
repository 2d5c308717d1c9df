using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>a[i]</c> or the slice <c>a[lo:hi]</c> (either bound may be omitted).</summary>
    public sealed class SubscriptExpression : SqlExpression
    {
        public SubscriptExpression(SqlSpan span, SqlExpression target, SqlExpression? index, bool isSlice, SqlExpression? upper)
            : base(span)
        {
            Target = target ?? throw new ArgumentNullException(nameof(target));
            Index = index;
            IsSlice = isSlice;
            Upper = upper;
        }

        /// <summary>The subscripted value.</summary>
        public SqlExpression Target { get; }

        /// <summary>The index, or a slice's lower bound.</summary>
        public SqlExpression? Index { get; }

        /// <summary>True for <c>[lo:hi]</c>.</summary>
        public bool IsSlice { get; }

        /// <summary>A slice's upper bound.</summary>
        public SqlExpression? Upper { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSubscriptExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSubscriptExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Target);
            Add(children, Index);
            Add(children, Upper);
        }
    }
}
