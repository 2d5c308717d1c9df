using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A scalar subquery <c>(SELECT ...)</c> used as a value.</summary>
    public sealed class SubqueryExpression : SqlExpression
    {
        public SubqueryExpression(SqlSpan span, QueryExpression query)
            : base(span)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        /// <summary>The subquery.</summary>
        public QueryExpression Query { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSubqueryExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSubqueryExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Query);
        }
    }
}
