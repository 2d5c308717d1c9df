using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x [NOT] IN (SELECT ...)</c>.</summary>
    public sealed class InSubqueryExpression : SqlExpression
    {
        public InSubqueryExpression(SqlSpan span, SqlExpression expression, bool isNegated, QueryExpression query)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            IsNegated = isNegated;
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        /// <summary>The tested value (a <see cref="RowExpression"/> for <c>(a, b) IN (...)</c>).</summary>
        public SqlExpression Expression { get; }

        /// <summary>True for NOT IN.</summary>
        public bool IsNegated { get; }

        /// <summary>The subquery.</summary>
        public QueryExpression Query { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitInSubqueryExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitInSubqueryExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
            Add(children, Query);
        }
    }
}
