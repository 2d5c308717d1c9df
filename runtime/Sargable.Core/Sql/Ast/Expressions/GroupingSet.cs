using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A GROUP BY element: <c>ROLLUP (...)</c>, <c>CUBE (...)</c>, <c>GROUPING SETS (...)</c> or the empty set <c>()</c>.</summary>
    public sealed class GroupingSet : SqlExpression
    {
        public GroupingSet(SqlSpan span, GroupingSetKind kind, IReadOnlyList<SqlExpression> items)
            : base(span)
        {
            Kind = kind;
            Items = items ?? throw new ArgumentNullException(nameof(items));
        }

        /// <summary>Which form.</summary>
        public GroupingSetKind Kind { get; }

        /// <summary>The items (rows for composite elements, nested sets for GROUPING SETS).</summary>
        public IReadOnlyList<SqlExpression> Items { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitGroupingSet(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitGroupingSet(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Items);
        }
    }
}
