using System;
using System.Collections.Generic;
using System.Linq;

namespace Sargable.Registry
{
    /// <summary>A table the registry knows: its indexes and whether it is small enough to scan.</summary>
    public sealed class RegisteredTable
    {
        /// <summary>A table named <paramref name="name"/> with its indexes, size flag, schema and row estimate.</summary>
        public RegisteredTable(string name, IEnumerable<IndexDefinition>? indexes = null, bool small = false, string? schema = null, long? estimatedRows = null)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A table needs a name.", nameof(name));
            }

            Name = name;
            Schema = string.IsNullOrWhiteSpace(schema) ? null : schema;
            Indexes = (indexes ?? Array.Empty<IndexDefinition>()).ToArray();
            Small = small;
            EstimatedRows = estimatedRows;
        }

        /// <summary>The table name (compared case-insensitively).</summary>
        public string Name { get; }

        /// <summary>Schema name, or null when the table is known by its unqualified name only.</summary>
        public string? Schema { get; }

        /// <summary>The table's indexes, primary key included.</summary>
        public IReadOnlyList<IndexDefinition> Indexes { get; }

        /// <summary>A small table is exempt from the full-scan rules (SARG0001, SARG0006).</summary>
        public bool Small { get; }

        /// <summary>Row estimate from the live catalog, when known.</summary>
        public long? EstimatedRows { get; }

        /// <summary>
        /// Listed as large (<c>large_tables</c>): never exempt from the full-scan rules, whatever the registry's flag,
        /// estimate or the model's inference say.
        /// </summary>
        public bool Large { get; init; }

        /// <summary>Why the EF model suggests a lookup or configuration table ("seeded with HasData"), or null when it does not.</summary>
        public string? InferredLookup { get; init; }

        /// <summary>
        /// Columns known to hold few distinct values (boolean, enumeration), by column name, case-insensitively. The EF
        /// model knows them; SQL text alone does not tell <c>status = 2</c> on an enum from any other integer.
        /// </summary>
        public IReadOnlyDictionary<string, Shapes.ColumnDomain> ColumnDomains { get; init; } = NoDomains;

        /// <summary>The shared empty <see cref="ColumnDomains"/>.</summary>
        internal static IReadOnlyDictionary<string, Shapes.ColumnDomain> NoDomains { get; } = new Dictionary<string, Shapes.ColumnDomain>();

        /// <summary>The primary key index, or null when none is known.</summary>
        public IndexDefinition? PrimaryKey => Indexes.FirstOrDefault(i => i.PrimaryKey);

        /// <summary>A copy with more indexes (for combining registry sources).</summary>
        public RegisteredTable WithIndexes(IEnumerable<IndexDefinition> more) =>
            new(Name, Indexes.Concat(more), Small, Schema, EstimatedRows) { Large = Large, InferredLookup = InferredLookup, ColumnDomains = ColumnDomains };

        /// <summary>A copy with the small flag set to <paramref name="small"/>.</summary>
        public RegisteredTable WithSmall(bool small) => new(Name, Indexes, small, Schema, EstimatedRows) { Large = Large, InferredLookup = InferredLookup, ColumnDomains = ColumnDomains };

        /// <inheritdoc />
        public override string ToString() => (Schema is null ? Name : Schema + "." + Name) + (Small ? " (small)" : string.Empty);
    }
}
