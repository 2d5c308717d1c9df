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

            /// <summary>Try each method's syntax before binding it (off only to compare both readings in tests).</summary>
            public bool ReadSyntaxFirst { get; set; } = true;

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

            /// <summary>
            /// <c>ConfigureConventions</c>' <c>Properties&lt;T&gt;().HaveConversion(...)</c>: every property of type <c>T</c> (or
            /// derived from it, or its nullable) stored as the enum's name (<c>ToText</c>) or through a converter the analyzer cannot read.
            /// </summary>
            public List<(ITypeSymbol Type, bool ToText)> ConventionConversions { get; } = new();

            /// <summary>A conventions method or helper compiled elsewhere: how an enum is stored cannot be known.</summary>
            public bool OpaqueConventions { get; set; }

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

                // Conventions first: a property's own HasConversion, applied next, overrides them.
                ApplyConventionConversions(entities);

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

            private void ApplyConventionConversions(Dictionary<INamedTypeSymbol, EntityModel> entities)
            {
                if (ConventionConversions.Count == 0 && !OpaqueConventions)
                {
                    return;
                }

                foreach (var entity in entities.Values)
                {
                    foreach (var pair in entity.EnumColumns.ToList())
                    {
                        if (Conversions.Any(c => Comparer.Equals(c.Entity, entity.Type) && c.Property == pair.Key))
                        {
                            continue;
                        }

                        var covering = ConventionConversions.Where(c => Covers(c.Type, pair.Value)).ToList();
                        var applied = covering.Select(c => c.ToText).Distinct().ToList();
                        if (OpaqueConventions || applied.Contains(false) || applied.Count > 1 || covering.Any(c => IsBaseOf(c.Type, pair.Value)))
                        {
                            // Unreadable, or contexts that disagree: no literal is guessed, the filter gets the plain index suggestion.
                            entity.EnumColumns.Remove(pair.Key);
                            entity.StringEnumColumns.Remove(pair.Key);
                        }
                        else if (applied.Count == 1)
                        {
                            entity.StringEnumColumns.Add(pair.Key);
                        }
                    }
                }
            }

            /// <summary>
            /// True when <c>Properties&lt;T&gt;()</c> with <paramref name="configured"/> as <c>T</c> may reach a property of
            /// <paramref name="enumType"/>: T is that enum (or its nullable), or a type it derives from or implements. For the
            /// latter the caller guesses no literal whatever the conversion, as it is not read which properties EF applies it to.
            /// </summary>
            private static bool Covers(ITypeSymbol configured, INamedTypeSymbol enumType) =>
                Comparer.Equals(Unwrap(configured), enumType) || IsBaseOf(configured, enumType);

            private static ITypeSymbol Unwrap(ITypeSymbol type) =>
                type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

            private static bool IsBaseOf(ITypeSymbol configured, INamedTypeSymbol enumType) =>
                configured.SpecialType is SpecialType.System_Enum or SpecialType.System_ValueType or SpecialType.System_Object ||
                enumType.AllInterfaces.Any(i => Comparer.Equals(i, configured));
        }
    }
}
