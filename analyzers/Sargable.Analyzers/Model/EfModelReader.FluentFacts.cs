using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>What the fluent API configures, collected while walking and applied to the entities afterwards.</summary>
    internal static partial class EfModelReader
    {
        private sealed class FluentFacts
        {
            public HashSet<IMethodSymbol> Visited { get; } = new(Comparer);

            public bool Incomplete { get; set; }

            /// <summary>The context being read calls (or inherits) an OnModelCreating compiled in another assembly.</summary>
            public bool OpaqueBase { get; set; }

            public HashSet<INamedTypeSymbol> IncompleteEntities { get; } = new(Comparer);

            public HashSet<INamedTypeSymbol> Entities { get; } = new(Comparer);

            public List<(INamedTypeSymbol Entity, string Table, string? Schema)> Tables { get; } = new();

            public List<(INamedTypeSymbol Entity, List<string> Properties, bool Primary)> Keys { get; } = new();

            public HashSet<INamedTypeSymbol> Keyless { get; } = new(Comparer);

            public List<(INamedTypeSymbol Entity, IndexModel Index)> Indexes { get; } = new();

            public List<(INamedTypeSymbol Entity, string Property, string Column)> Columns { get; } = new();

            /// <summary><c>Property(...).HasConversion(...)</c>: stored as the enum's name (<c>ToText</c>) or through a converter the analyzer cannot read.</summary>
            public List<(INamedTypeSymbol Entity, string Property, bool ToText)> Conversions { get; } = new();

            public List<(INamedTypeSymbol Dependent, string? Navigation, List<string> Properties)> ForeignKeys { get; } = new();

            /// <summary>Entities given rows with HasData (a lookup-table signal, see <see cref="LookupTableInference"/>).</summary>
            public HashSet<INamedTypeSymbol> Seeded { get; } = new(Comparer);

            public void ApplyTo(Dictionary<INamedTypeSymbol, EntityModel> entities)
            {
                foreach (var type in Seeded)
                {
                    if (entities.TryGetValue(type, out var seeded))
                    {
                        seeded.Seeded = true;
                    }
                }

                foreach (var (type, table, schema) in Tables)
                {
                    if (entities.TryGetValue(type, out var entity))
                    {
                        entity.TableName = table;
                        entity.TableNameExplicit = true;
                        entity.Schema = schema ?? entity.Schema;
                        entity.Names.Add(table);
                    }
                }

                foreach (var (type, properties, primary) in Keys)
                {
                    if (!entities.TryGetValue(type, out var entity))
                    {
                        continue;
                    }

                    if (primary)
                    {
                        entity.PrimaryKey = properties;
                    }
                    else
                    {
                        entity.Indexes.Add(new IndexModel("AK_" + entity.TableName + "_" + string.Join("_", properties), properties, unique: true, primaryKey: false));
                    }
                }

                foreach (var type in Keyless)
                {
                    if (entities.TryGetValue(type, out var entity))
                    {
                        entity.Keyless = true;
                    }
                }

                foreach (var (type, index) in Indexes)
                {
                    if (entities.TryGetValue(type, out var entity))
                    {
                        entity.Indexes.Add(index);
                    }
                }

                foreach (var (type, property, column) in Columns)
                {
                    if (entities.TryGetValue(type, out var entity) && entity.Columns.ContainsKey(property))
                    {
                        entity.Columns[property] = column;
                    }
                }

                foreach (var (type, property, toText) in Conversions)
                {
                    if (entities.TryGetValue(type, out var entity) && entity.EnumColumns.ContainsKey(property))
                    {
                        if (toText)
                        {
                            entity.StringEnumColumns.Add(property);
                        }
                        else
                        {
                            // A converter we cannot interpret: no literal is guessed, the filter gets the plain index suggestion.
                            entity.EnumColumns.Remove(property);
                            entity.StringEnumColumns.Remove(property);
                        }
                    }
                }

                foreach (var (type, navigation, properties) in ForeignKeys)
                {
                    if (!entities.TryGetValue(type, out var entity))
                    {
                        continue;
                    }

                    if (navigation is not null && entity.Navigations.TryGetValue(navigation, out var nav))
                    {
                        nav.ForeignKey = properties;
                    }
                    else if (!entity.ForeignKeys.Any(f => f.SequenceEqual(properties)))
                    {
                        entity.ForeignKeys.Add(properties);
                    }
                }
            }
        }
    }
}
