using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A complete query: <c>[WITH ...] body [ORDER BY ...] [LIMIT ...] [OFFSET ...] [FETCH ...] [FOR UPDATE ...]</c>. Every place that holds a query (statement, subquery, derived table, CTE, INSERT source) holds one of these.</summary>
    public sealed class QueryExpression : SqlNode
    {
        public QueryExpression(SqlSpan span, WithClause? with, QueryBody body, IReadOnlyList<OrderByItem> orderBy, LimitClause? limit, SqlExpression? offset, IReadOnlyList<LockingClause> locking)
            : base(span)
        {
            With = with;
            Body = body ?? throw new ArgumentNullException(nameof(body));
            OrderBy = orderBy ?? throw new ArgumentNullException(nameof(orderBy));
            Limit = limit;
            Offset = offset;
            Locking = locking ?? throw new ArgumentNullException(nameof(locking));
        }

        /// <summary>The WITH clause, if any.</summary>
        public WithClause? With { get; }

        /// <summary>A <see cref="SelectCore"/>, <see cref="SetOperation"/>, <see cref="ValuesQuery"/> or <see cref="ParenthesizedQuery"/>.</summary>
        public QueryBody Body { get; }

        /// <summary>ORDER BY items applying to the whole body; empty when absent.</summary>
        public IReadOnlyList<OrderByItem> OrderBy { get; }

        /// <summary>LIMIT or FETCH FIRST, if given.</summary>
        public LimitClause? Limit { get; }

        /// <summary>The OFFSET expression, if given.</summary>
        public SqlExpression? Offset { get; }

        /// <summary>FOR UPDATE / FOR SHARE clauses; empty when absent.</summary>
        public IReadOnlyList<LockingClause> Locking { get; }

        /// <summary>The body as a plain SELECT when it is one (no set operation, no VALUES, no parentheses), else null.</summary>
        public SelectCore? Select => Body as SelectCore;

        public override void Accept(SqlVisitor visitor) => visitor.VisitQueryExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitQueryExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, With);
            Add(children, Body);
            AddRange(children, OrderBy);
            Add(children, Limit);
            Add(children, Offset);
            AddRange(children, Locking);
        }
    }
}
