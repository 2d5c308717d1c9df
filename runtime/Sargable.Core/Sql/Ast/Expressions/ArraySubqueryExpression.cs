using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>ARRAY(SELECT ...)</c>.</summary>
    public sealed class ArraySubqueryExpression : SqlExpression
    {
        public ArraySubqueryExpression(SqlSpan span, QueryExpression query)
            : base(span)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        /// <summary>The subquery.</summary>
        public QueryExpression Query { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitArraySubqueryExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitArraySubqueryExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Query);
        }
    }
}
