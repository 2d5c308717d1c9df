using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>One <c>SELECT</c> block: <c>SELECT [DISTINCT [ON (...)]] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] [WINDOW ...]</c>.</summary>
    public sealed class SelectCore : QueryBody
    {
        public SelectCore(SqlSpan span, DistinctKind distinct, IReadOnlyList<SqlExpression> distinctOn, IReadOnlyList<SelectItem> items, IReadOnlyList<FromItem> from, SqlExpression? where, IReadOnlyList<SqlExpression> groupBy, SqlExpression? having, IReadOnlyList<WindowDefinition> windows)
            : base(span)
        {
            Distinct = distinct;
            DistinctOn = distinctOn ?? throw new ArgumentNullException(nameof(distinctOn));
            Items = items ?? throw new ArgumentNullException(nameof(items));
            From = from ?? throw new ArgumentNullException(nameof(from));
            Where = where;
            GroupBy = groupBy ?? throw new ArgumentNullException(nameof(groupBy));
            Having = having;
            Windows = windows ?? throw new ArgumentNullException(nameof(windows));
        }

        /// <summary>None, ALL, DISTINCT or DISTINCT ON.</summary>
        public DistinctKind Distinct { get; }

        /// <summary>The DISTINCT ON expressions; empty otherwise.</summary>
        public IReadOnlyList<SqlExpression> DistinctOn { get; }

        /// <summary>The select list (may be empty: <c>SELECT FROM t</c> is valid PostgreSQL).</summary>
        public IReadOnlyList<SelectItem> Items { get; }

        /// <summary>The comma-separated FROM items; each may be a <see cref="Join"/> tree. Empty when there is no FROM.</summary>
        public IReadOnlyList<FromItem> From { get; }

        /// <summary>The WHERE condition, if any.</summary>
        public SqlExpression? Where { get; }

        /// <summary>GROUP BY items: expressions, <see cref="RowExpression"/> or <see cref="GroupingSet"/>; empty when absent.</summary>
        public IReadOnlyList<SqlExpression> GroupBy { get; }

        /// <summary>The HAVING condition, if any.</summary>
        public SqlExpression? Having { get; }

        /// <summary>Named windows of the WINDOW clause; empty when absent.</summary>
        public IReadOnlyList<WindowDefinition> Windows { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSelectCore(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSelectCore(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, DistinctOn);
            AddRange(children, Items);
            AddRange(children, From);
            Add(children, Where);
            AddRange(children, GroupBy);
            Add(children, Having);
            AddRange(children, Windows);
        }
    }
}
