using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A query: <c>SELECT</c>, <c>VALUES</c>, <c>WITH ... SELECT</c> or a parenthesized query.</summary>
    public sealed class SelectStatement : SqlStatement
    {
        public SelectStatement(SqlSpan span, QueryExpression query)
            : base(span)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        /// <summary>The query, with its WITH clause, set operations, ORDER BY, LIMIT and locking.</summary>
        public QueryExpression Query { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSelectStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSelectStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Query);
        }
    }
}
