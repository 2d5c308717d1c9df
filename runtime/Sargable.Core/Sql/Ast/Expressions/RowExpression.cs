using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A row constructor: <c>ROW(a, b)</c> or <c>(a, b)</c>.</summary>
    public sealed class RowExpression : SqlExpression
    {
        public RowExpression(SqlSpan span, bool hasRowKeyword, IReadOnlyList<SqlExpression> items)
            : base(span)
        {
            HasRowKeyword = hasRowKeyword;
            Items = items ?? throw new ArgumentNullException(nameof(items));
        }

        /// <summary>True when written with ROW.</summary>
        public bool HasRowKeyword { get; }

        /// <summary>The fields (ROW() may have none).</summary>
        public IReadOnlyList<SqlExpression> Items { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitRowExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitRowExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Items);
        }
    }
}
