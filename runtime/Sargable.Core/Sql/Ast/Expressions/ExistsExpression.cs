using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>EXISTS (subquery)</c> (negated by an enclosing NOT <see cref="UnaryExpression"/>).</summary>
    public sealed class ExistsExpression : SqlExpression
    {
        public ExistsExpression(SqlSpan span, QueryExpression query)
            : base(span)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        /// <summary>The subquery.</summary>
        public QueryExpression Query { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitExistsExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitExistsExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Query);
        }
    }
}
