using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>[WITH ...] INSERT INTO table [AS alias] [(columns)] {VALUES ... | query | DEFAULT VALUES} [ON CONFLICT ...] [RETURNING ...]</c>.</summary>
    public sealed class InsertStatement : SqlStatement
    {
        public InsertStatement(SqlSpan span, WithClause? with, SqlQualifiedName table, SqlIdentifier? alias, IReadOnlyList<SqlIdentifier> columns, QueryExpression? source, bool isDefaultValues, OnConflictClause? onConflict, IReadOnlyList<SelectItem> returning)
            : base(span)
        {
            With = with;
            Table = table ?? throw new ArgumentNullException(nameof(table));
            Alias = alias;
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            Source = source;
            IsDefaultValues = isDefaultValues;
            OnConflict = onConflict;
            Returning = returning ?? throw new ArgumentNullException(nameof(returning));
        }

        /// <summary>The statement's WITH clause, if any.</summary>
        public WithClause? With { get; }

        /// <summary>The target table.</summary>
        public SqlQualifiedName Table { get; }

        /// <summary><c>AS alias</c>, if given.</summary>
        public SqlIdentifier? Alias { get; }

        /// <summary>The column list; empty when omitted.</summary>
        public IReadOnlyList<SqlIdentifier> Columns { get; }

        /// <summary>The rows: a <see cref="ValuesQuery"/> body for <c>VALUES</c>, any query otherwise; null for <c>DEFAULT VALUES</c>.</summary>
        public QueryExpression? Source { get; }

        /// <summary>True for <c>DEFAULT VALUES</c>.</summary>
        public bool IsDefaultValues { get; }

        /// <summary><c>ON CONFLICT ...</c>, if given.</summary>
        public OnConflictClause? OnConflict { get; }

        /// <summary>The RETURNING list; empty when absent.</summary>
        public IReadOnlyList<SelectItem> Returning { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitInsertStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitInsertStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, With);
            Add(children, Source);
            Add(children, OnConflict);
            AddRange(children, Returning);
        }
    }
}
