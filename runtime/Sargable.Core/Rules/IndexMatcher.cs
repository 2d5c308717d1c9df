using System.Collections.Generic;
using Sargable.Registry;

namespace Sargable.Rules
{
    /// <summary>
    /// Decides how an index serves an access: its first k columns equality-bound, then optionally one range-bound
    /// column, then the remaining ORDER BY columns in index order with one consistent direction (as declared or all reversed).
    /// </summary>
    internal static class IndexMatcher
    {
        public static IndexMatch Match(IndexDefinition index, AccessFacts facts)
        {
            var columns = index.Columns;
            if (!PartialPredicateHolds(index, facts))
            {
                return new IndexMatch(index, 0, false, 0, false, false, false);
            }

            var k = 0;
            while (k < columns.Count && facts.Equal.Contains(columns[k].Name))
            {
                k++;
            }

            if (!index.IsOrdered)
            {
                // Hash and friends answer only full equality and deliver no order.
                var full = k == columns.Count;
                return new IndexMatch(index, full ? k : 0, false, 0, full, facts.EffectiveOrder.Count == 0, full && index.Unique);
            }

            var pointLookup = index.Unique && k == columns.Count;
            var rangeUsed = k < columns.Count && facts.Range.Contains(columns[k].Name);
            var order = facts.EffectiveOrder;
            var matched = MatchOrder(columns, k, order);
            var servesOrder = order.Count == 0 || matched == order.Count;
            var servesFilter = k > 0 || rangeUsed;
            return new IndexMatch(index, k, rangeUsed, matched, servesFilter, servesOrder, pointLookup);
        }

        /// <summary>The best-serving index first: point lookups, then filter-and-order, then the longest prefix.</summary>
        public static List<IndexMatch> MatchAll(AccessFacts facts)
        {
            if (facts.Table is null)
            {
                return new List<IndexMatch>();
            }

            var matches = new List<IndexMatch>(facts.Table.Indexes.Count);

            foreach (var index in facts.Table.Indexes)
            {
                matches.Add(Match(index, facts));
            }

            matches.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Index.Columns.Count.CompareTo(b.Index.Columns.Count));
            return matches;
        }

        private static int MatchOrder(IReadOnlyList<IndexColumn> columns, int start, IReadOnlyList<Shapes.OrderColumn> order)
        {
            bool? reversed = null;
            var matched = 0;
            for (var i = 0; i < order.Count && start + i < columns.Count; i++)
            {
                var indexColumn = columns[start + i];
                var wanted = order[i];
                if (!ColumnSet.Same(indexColumn.Name, wanted.Column))
                {
                    break;
                }

                var flip = wanted.Descending != indexColumn.Descending;
                if (reversed is { } r && r != flip)
                {
                    break;
                }

                // PostgreSQL puts NULLs last ascending and first descending; a backward scan flips both.
                var wantedNullsFirst = wanted.NullsFirst ?? wanted.Descending;
                if (wantedNullsFirst != (indexColumn.Descending != flip))
                {
                    break;
                }

                reversed = flip;
                matched++;
            }

            return matched;
        }

        /// <summary>
        /// A partial index is usable only when the query restricts every column its predicate names; a cheap,
        /// conservative stand-in for implication proofs.
        /// </summary>
        internal static bool PartialPredicateHolds(IndexDefinition index, AccessFacts facts)
        {
            if (index.Where is null)
            {
                return true;
            }

            foreach (var column in SqlIdentifiers.ColumnNamesIn(index.Where))
            {
                if (!facts.Predicated.Contains(column))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
