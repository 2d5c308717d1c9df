using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>An index or key of an entity, by property names.</summary>
    internal sealed class IndexModel
    {
        public IndexModel(string? name, IReadOnlyList<string> properties, bool unique, bool primaryKey, IReadOnlyList<bool>? descending = null, string? filter = null)
        {
            Name = name;
            Properties = properties;
            Unique = unique || primaryKey;
            PrimaryKey = primaryKey;
            Descending = descending ?? properties.Select(_ => false).ToArray();
            Filter = filter;
        }

        public string? Name { get; set; }

        public IReadOnlyList<string> Properties { get; }

        public bool Unique { get; set; }

        public bool PrimaryKey { get; }

        public IReadOnlyList<bool> Descending { get; set; }

        public string? Filter { get; set; }
    }

    /// <summary>A reference navigation and the foreign key behind it.</summary>
    internal sealed class NavigationModel
    {
        public NavigationModel(string name, INamedTypeSymbol target)
        {
            Name = name;
            Target = target;
        }

        public string Name { get; }

        public INamedTypeSymbol Target { get; }

        /// <summary>Foreign-key properties on the declaring entity, when known.</summary>
        public IReadOnlyList<string>? ForeignKey { get; set; }
    }

    /// <summary>What the analyzers know about one entity type: its table, properties, keys, indexes and navigations.</summary>
    internal sealed class EntityModel
    {
        public EntityModel(INamedTypeSymbol type)
        {
            Type = type;
            TableName = type.Name;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>The name shapes and the registry use for this entity's table (ToTable, [Table], DbSet name or type name).</summary>
        public string TableName { get; set; }

        public string? Schema { get; set; }

        /// <summary>True once ToTable or [Table] named the table explicitly.</summary>
        public bool TableNameExplicit { get; set; }

        /// <summary>Every name a registry file might use for this table: table, DbSet and type names.</summary>
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Mapped scalar properties by name, with their column names.</summary>
        public Dictionary<string, string> Columns { get; } = new(StringComparer.Ordinal);

        /// <summary>Mapped properties of type string (prefix searches apply to them).</summary>
        public HashSet<string> StringColumns { get; } = new(StringComparer.Ordinal);

        /// <summary>Mapped properties of type bool or bool?: a filter on one of them alone wants a partial index.</summary>
        public HashSet<string> BooleanColumns { get; } = new(StringComparer.Ordinal);

        /// <summary>Mapped properties of an enum type (or its nullable), with that type, so a filter's enum member can be read as its number.</summary>
        public Dictionary<string, INamedTypeSymbol> EnumColumns { get; } = new(StringComparer.Ordinal);

        /// <summary>Enum properties stored as their member name (<c>[Column(TypeName = "text")]</c>): a filter's literal is <c>'Member'</c>, not a number.</summary>
        public HashSet<string> StringEnumColumns { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, NavigationModel> Navigations { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<string>? PrimaryKey { get; set; }

        public bool Keyless { get; set; }

        public List<IndexModel> Indexes { get; } = new();

        /// <summary>Foreign keys configured or found by convention (property lists), for EF's index-per-foreign-key convention.</summary>
        public List<IReadOnlyList<string>> ForeignKeys { get; } = new();

        /// <summary>True when every index of the entity is visible in the compilation, so "no index serves it" can be trusted.</summary>
        public bool IndexesVisible { get; set; } = true;

        /// <summary>True when the model seeds rows with HasData.</summary>
        public bool Seeded { get; set; }

        /// <summary>Why the model suggests a lookup or configuration table (<see cref="LookupTableInference"/>), or null.</summary>
        public string? LookupReason { get; set; }

        public bool HasProperty(string name) => Columns.ContainsKey(name);

        /// <summary>Keys and indexes in the form the registry wants (primary key, unique keys, indexes, foreign-key indexes).</summary>
        public IEnumerable<IndexModel> AllIndexes()
        {
            var list = new List<IndexModel>();
            if (PrimaryKey is { Count: > 0 } key && !Keyless)
            {
                list.Add(new IndexModel("PK_" + TableName, key, unique: true, primaryKey: true));
            }

            list.AddRange(Indexes);
            foreach (var foreignKey in ForeignKeys)
            {
                // EF creates an index per foreign key unless a key or index already starts with its columns.
                var covered = list.Any(i => i.Properties.Count >= foreignKey.Count && foreignKey.Select((p, n) => string.Equals(i.Properties[n], p, StringComparison.Ordinal)).All(b => b));
                if (!covered)
                {
                    list.Add(new IndexModel("IX_" + TableName + "_" + string.Join("_", foreignKey), foreignKey, unique: false, primaryKey: false));
                }
            }

            foreach (var index in list)
            {
                index.Name ??= "IX_" + TableName + "_" + string.Join("_", index.Properties);
            }

            return list;
        }

        public override string ToString() => TableName;
    }
}
