using System;
using System.Collections.Generic;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Registry
{
    /// <summary>
    /// Builds a registry from a schema script (<c>CREATE TABLE</c>, <c>CREATE [UNIQUE] INDEX</c>, <c>ALTER TABLE ... ADD
    /// PRIMARY KEY/UNIQUE</c>), e.g. a <c>pg_dump --schema-only</c> or a migration script. Other statements are read and
    /// skipped: they define no index. Index and constraint names follow PostgreSQL's defaults when the script gives none.
    /// </summary>
    public static class DdlRegistryLoader
    {
        /// <exception cref="SqlParseException">A statement of the script is not valid SQL.</exception>
        /// <exception cref="RegistryFormatException">The script defines something a registry cannot hold (two primary keys, an index on a missing name).</exception>
        public static IndexRegistry Load(string ddlText)
        {
            if (ddlText is null)
            {
                throw new ArgumentNullException(nameof(ddlText));
            }

            var tables = new Dictionary<string, TableBuilder>(StringComparer.OrdinalIgnoreCase);
            foreach (var segment in SqlScriptSplitter.Split(ddlText))
            {
                var statement = SqlParser.ParseStatement(ddlText, segment.Start, segment.Length);
                switch (statement)
                {
                    case CreateTableStatement create:
                        AddTable(create, Table(tables, create.Name));
                        break;
                    case CreateIndexStatement index:
                        AddIndex(index, Table(tables, index.Table), ddlText);
                        break;
                    case AlterTableStatement alter:
                        foreach (var action in alter.Actions)
                        {
                            if (action.Constraint is { } constraint)
                            {
                                AddConstraint(constraint, Table(tables, alter.Table), alter.Span);
                            }
                            else if (action.Column is { } column)
                            {
                                AddColumnConstraints(column, Table(tables, alter.Table), alter.Span);
                            }
                        }

                        break;
                }
            }

            return new IndexRegistry(tables.Values.Select(t => t.Build()));
        }

        private static TableBuilder Table(Dictionary<string, TableBuilder> tables, SqlQualifiedName name)
        {
            var key = name.ToString();
            if (!tables.TryGetValue(key, out var table))
            {
                table = new TableBuilder(name.Name.Value, name.Schema?.Value);
                tables[key] = table;
            }

            return table;
        }

        private static void AddTable(CreateTableStatement create, TableBuilder table)
        {
            foreach (var column in create.Columns)
            {
                AddColumnConstraints(column, table, create.Span);
            }

            foreach (var constraint in create.Constraints)
            {
                AddConstraint(constraint, table, create.Span);
            }
        }

        private static void AddColumnConstraints(ColumnDefinition column, TableBuilder table, SqlSpan at)
        {
            foreach (var constraint in column.Constraints)
            {
                if (constraint.Kind == ColumnConstraintKind.PrimaryKey)
                {
                    table.Add(new IndexDefinition(constraint.Name?.Value ?? table.Name + "_pkey", new[] { new IndexColumn(column.Name.Value) }, primaryKey: true), at);
                }
                else if (constraint.Kind == ColumnConstraintKind.Unique)
                {
                    table.Add(new IndexDefinition(constraint.Name?.Value ?? $"{table.Name}_{column.Name.Value}_key", new[] { new IndexColumn(column.Name.Value) }, unique: true), at);
                }
            }
        }

        private static void AddConstraint(TableConstraint constraint, TableBuilder table, SqlSpan at)
        {
            if (constraint.Kind is not (TableConstraintKind.PrimaryKey or TableConstraintKind.Unique) || constraint.Columns.Count == 0)
            {
                return;
            }

            var primary = constraint.Kind == TableConstraintKind.PrimaryKey;
            var columns = constraint.Columns.Select(c => new IndexColumn(c.Value)).ToList();
            var name = constraint.Name?.Value ?? (primary ? table.Name + "_pkey" : $"{table.Name}_{string.Join("_", constraint.Columns.Select(c => c.Value))}_key");
            table.Add(new IndexDefinition(name, columns, unique: true, primaryKey: primary, include: constraint.Include.Select(c => c.Value)), at);
        }

        private static void AddIndex(CreateIndexStatement index, TableBuilder table, string source)
        {
            // Expression keys stay in the registry under their text: they serve only that expression, never the bare column.
            var columns = index.Keys.Select(k => new IndexColumn(k.Column?.Value ?? "(" + k.Expression.Span.GetText(source) + ")", k.Direction == SortDirection.Descending)).ToList();
            var name = index.Name?.Value ?? $"{table.Name}_{string.Join("_", index.Keys.Select(k => k.Column?.Value ?? "expr"))}_idx";
            var where = index.Where?.Span.GetText(source);
            table.Add(new IndexDefinition(name, columns, unique: index.IsUnique, where: where, include: index.Include.Select(c => c.Value), method: index.Method?.Value), index.Span);
        }

        private sealed class TableBuilder
        {
            private readonly List<IndexDefinition> indexes = new();

            public TableBuilder(string name, string? schema)
            {
                Name = name;
                Schema = schema;
            }

            public string Name { get; }

            public string? Schema { get; }

            public void Add(IndexDefinition index, SqlSpan at)
            {
                if (index.PrimaryKey && indexes.Any(i => i.PrimaryKey))
                {
                    throw new RegistryFormatException("schema script", at.Line, at.Column, null, $"table {Name} gets a second primary key ({index.Name}).");
                }

                // CREATE INDEX IF NOT EXISTS and re-runs of a migration may name an index twice; the first definition stands.
                if (indexes.All(i => !string.Equals(i.Name, index.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    indexes.Add(index);
                }
            }

            public RegisteredTable Build() => new(Name, indexes, small: false, schema: Schema);
        }
    }
}
