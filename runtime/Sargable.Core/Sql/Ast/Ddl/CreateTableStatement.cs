using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (columns and constraints)</c>. Options after the closing parenthesis (PARTITION BY, WITH, TABLESPACE, ...) are accepted and not modelled; CREATE TABLE AS / PARTITION OF / OF / (LIKE ...) become <see cref="OtherStatement"/>.</summary>
    public sealed class CreateTableStatement : SqlStatement
    {
        public CreateTableStatement(SqlSpan span, bool isTemporary, bool isUnlogged, bool ifNotExists, SqlQualifiedName name, IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<TableConstraint> constraints)
            : base(span)
        {
            IsTemporary = isTemporary;
            IsUnlogged = isUnlogged;
            IfNotExists = ifNotExists;
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            Constraints = constraints ?? throw new ArgumentNullException(nameof(constraints));
        }

        /// <summary>True for TEMP / TEMPORARY.</summary>
        public bool IsTemporary { get; }

        /// <summary>True for UNLOGGED.</summary>
        public bool IsUnlogged { get; }

        /// <summary>True for IF NOT EXISTS.</summary>
        public bool IfNotExists { get; }

        /// <summary>The table's name.</summary>
        public SqlQualifiedName Name { get; }

        /// <summary>The columns in order.</summary>
        public IReadOnlyList<ColumnDefinition> Columns { get; }

        /// <summary>The table constraints in order.</summary>
        public IReadOnlyList<TableConstraint> Constraints { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitCreateTableStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCreateTableStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Columns);
            AddRange(children, Constraints);
        }
    }
}
