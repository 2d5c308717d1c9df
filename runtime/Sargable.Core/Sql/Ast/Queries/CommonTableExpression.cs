using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>name [(columns)] AS [[NOT] MATERIALIZED] (statement)</c>.</summary>
    public sealed class CommonTableExpression : SqlNode
    {
        public CommonTableExpression(SqlSpan span, SqlIdentifier name, IReadOnlyList<SqlIdentifier> columns, CteMaterialization materialization, SqlStatement statement)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            Materialization = materialization;
            Statement = statement ?? throw new ArgumentNullException(nameof(statement));
        }

        /// <summary>The CTE's name.</summary>
        public SqlIdentifier Name { get; }

        /// <summary>The column list; empty when omitted.</summary>
        public IReadOnlyList<SqlIdentifier> Columns { get; }

        /// <summary>MATERIALIZED, NOT MATERIALIZED or unspecified.</summary>
        public CteMaterialization Materialization { get; }

        /// <summary>The body: a <see cref="SelectStatement"/>, or an INSERT/UPDATE/DELETE (data-modifying CTE). Its <see cref="SqlStatement.Comments"/> are empty.</summary>
        public SqlStatement Statement { get; }

        /// <summary>The body's query when the CTE is a plain query, else null.</summary>
        public QueryExpression? Query => (Statement as SelectStatement)?.Query;

        public override void Accept(SqlVisitor visitor) => visitor.VisitCommonTableExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCommonTableExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Statement);
        }
    }
}
