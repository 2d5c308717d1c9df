using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>REFERENCES table [(cols)] [MATCH ...] [ON DELETE action] [ON UPDATE action]</c>.</summary>
    public sealed class ForeignKeyReference
    {
        public ForeignKeyReference(SqlQualifiedName table, IReadOnlyList<SqlIdentifier> columns, ReferentialAction onDelete, ReferentialAction onUpdate, SqlSpan span)
        {
            Table = table ?? throw new ArgumentNullException(nameof(table));
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            OnDelete = onDelete;
            OnUpdate = onUpdate;
            Span = span;
        }

        public SqlQualifiedName Table { get; }

        /// <summary>The referenced columns; empty means the referenced table's primary key.</summary>
        public IReadOnlyList<SqlIdentifier> Columns { get; }

        public ReferentialAction OnDelete { get; }

        public ReferentialAction OnUpdate { get; }

        public SqlSpan Span { get; }
    }
}
