using System;
using System.Collections.Generic;
using Sargable.Json;
using Sargable.Shapes;

namespace Sargable.Registry
{
    /// <summary>Turns a parsed registry document into an <see cref="IndexRegistry"/>, rejecting anything the format does not define.</summary>
    internal sealed class RegistryJsonReader
    {
        internal static readonly string[] RootProperties = ["$schema", "version", "smallTableRows", "tables"];
        internal static readonly string[] TableProperties = ["schema", "small", "estimatedRows", "columns", "indexes"];
        internal static readonly string[] IndexProperties = ["name", "columns", "unique", "primaryKey", "where", "method", "include"];
        internal static readonly string[] ColumnProperties = ["name", "descending", "expression"];

        private const string ColumnsMustBe = "must be a non-empty array of column names";

        /// <summary>The path of the object whose members <see cref="ReadTable(Sargable.Json.JsonProperty)"/> reads one by one.</summary>
        internal const string TablesPath = "tables";

        private readonly string source;
        private readonly List<RegisteredTable> tables = [];
        private readonly Dictionary<string, JsonPosition> seenTables = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, IndexColumn> ascendingColumns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IndexColumn> descendingColumns = new(StringComparer.Ordinal);

        public RegistryJsonReader(string source) => this.source = source;

        public IndexRegistry Read(JsonNode root)
        {
            if (root is not JsonObject document)
            {
                throw Error(root.Position, string.Empty, $"must be a JSON object with a \"tables\" property, not {root.Describe()}");
            }

            CheckKnown(document, RootProperties);

            if (document.Find("$schema") is { } schemaUri && schemaUri.Value is not JsonString)
            {
                throw Error(schemaUri.Value, $"must be a string (the URI of a JSON schema), not {schemaUri.Value.Describe()}");
            }

            if (document.Find("version") is { } version)
            {
                if (version.Value is not JsonNumber number || !number.TryGetInt64(out var value))
                {
                    throw Error(version.Value, $"must be the number {RegistryJson.FormatVersion}, not {Describe(version.Value)}");
                }

                if (value != RegistryJson.FormatVersion)
                {
                    throw Error(version.Value, $"is {number.Text}, but this Sargable reads only version {RegistryJson.FormatVersion} of the registry format");
                }
            }

            var smallTableRows = document.Find("smallTableRows") is { } threshold
                ? WholeNumber(threshold.Value)
                : IndexRegistry.DefaultSmallTableRows;

            var tablesProperty = document.Find("tables")
                ?? throw Error(document.Position, string.Empty, "must have a \"tables\" object that maps table names to their indexes (it may be empty: \"tables\": {})");
            if (tablesProperty.Value is not JsonObject)
            {
                throw Error(tablesProperty.Value, $"must be an object that maps table names to tables, not {tablesProperty.Value.Describe()}");
            }

            // The members of "tables" were read by ReadTable while parsing (the object itself comes back empty).
            return new IndexRegistry(this.tables, smallTableRows);
        }

        /// <summary>Reads one member of <c>"tables"</c> as soon as the JSON reader has it.</summary>
        public void ReadTable(JsonProperty property)
        {
            var table = ReadTable(TablesPath, property);
            var key = RegistryNames.TableKey(table.Schema, table.Name);
            if (seenTables.TryGetValue(key, out var first))
            {
                throw Error(property.NamePosition, TablesPath, $"has the table '{key}' twice (first at {first}); table names are case-insensitive");
            }

            seenTables.Add(key, property.NamePosition);
            tables.Add(table);
        }

