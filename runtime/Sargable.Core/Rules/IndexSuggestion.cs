using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>The index that would serve an access: equality columns, then the range/order column, then a unique tie-breaker.</summary>
    internal sealed class IndexSuggestion
    {
        private IndexSuggestion(string table, string? schema, IReadOnlyList<IndexColumn> columns, string? where = null, string? nameSuffix = null)
        {
            Columns = columns;
            Where = where;
            Name = SqlIdentifiers.IndexName(table, columns.Select(c => c.Name).ToList(), nameSuffix);
            var builder = new StringBuilder("CREATE INDEX CONCURRENTLY ")
                .Append(SqlIdentifiers.Quote(Name))
                .Append(" ON ")
                .Append(SqlIdentifiers.QuoteQualified(schema, table))
                .Append(" (");
            for (var i = 0; i < columns.Count; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(SqlIdentifiers.Quote(columns[i].Name));
                if (columns[i].Descending)
                {
                    builder.Append(" DESC");
                }
            }

            builder.Append(')');
            if (where is not null)
            {
                builder.Append(" WHERE ").Append(where);
            }

            Ddl = builder.ToString();
        }

        public IReadOnlyList<IndexColumn> Columns { get; }

        public string Name { get; }

        /// <summary>The partial index's predicate, or null for a full index.</summary>
        public string? Where { get; }

        public string Ddl { get; }

        public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToList();

        /// <summary>
        /// Builds the suggestion. <paramref name="order"/> is the order the index must deliver (after equality columns);
        /// <paramref name="rangeColumn"/> leads it when given; <paramref name="tieBreaker"/> columns close it.
        /// </summary>
        public static IndexSuggestion? Create(AccessFacts facts, string? rangeColumn, IReadOnlyList<OrderColumn> order, IReadOnlyList<string> tieBreaker)
        {
            var access = facts.Access;
            var seen = ColumnSet.Create();
            var columns = new List<IndexColumn>();
            foreach (var column in EqualityColumnsScopeFirst(facts))
            {
                if (seen.Add(column))
                {
                    columns.Add(new IndexColumn(column));
                }
            }

            var baseDescending = order.Count > 0 && order[0].Descending;
            if (rangeColumn is not null && seen.Add(rangeColumn))
            {
                columns.Add(new IndexColumn(rangeColumn));
            }

            var lastDescending = false;
            foreach (var column in order)
            {
                lastDescending = column.Descending != baseDescending;
                if (seen.Add(column.Column))
                {
                    columns.Add(new IndexColumn(column.Column, lastDescending));
                }
            }

            foreach (var column in tieBreaker)
            {
                if (seen.Add(column))
                {
                    columns.Add(new IndexColumn(column, lastDescending));
                }
            }

            if (columns.Count == 0)
            {
                return null;
            }

            // Do not suggest what already exists: an index with these leading columns in this order.
            if (facts.Table is not null && facts.Table.Indexes.Any(i => i.IsOrdered && i.Where is null && StartsWith(i.Columns, columns)))
            {
                return null;
            }

            return new IndexSuggestion(access.Table, access.Schema, columns);
        }

        /// <summary>A partial index on <paramref name="columns"/> over the rows <paramref name="where"/> selects; <paramref name="nameSuffix"/> ends its name.</summary>
        public static IndexSuggestion Partial(AccessFacts facts, IReadOnlyList<IndexColumn> columns, string where, string nameSuffix) =>
            new(facts.Access.Table, facts.Access.Schema, columns, where, nameSuffix);

        /// <summary>Primary-key columns to close an order with, or the columns of the smallest unique index.</summary>
        public static IReadOnlyList<string> UniqueKey(AccessFacts facts)
        {
            var table = facts.Table;
            if (table is null)
            {
                return new[] { "id" };
            }

            var key = table.PrimaryKey ?? table.Indexes.Where(i => i.Unique && i.Where is null).OrderBy(i => i.Columns.Count).FirstOrDefault();
            return key is null ? new[] { "id" } : key.Columns.Select(c => c.Name).ToArray();
        }

        private static IEnumerable<string> EqualityColumnsScopeFirst(AccessFacts facts)
        {
            // Scope columns (those leading an existing index, like project_id) first: they are shared by most lookups.
            var leading = ColumnSet.Create();
            if (facts.Table is not null)
            {
                foreach (var index in facts.Table.Indexes)
                {
                    leading.Add(index.Columns[0].Name);
                }
            }

            var equalities = facts.Access.Equalities.Select(e => e.Column).ToList();
            return equalities.Where(leading.Contains).Concat(equalities.Where(c => !leading.Contains(c)));
        }

        private static bool StartsWith(IReadOnlyList<IndexColumn> existing, IReadOnlyList<IndexColumn> wanted)
        {
            if (existing.Count < wanted.Count)
            {
                return false;
            }

            var flip = existing[0].Descending != wanted[0].Descending;
            for (var i = 0; i < wanted.Count; i++)
            {
                if (!ColumnSet.Same(existing[i].Name, wanted[i].Name) || (existing[i].Descending != wanted[i].Descending) != flip)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
