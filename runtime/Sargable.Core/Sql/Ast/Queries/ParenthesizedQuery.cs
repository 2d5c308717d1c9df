using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A query in parentheses used as a set-operation operand or whole body: <c>(SELECT ... LIMIT 1) UNION ...</c>.</summary>
    public sealed class ParenthesizedQuery : QueryBody
    {
        public ParenthesizedQuery(SqlSpan span, QueryExpression query)
            : base(span)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        /// <summary>The query inside the parentheses.</summary>
        public QueryExpression Query { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitParenthesizedQuery(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitParenthesizedQuery(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Query);
        }
    }
}