        private RegisteredTable ReadTable(string tablesPath, JsonProperty property)
        {
            var key = property.Name;
            var keyProblem = RegistryNames.NameProblem(key);
            if (keyProblem is not null)
            {
                throw Error(property.NamePosition, tablesPath, $"has a table key that {keyProblem}: \"{key}\"");
            }

            if (property.Value is not JsonObject body)
            {
                throw Error(property.Value, $"must be an object with the table's \"indexes\" (and optionally \"small\", \"schema\", \"estimatedRows\", \"columns\"), not {property.Value.Describe()}");
            }

            CheckKnown(body, TableProperties);

            string name;
            string? schema;
            if (body.Find("schema") is { } schemaProperty)
            {
                // With an explicit "schema" the key is the table name exactly as written (it may contain dots).
                name = key;
                schema = schemaProperty.Value switch
                {
                    JsonNull => null,
                    JsonString s => Named(s, "a schema name"),
                    _ => throw Error(schemaProperty.Value, $"must be a schema name or null, not {schemaProperty.Value.Describe()}"),
                };
                if (schema is not null && key.StartsWith(schema + ".", StringComparison.OrdinalIgnoreCase))
                {
                    throw Error(property.NamePosition, body.Path, $"repeats the schema: when \"schema\" is given, the key is the bare table name (\"{key.Substring(schema.Length + 1)}\")");
                }
            }
            else
            {
                var dot = key.IndexOf('.');
                if (dot < 0)
                {
                    name = key;
                    schema = null;
                }
                else
                {
                    schema = key.Substring(0, dot);
                    name = key.Substring(dot + 1);
                    if (name.IndexOf('.') >= 0 || RegistryNames.NameProblem(schema) is not null || RegistryNames.NameProblem(name) is not null)
                    {
                        throw Error(property.NamePosition, tablesPath,
                            $"has the table key \"{key}\", which is neither \"table\" nor \"schema.table\"; for a table name that contains dots, give \"schema\" explicitly (a name or null)");
                    }
                }
            }

            var small = Boolean(body, "small") ?? false;
            long? estimatedRows = null;
            if (body.Find("estimatedRows") is { } rows && rows.Value is not JsonNull)
            {
                estimatedRows = WholeNumber(rows.Value);
            }

            var indexes = new List<IndexDefinition>();
            if (body.Find("indexes") is { } indexesProperty)
            {
                if (indexesProperty.Value is not JsonArray array)
                {
                    throw Error(indexesProperty.Value, $"must be an array of index objects, not {indexesProperty.Value.Describe()}");
                }

                var names = new Dictionary<string, JsonPosition>(StringComparer.OrdinalIgnoreCase);
                string? primaryKey = null;
                foreach (var item in array.Items)
                {
                    var index = ReadIndex(item, out var nameNode);
                    if (names.TryGetValue(index.Name, out var first))
                    {
                        throw Error(nameNode, $"repeats the index name '{index.Name}' (first at {first}); index names must be unique within a table");
                    }

                    names.Add(index.Name, nameNode.Position);
                    if (index.PrimaryKey)
                    {
                        if (primaryKey is not null)
                        {
                            var flag = ((JsonObject)item).Find("primaryKey")!.Value;
                            throw Error(flag, $"makes '{index.Name}' a second primary key of the table (the first is '{primaryKey}')");
                        }

                        primaryKey = index.Name;
                    }

                    indexes.Add(index);
                }
            }

            // Most tables have no "columns": keep the shared empty map rather than one dictionary per table.
            return new RegisteredTable(name, indexes, small, schema, estimatedRows)
            {
                ColumnDomains = body.Find("columns") is null ? RegisteredTable.NoDomains : ReadColumnDomains(body),
            };
        }

        /// <summary><c>"columns": {"is_default": "boolean", "status": "enumeration"}</c>: columns with few distinct values (SARG0006's partial index).</summary>
        private Dictionary<string, ColumnDomain> ReadColumnDomains(JsonObject table)
        {
            var domains = new Dictionary<string, ColumnDomain>(StringComparer.OrdinalIgnoreCase);
            if (table.Find("columns") is not { } columnsProperty)
            {
                return domains;
            }

            if (columnsProperty.Value is not JsonObject columns)
            {
                throw Error(columnsProperty.Value, $"must be an object from column name to \"boolean\" or \"enumeration\", not {columnsProperty.Value.Describe()}");
            }

            foreach (var column in columns.Properties)
            {
                if (RegistryNames.NameProblem(column.Name) is { } problem)
                {
                    throw Error(column.NamePosition, columns.Path, $"has a column name that {problem}: \"{column.Name}\"");
                }

                domains[column.Name] = column.Value switch
                {
                    JsonString { Value: "boolean" } => ColumnDomain.Boolean,
                    JsonString { Value: "enumeration" } => ColumnDomain.Enumeration,
                    _ => throw Error(column.Value, $"must be \"boolean\" or \"enumeration\", not {Describe(column.Value)}"),
                };
            }

            return domains;
        }

