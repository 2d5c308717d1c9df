using System.Collections.Generic;
using System.Linq;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>SARG0007: a paged ORDER BY (OFFSET or keyset) whose keys (with the equality-fixed columns) are not unique.</summary>
    internal sealed class NoUniqueTieBreakerRule : IShapeRule
    {
        public string Id => RuleIds.NoUniqueTieBreaker;

        /// <summary>True when the ORDER BY columns plus the equality-bound ones cover a unique index (or the row is pinned down).</summary>
        public static bool IsUniquelyOrdered(AccessFacts facts)
        {
            if (facts.Table is null)
            {
                return true;
            }

            var keys = ColumnSet.Create();
            keys.UnionWith(facts.Equal);
            foreach (var order in facts.Access.OrderBy)
            {
                keys.Add(order.Column);
            }

            return facts.Table.Indexes.Any(i => i.Unique && i.Where is null && i.Columns.All(c => keys.Contains(c.Name)));
        }

        public void Evaluate(RuleContext context)
        {
            if (!context.Enabled(Id))
            {
                return;
            }

            foreach (var facts in context.Facts)
            {
                var access = facts.Access;
                if (facts.Table is null || !facts.IsOrderedAndLimited || access.OrderByUnresolved || !IsPaged(access) || IsUniquelyOrdered(facts))
                {
                    continue;
                }

                var last = access.OrderBy[access.OrderBy.Count - 1];
                var key = IndexSuggestion.UniqueKey(facts).Where(k => access.OrderBy.All(o => !ColumnSet.Same(o.Column, k))).ToList();
                var ordered = access.OrderBy.Concat(key.Select(k => new OrderColumn(k, last.Descending))).ToList();
                var orderText = string.Join(", ", access.OrderBy.Select(o => o.ToString()));
                var fixedText = string.Join(", ", ordered.Select(o => o.ToString()));
                var suggestion = context.HasFinding(access.Id, RuleIds.FilterOrderMismatch)
                    ? null
                    : IndexSuggestion.Create(facts, access.Ranges.FirstOrDefault(r => ColumnSet.Same(r.Column, ordered[0].Column))?.Column, facts.EffectiveOrder.Concat(key.Select(k => new OrderColumn(k, last.Descending))).ToList(), new List<string>());
                var message =
                    $"{access.Table} is paged by ORDER BY {orderText}, which is not unique, so rows with equal values can repeat or vanish between pages; " +
                    $"order by {fixedText}.";
                var columns = access.OrderBy.Select(o => o.Column).Concat(key).ToList();
                context.Report(facts, Id, columns, message, last.Location, null, suggestion?.Ddl, ordered);
            }
        }

        /// <summary>
        /// Pages are an OFFSET, or a keyset (a range on the leading ORDER BY column, <c>WHERE created_at &lt; @last</c>). A
        /// plain top-N (<c>ORDER BY created DESC LIMIT 10</c>) is read once, so ties change which rows appear but nothing
        /// repeats or vanishes between pages.
        /// </summary>
        private static bool IsPaged(TableAccess access) =>
            access.Offset is not null || (access.OrderBy.Count > 0 && access.Ranges.Any(r => ColumnSet.Same(r.Column, access.OrderBy[0].Column)));
    }
}
