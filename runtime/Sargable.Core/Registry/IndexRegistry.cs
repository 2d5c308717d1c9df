using System;
using System.Collections.Generic;
using System.Linq;

namespace Sargable.Registry
{
    /// <summary>
    /// The allowed-index registry: the tables a database has, with the indexes queries may use.
    /// Immutable and thread-safe; sources (JSON, DDL, EF model, live catalog, code) are combined with <see cref="Merge"/>.
    /// </summary>
    public sealed class IndexRegistry
    {
        /// <summary>Tables whose estimated row count is below this are treated as small when no explicit flag says otherwise.</summary>
        public const long DefaultSmallTableRows = 1000;

        private readonly Dictionary<string, RegisteredTable> byName;

        /// <summary>A registry of <paramref name="tables"/>; tables estimated below <paramref name="smallTableRows"/> rows count as small.</summary>
        public IndexRegistry(IEnumerable<RegisteredTable> tables, long smallTableRows = DefaultSmallTableRows)
        {
            if (tables is null)
            {
                throw new ArgumentNullException(nameof(tables));
            }

            if (smallTableRows < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(smallTableRows), smallTableRows, "The small-table threshold cannot be negative.");
            }

            SmallTableRows = smallTableRows;
            byName = new Dictionary<string, RegisteredTable>(StringComparer.OrdinalIgnoreCase);
            foreach (var table in tables)
            {
                var key = Key(table.Schema, table.Name);
                byName[key] = byName.TryGetValue(key, out var existing) ? Combine(existing, table) : table;
            }

            Tables = byName.Values.OrderBy(t => t.Schema ?? string.Empty, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToArray();
        }

        /// <summary>A registry that knows no table.</summary>
        public static IndexRegistry Empty { get; } = new(Array.Empty<RegisteredTable>());

        /// <summary>The tables the registry knows.</summary>
        public IReadOnlyList<RegisteredTable> Tables { get; }

        /// <summary>Tables estimated below this many rows are small.</summary>
        public long SmallTableRows { get; }

        /// <summary>Finds a table by name (case-insensitive); a schema-qualified lookup also matches an entry without schema.</summary>
        public RegisteredTable? Find(string table, string? schema = null)
        {
            if (schema is not null && byName.TryGetValue(Key(schema, table), out var qualified))
            {
                return qualified;
            }

            if (byName.TryGetValue(Key(null, table), out var plain))
            {
                return plain;
            }

            if (schema is null)
            {
                // An unqualified name in SQL resolves through the search path: accept a unique schema-qualified entry.
                var candidates = Tables.Where(t => string.Equals(t.Name, table, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                if (candidates.Count == 1)
                {
                    return candidates[0];
                }

                return candidates.FirstOrDefault(t => string.Equals(t.Schema, "public", StringComparison.OrdinalIgnoreCase));
            }

            return null;
        }

        /// <summary>
        /// True when the table is exempt from full-scan rules. Declared large wins, then declared small, then the row
        /// estimate against the threshold, then the model's lookup-table inference; an unknown table is large.
        /// </summary>
        public bool IsSmall(RegisteredTable table) => SizeBasisOf(table) switch
        {
            TableSizeBasis.DeclaredSmall or TableSizeBasis.InferredLookup => true,
            TableSizeBasis.RowEstimate => table.EstimatedRows < SmallTableRows,
            _ => false,
        };

        /// <summary>Which knowledge decides the table's size (the order of <see cref="IsSmall"/>).</summary>
        public TableSizeBasis SizeBasisOf(RegisteredTable? table)
        {
            if (table is null)
            {
                return TableSizeBasis.Unknown;
            }

            if (table.Large)
            {
                return TableSizeBasis.DeclaredLarge;
            }

            if (table.Small)
            {
                return TableSizeBasis.DeclaredSmall;
            }

            if (table.EstimatedRows is >= 0)
            {
                return TableSizeBasis.RowEstimate;
            }

            return table.InferredLookup is not null ? TableSizeBasis.InferredLookup : TableSizeBasis.Unknown;
        }

        /// <summary>One phrase saying what the size judgement rests on, for messages and logs ("registry estimate 2,000,000 rows").</summary>
        public string DescribeSize(RegisteredTable? table) => SizeBasisOf(table) switch
        {
            TableSizeBasis.DeclaredLarge => "declared large (large_tables)",
            TableSizeBasis.DeclaredSmall => "declared small (registry or small_tables)",
            TableSizeBasis.RowEstimate => string.Format(System.Globalization.CultureInfo.InvariantCulture, "registry estimate {0:N0} rows", table!.EstimatedRows),
            TableSizeBasis.InferredLookup => "inferred lookup table (" + table!.InferredLookup + ")",
            _ => "size unknown, treated as large",
        };

        /// <summary>Combines two registries: indexes are united (by name), a table is small if either source says so.</summary>
        public IndexRegistry Merge(IndexRegistry other) =>
            new(Tables.Concat((other ?? throw new ArgumentNullException(nameof(other))).Tables), Math.Max(SmallTableRows, other.SmallTableRows));

        /// <summary>A copy in which the named tables are marked small (added empty when unknown).</summary>
        public IndexRegistry WithSmallTables(params string[] tables) =>
            new(Tables.Concat(tables.Select(t => new RegisteredTable(t, small: true))), SmallTableRows);

        /// <summary>A copy with another small-table threshold.</summary>
        public IndexRegistry WithSmallTableRows(long rows) => new(Tables, rows);

        private static RegisteredTable Combine(RegisteredTable a, RegisteredTable b)
        {
            var names = new HashSet<string>(a.Indexes.Select(i => i.Name), StringComparer.OrdinalIgnoreCase);
            var merged = a.WithIndexes(b.Indexes.Where(i => names.Add(i.Name)));
            var rows = a.EstimatedRows ?? b.EstimatedRows;
            return new RegisteredTable(a.Name, merged.Indexes, a.Small || b.Small, a.Schema ?? b.Schema, rows)
            {
                Large = a.Large || b.Large,
                InferredLookup = a.InferredLookup ?? b.InferredLookup,
                ColumnDomains = MergeDomains(a.ColumnDomains, b.ColumnDomains),
            };
        }

        private static IReadOnlyDictionary<string, Shapes.ColumnDomain> MergeDomains(IReadOnlyDictionary<string, Shapes.ColumnDomain> a, IReadOnlyDictionary<string, Shapes.ColumnDomain> b)
        {
            if (b.Count == 0)
            {
                return a;
            }

            var merged = new Dictionary<string, Shapes.ColumnDomain>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in b.Concat(a))
            {
                merged[pair.Key] = pair.Value;
            }

            return merged;
        }

        private static string Key(string? schema, string table) => schema is null ? table : schema + "." + table;
    }
}