        private IndexDefinition ReadIndex(JsonNode node, out JsonNode nameNode)
        {
            if (node is not JsonObject index)
            {
                throw Error(node, $"must be an index object with \"name\" and \"columns\", not {node.Describe()}");
            }

            CheckKnown(index, IndexProperties);

            var nameProperty = index.Find("name") ?? throw Error(index.Position, index.Path, "must have a \"name\"");
            nameNode = nameProperty.Value;
            var name = nameProperty.Value is JsonString nameString
                ? Named(nameString, "an index name")
                : throw Error(nameProperty.Value, $"must be the index name as a string, not {nameProperty.Value.Describe()}");

            var columnsProperty = index.Find("columns");
            if (columnsProperty is null)
            {
                throw Error(index.Position, JsonPathText.Property(index.Path, "columns"), ColumnsMustBe);
            }

            if (columnsProperty.Value is not JsonArray columnsArray || columnsArray.Items.Count == 0)
            {
                throw Error(columnsProperty.Value, ColumnsMustBe);
            }

            var columns = new List<IndexColumn>(columnsArray.Items.Count);
            foreach (var item in columnsArray.Items)
            {
                columns.Add(ReadColumn(item));
            }

            var unique = Boolean(index, "unique");
            var primaryKey = Boolean(index, "primaryKey") ?? false;

            string? where = null;
            if (index.Find("where") is { } whereProperty)
            {
                where = whereProperty.Value switch
                {
                    JsonNull => null,
                    JsonString s when s.Value.Trim().Length > 0 => s.Value,
                    JsonString => throw Error(whereProperty.Value, "must be the partial-index predicate as SQL text, or null; it is an empty string"),
                    _ => throw Error(whereProperty.Value, $"must be the partial-index predicate as SQL text, or null, not {whereProperty.Value.Describe()}"),
                };
            }

            string? method = null;
            if (index.Find("method") is { } methodProperty)
            {
                if (methodProperty.Value is not JsonString methodString || !RegistryNames.IsMethodName(methodString.Value))
                {
                    throw Error(methodProperty.Value, $"must be an index access method name such as \"btree\", \"hash\", \"gin\", \"gist\" or \"brin\", not {Describe(methodProperty.Value)}");
                }

                method = methodString.Value.ToLowerInvariant();
            }

            var include = new List<string>();
            if (index.Find("include") is { } includeProperty)
            {
                if (includeProperty.Value is not JsonArray includeArray)
                {
                    throw Error(includeProperty.Value, $"must be an array of column names, not {includeProperty.Value.Describe()}");
                }

                foreach (var item in includeArray.Items)
                {
                    include.Add(item is JsonString s
                        ? Named(s, "a column name")
                        : throw Error(item, $"must be a column name, not {item.Describe()}"));
                }
            }

            var ordered = method is null or "btree";
            if (primaryKey)
            {
                if (unique == false)
                {
                    throw Error(index.Find("unique")!.Value, "is false, but a primary key is always unique; remove \"unique\" or set it to true");
                }

                if (where is not null)
                {
                    throw Error(index.Find("where")!.Value, "must be null for a primary key: a primary key cannot be a partial index");
                }

                if (!ordered)
                {
                    throw Error(index.Find("method")!.Value, $"is \"{method}\", but a primary key is always a btree index");
                }
            }
            else if (unique == true && !ordered)
            {
                throw Error(index.Find("method")!.Value, $"is \"{method}\", but PostgreSQL supports unique indexes only with btree");
            }

            return new IndexDefinition(name, columns, unique ?? false, primaryKey, where, include, method);
        }

