using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A subquery in FROM: <c>[LATERAL] (query) [AS] alias [(columns)]</c>.</summary>
    public sealed class DerivedTable : FromItem
    {
        public DerivedTable(SqlSpan span, bool isLateral, QueryExpression query, TableAlias? alias)
            : base(span)
        {
            IsLateral = isLateral;
            Query = query ?? throw new ArgumentNullException(nameof(query));
            Alias = alias;
        }

        /// <summary>True for LATERAL.</summary>
        public bool IsLateral { get; }

        /// <summary>The subquery.</summary>
        public QueryExpression Query { get; }

        /// <summary>The alias (optional since PostgreSQL 16).</summary>
        public TableAlias? Alias { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitDerivedTable(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitDerivedTable(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Query);
        }
    }
}
