using System;
using System.Collections.Generic;
using System.Linq;

namespace Sargable.Registry
{
    /// <summary>An index the database has (or is allowed to have): ordered key columns, uniqueness, partial predicate, INCLUDE columns.</summary>
    public sealed class IndexDefinition
    {
        /// <summary>An index named <paramref name="name"/> over <paramref name="columns"/> in key order.</summary>
        public IndexDefinition(
            string name,
            IEnumerable<IndexColumn> columns,
            bool unique = false,
            bool primaryKey = false,
            string? where = null,
            IEnumerable<string>? include = null,
            string? method = null)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("An index needs a name.", nameof(name));
            }

            Name = name;
            Columns = (columns ?? throw new ArgumentNullException(nameof(columns))).ToArray();
            if (Columns.Count == 0)
            {
                throw new ArgumentException($"Index '{name}' has no key columns.", nameof(columns));
            }

            // A primary key is unique by definition; keeping both flags consistent simplifies every rule.
            Unique = unique || primaryKey;
            PrimaryKey = primaryKey;
            Where = string.IsNullOrWhiteSpace(where) ? null : where;
            Include = (include ?? Array.Empty<string>()).ToArray();
            Method = string.IsNullOrWhiteSpace(method) ? null : method!.ToLowerInvariant();
        }

        /// <summary>The index name.</summary>
        public string Name { get; }

        /// <summary>The key columns in order.</summary>
        public IReadOnlyList<IndexColumn> Columns { get; }

        /// <summary>True for a unique index (a primary key is one).</summary>
        public bool Unique { get; }

        /// <summary>True for the table's primary key.</summary>
        public bool PrimaryKey { get; }

        /// <summary>The partial-index predicate as SQL text, or null for a full index.</summary>
        public string? Where { get; }

        /// <summary>Non-key columns carried in the index (PostgreSQL INCLUDE).</summary>
        public IReadOnlyList<string> Include { get; }

        /// <summary>Access method (btree, hash, gin, gist, brin...); null means btree.</summary>
        public string? Method { get; }

        /// <summary>True for methods that keep keys ordered, so they can serve ranges and ORDER BY.</summary>
        public bool IsOrdered => Method is null or "btree";

        /// <inheritdoc />
        public override string ToString() =>
            $"{Name} ({string.Join(", ", Columns)}){(Unique ? " unique" : string.Empty)}{(Where is null ? string.Empty : " WHERE " + Where)}";
    }
}