        private IndexColumn ReadColumn(JsonNode node)
        {
            switch (node)
            {
                case JsonString text:
                {
                    var problem = RegistryNames.ParseColumnText(text.Value, out var name, out var descending);
                    if (problem is not null)
                    {
                        throw Error(node, $"{problem} (column \"{text.Value}\")");
                    }

                    return Column(name, descending);
                }

                case JsonObject column:
                {
                    CheckKnown(column, ColumnProperties);
                    var nameProperty = column.Find("name") ?? throw Error(column.Position, column.Path, "must have a \"name\"");
                    if (nameProperty.Value is not JsonString nameString)
                    {
                        throw Error(nameProperty.Value, $"must be the column name as a string, not {nameProperty.Value.Describe()}");
                    }

                    var expression = Boolean(column, "expression") ?? false;
                    var problem = expression ? RegistryNames.NameProblem(nameString.Value) : RegistryNames.BareColumnProblem(nameString.Value);
                    if (problem is not null)
                    {
                        throw Error(nameProperty.Value, $"{problem} (column \"{nameString.Value}\")");
                    }

                    return expression
                        ? new IndexColumn(nameString.Value, Boolean(column, "descending") ?? false) { IsExpression = true }
                        : Column(nameString.Value, Boolean(column, "descending") ?? false);
                }

                default:
                    throw Error(node, $"must be a column name such as \"updated_at\" or \"updated_at DESC\", or an object {{\"name\": ..., \"descending\": ...}}, not {node.Describe()}");
            }
        }

        /// <summary>Index columns are immutable and their names recur across tables (id, project_id...): one instance each.</summary>
        private IndexColumn Column(string name, bool descending)
        {
            var pool = descending ? descendingColumns : ascendingColumns;
            if (!pool.TryGetValue(name, out var column))
            {
                column = new IndexColumn(name, descending);
                pool.Add(name, column);
            }

            return column;
        }

        private void CheckKnown(JsonObject node, string[] known)
        {
            foreach (var property in node.Properties)
            {
                if (Array.IndexOf(known, property.Name) >= 0)
                {
                    continue;
                }

                var suggestion = RegistryNames.Suggest(property.Name, known);
                var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
                throw Error(property.NamePosition, node.Path,
                    $"has an unknown property '{property.Name}'{hint}; known properties are {string.Join(", ", known)}");
            }
        }

        private bool? Boolean(JsonObject node, string name)
        {
            var property = node.Find(name);
            if (property is null)
            {
                return null;
            }

            return property.Value is JsonBoolean value
                ? value.Value
                : throw Error(property.Value, $"must be true or false, not {Describe(property.Value)}");
        }

        private long WholeNumber(JsonNode node)
        {
            if (node is JsonNumber number && number.TryGetInt64(out var value) && value >= 0)
            {
                return value;
            }

            return node is JsonNumber
                ? throw Error(node, $"must be a whole number of rows, zero or more; {((JsonNumber)node).Text} is not")
                : throw Error(node, $"must be a whole number of rows, zero or more, not {node.Describe()}");
        }

        private string Named(JsonString node, string what)
        {
            var problem = RegistryNames.NameProblem(node.Value);
            return problem is null ? node.Value : throw Error(node, $"must be {what} that is not empty and does not start or end with spaces, not \"{node.Value}\"");
        }

        private static string Describe(JsonNode node) => node switch
        {
            JsonString s => "\"" + s.Value + "\"",
            JsonNumber n => n.Text,
            _ => node.Describe(),
        };

        private RegistryFormatException Error(JsonNode node, string problem) => Error(node.Position, node.Path, problem);

        private RegistryFormatException Error(JsonPosition position, string path, string problem) =>
            path.Length == 0
                ? new RegistryFormatException(source, position.Line, position.Column, null, "the registry " + problem)
                : new RegistryFormatException(source, position.Line, position.Column, path, problem);
    }
}
