using System;
using System.Collections.Generic;
using System.Linq;

namespace Sargable.Registry
{
    /// <summary>A table the registry knows: its indexes and whether it is small enough to scan.</summary>
    public sealed class RegisteredTable
    {
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

        public string Name { get; }

        /// <summary>Schema name, or null when the table is known by its unqualified name only.</summary>
        public string? Schema { get; }

        public IReadOnlyList<IndexDefinition> Indexes { get; }

        /// <summary>A small table is exempt from the full-scan rules (SARG0001, SARG0006).</summary>
        public bool Small { get; }

        /// <summary>Row estimate from the live catalog, when known.</summary>
        public long? EstimatedRows { get; }

        public IndexDefinition? PrimaryKey => Indexes.FirstOrDefault(i => i.PrimaryKey);

        /// <summary>A copy with more indexes (for combining registry sources).</summary>
        public RegisteredTable WithIndexes(IEnumerable<IndexDefinition> more) =>
            new(Name, Indexes.Concat(more), Small, Schema, EstimatedRows);

        public RegisteredTable WithSmall(bool small) => new(Name, Indexes, small, Schema, EstimatedRows);

        public override string ToString() => (Schema is null ? Name : Schema + "." + Name) + (Small ? " (small)" : string.Empty);
    }
}
