using System;
using System.Collections.Generic;
using System.Linq;
using Sargable.Json;

namespace Sargable.Registry
{
    /// <summary>Writes an <see cref="IndexRegistry"/> in the registry JSON format, in a stable order.</summary>
    internal static class RegistryJsonWriter
    {
        public static string Write(IndexRegistry registry)
        {
            var writer = new JsonWriter();
            writer.BeginObject()
                .Property("version", RegistryJson.FormatVersion)
                .Property("smallTableRows", registry.SmallTableRows)
                .PropertyName("tables").BeginObject();

            var keys = new Dictionary<string, RegisteredTable>(StringComparer.Ordinal);
            foreach (var table in registry.Tables)
            {
                var (key, explicitSchema) = KeyOf(table);
                if (keys.TryGetValue(key, out var other))
                {
                    throw new ArgumentException(
                        $"Tables '{other}' and '{table}' would both be written under the key \"{key}\"; the registry format cannot represent both.", nameof(registry));
                }

                keys.Add(key, table);
                writer.PropertyName(key).BeginObject();
                if (explicitSchema)
                {
                    writer.Property("schema", table.Schema);
                }

                writer.Property("small", table.Small);
                if (table.EstimatedRows is { } rows)
                {
                    writer.Property("estimatedRows", rows);
                }

                if (table.ColumnDomains.Count > 0)
                {
                    writer.PropertyName("columns").BeginObject();
                    foreach (var column in table.ColumnDomains.OrderBy(c => c.Key, StringComparer.Ordinal))
                    {
                        writer.Property(column.Key, column.Value == Shapes.ColumnDomain.Boolean ? "boolean" : "enumeration");
                    }

                    writer.EndObject();
                }

                writer.PropertyName("indexes").BeginArray();
                foreach (var index in table.Indexes.OrderBy(i => i.PrimaryKey ? 0 : 1).ThenBy(i => i.Name, StringComparer.Ordinal))
                {
                    WriteIndex(writer, table, index);
                }

                writer.EndArray().EndObject();
            }

            writer.EndObject().EndObject();
            return writer.ToString();
        }

        private static (string Key, bool ExplicitSchema) KeyOf(RegisteredTable table)
        {
            Require(RegistryNames.NameProblem(table.Name), $"Table name \"{table.Name}\"");
            if (table.Schema is not null)
            {
                Require(RegistryNames.NameProblem(table.Schema), $"Schema name \"{table.Schema}\" of table '{table.Name}'");
            }

            if (table.Name.IndexOf('.') < 0)
            {
                // The short form: "table" or "schema.table" (a schema containing a dot needs the explicit form too).
                if (table.Schema is null || table.Schema.IndexOf('.') < 0)
                {
                    return (RegistryNames.TableKey(table.Schema, table.Name), false);
                }

                return (table.Name, true);
            }

            if (table.Schema is not null && table.Name.StartsWith(table.Schema + ".", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Table '{table.Name}' in schema '{table.Schema}' cannot be written: its name starts with its schema name and a dot.");
            }

            return (table.Name, true);
        }

        private static void WriteIndex(JsonWriter writer, RegisteredTable table, IndexDefinition index)
        {
            Require(RegistryNames.NameProblem(index.Name), $"Index name \"{index.Name}\" in table '{table.Name}'");
            Require(index.PrimaryKey && (index.Where is not null || !index.IsOrdered) ? "is a partial or non-btree primary key, which PostgreSQL does not have" : null, $"Index '{index.Name}'");
            Require(index.Unique && !index.IsOrdered ? $"is unique with method {index.Method}, which PostgreSQL supports only with btree" : null, $"Index '{index.Name}'");
            writer.BeginObject().Property("name", index.Name);
            writer.PropertyName("columns").BeginArray(inline: true);
            foreach (var column in index.Columns)
            {
                if (column.IsExpression)
                {
                    // An expression key is written as an object so its text is never read back as a column name.
                    Require(RegistryNames.NameProblem(column.Name), $"Expression \"{column.Name}\" of index '{index.Name}'");
                    writer.BeginObject().Property("name", column.Name).Property("expression", true);
                    if (column.Descending)
                    {
                        writer.Property("descending", true);
                    }

                    writer.EndObject();
                    continue;
                }

                Require(RegistryNames.BareColumnProblem(column.Name), $"Column \"{column.Name}\" of index '{index.Name}'");
                writer.String(column.Descending ? column.Name + " DESC" : column.Name);
            }

            writer.EndArray()
                .Property("unique", index.Unique)
                .Property("primaryKey", index.PrimaryKey)
                .Property("where", index.Where);
            if (index.Method is not null)
            {
                Require(RegistryNames.IsMethodName(index.Method) ? null : "is not an access method name", $"Method \"{index.Method}\" of index '{index.Name}'");
                writer.Property("method", index.Method);
            }

            if (index.Include.Count > 0)
            {
                writer.PropertyName("include").BeginArray(inline: true);
                foreach (var column in index.Include)
                {
                    Require(RegistryNames.NameProblem(column), $"INCLUDE column \"{column}\" of index '{index.Name}'");
                    writer.String(column);
                }

                writer.EndArray();
            }

            writer.EndObject();
        }

        private static void Require(string? problem, string subject)
        {
            if (problem is not null)
            {
                throw new ArgumentException($"{subject} {problem}; the registry format cannot represent it.");
            }
        }
    }
}
