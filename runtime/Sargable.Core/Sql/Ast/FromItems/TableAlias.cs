using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>[AS] alias [(col, ...)]</c> of a FROM item; function tables may give column types (<c>AS t(a int, b text)</c>).</summary>
    public sealed class TableAlias
    {
        public TableAlias(SqlIdentifier name, IReadOnlyList<SqlIdentifier> columns, IReadOnlyList<SqlDataType?> columnTypes, SqlSpan span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            ColumnTypes = columnTypes ?? throw new ArgumentNullException(nameof(columnTypes));
            Span = span;
        }

        public SqlIdentifier Name { get; }

        /// <summary>Column aliases; empty when none.</summary>
        public IReadOnlyList<SqlIdentifier> Columns { get; }

        /// <summary>One entry per column when any column was given a type, else empty; entries may be null.</summary>
        public IReadOnlyList<SqlDataType?> ColumnTypes { get; }

        public SqlSpan Span { get; }

        public override string ToString() => Name.Value;
    }
}
