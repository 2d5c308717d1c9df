using System.Collections.Generic;
using System.Linq;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>
    /// SARG0003: a limited or paged ORDER BY that no index delivers together with the filter, so every matching row is
    /// sorted before the LIMIT. Typically a range on one column ordered by another, or an equality prefix that skips an
    /// index column before the order column. A lone boolean or enumeration filter gets a partial index keyed by the order
    /// (<c>ON sites (id) WHERE is_default</c>) rather than an index on the column.
    /// </summary>
    internal sealed class FilterOrderMismatchRule : IShapeRule
    {
        public string Id => RuleIds.FilterOrderMismatch;

        public void Evaluate(RuleContext context)
        {
            if (!context.Enabled(Id))
            {
                return;
            }

            foreach (var facts in context.Facts)
            {
                var access = facts.Access;
                if (facts.Table is null || facts.Small || !facts.IsOrderedAndLimited || access.OrderByUnresolved || context.HasFinding(access.Id, RuleIds.ScopelessLookup))
                {
                    continue;
                }

                var matches = facts.Matches;
                var hasRange = access.Ranges.Count > 0;

                // IS NULL (soft-delete flags) keeps most rows and a join column is bound row by row, so an order-only walk stays cheap.
                var hasEquality = access.Equalities.Any(e => e.Kind is not (EqualityKind.IsNull or EqualityKind.JoinColumn));
                if (facts.EffectiveOrder.Count == 0 || matches.Any(m => m.ServesFilterAndOrder(hasRange, hasOrder: true, hasEquality)))
                {
                    continue;
                }

                var closest = matches.Count > 0 && matches[0].Score > 0 ? matches[0].Index.Name : null;
                var order = facts.EffectiveOrder;
                var orderText = string.Join(", ", access.OrderBy.Select(o => o.ToString()));
                var range = access.Ranges.FirstOrDefault(r => !ColumnSet.Same(r.Column, order[0].Column));
                if (LowSelectivityFilter.Of(facts) is { } lone)
                {
                    if (!lone.DeliveredInOrderByPartialIndex(facts))
                    {
                        ReportPartial(context, facts, lone, orderText, closest);
                    }
                }
                else if (hasRange && range is not null && !access.Ranges.Any(r => ColumnSet.Same(r.Column, order[0].Column)))
                {
                    ReportRangeOrderedByOther(context, facts, range, orderText, closest);
                }
                else
                {
                    ReportOrderNotServed(context, facts, orderText, closest);
                }
            }
        }

        private void ReportRangeOrderedByOther(RuleContext context, AccessFacts facts, ColumnRange range, string orderText, string? closest)
        {
            // The fix keeps the range column leading the order and closes it with a unique key in the same direction.
            var descending = facts.EffectiveOrder[0].Descending;
            var key = IndexSuggestion.UniqueKey(facts).Where(c => !ColumnSet.Same(c, range.Column)).ToList();
            var fixedOrder = new[] { new OrderColumn(range.Column, descending) }.Concat(key.Select(k => new OrderColumn(k, descending))).ToList();
            var suggestion = IndexSuggestion.Create(facts, range.Column, fixedOrder, key);
            var fixText = string.Join(", ", fixedOrder.Select(o => o.ToString()));
            var indexText = suggestion is not null
                ? $"with an index on ({string.Join(", ", suggestion.Columns)})"
                : "so the existing index serves it";
            var message =
                $"{facts.Access.Table} is filtered by a range on {range.Column} but ordered by {orderText}, so every matching row is sorted " +
                $"before the LIMIT; order by {fixText} {indexText}.";
            var columns = new List<string> { range.Column };
            columns.AddRange(facts.EffectiveOrder.Select(o => o.Column).Where(c => !columns.Contains(c)));
            context.Report(facts, Id, columns, message, range.Location, closest, suggestion?.Ddl, fixedOrder);
        }

        /// <summary>
        /// A lone boolean or enumeration equality: an index led by that column would keep a large share of the table
        /// ahead of the order, so the index worth having holds only the wanted rows, keyed by the order.
        /// </summary>
        private void ReportPartial(RuleContext context, AccessFacts facts, LowSelectivityFilter lone, string orderText, string? closest)
        {
            var suggestion = lone.Suggest(facts);
            var order = facts.EffectiveOrder;
            var kind = lone.Domain == ColumnDomain.Boolean ? "boolean" : "enumeration";
            var orderOnly = facts.Matches.FirstOrDefault(m => m.ServesOnlyOrder).Index;
            var walk = orderOnly is null
                ? "so every matching row is sorted before the LIMIT"
                : $"and {orderOnly.Name} delivers only the order, so the scan walks it discarding rows until the LIMIT is met (the whole table for a rare value)";
            var message =
                $"{facts.Access.Table} is filtered only by {lone.Predicate}, a {kind} column with few distinct values, and no index delivers ORDER BY {orderText} " +
                $"for those rows, {walk}; add a partial index on ({string.Join(", ", suggestion.ColumnNames)}) WHERE {lone.Predicate}.";
            var columns = new[] { lone.Equality.Column }.Concat(order.Select(o => o.Column)).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
            context.Report(facts, Id, columns, message, order[0].Location, closest, suggestion.Ddl);
        }

        private void ReportOrderNotServed(RuleContext context, AccessFacts facts, string orderText, string? closest)
        {
            var order = facts.EffectiveOrder;
            var range = facts.Access.Ranges.FirstOrDefault(r => ColumnSet.Same(r.Column, order[0].Column));
            var tie = NoUniqueTieBreakerRule.IsUniquelyOrdered(facts) ? new List<string>() : IndexSuggestion.UniqueKey(facts).ToList();
            var suggestion = IndexSuggestion.Create(facts, range?.Column, order, tie);
            var equalities = facts.Access.Equalities.Select(e => e.Column).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
            var filter = equalities.Count > 0 ? $"equality on {string.Join(", ", equalities)}" : "its filter";
            var indexText = suggestion is not null ? $"add an index on ({string.Join(", ", suggestion.Columns)})" : "reorder the ORDER BY to follow an existing index";
            var orderOnly = facts.Matches.FirstOrDefault(m => m.ServesOnlyOrder).Index;
            var walk = orderOnly is null
                ? "so every matching row is sorted before the LIMIT"
                : $"and {orderOnly.Name} delivers only the order, so the scan walks it discarding rows until the LIMIT is met (the whole table for a rare value)";
            var message = $"No index on {facts.Access.Table} continues {filter} with ORDER BY {orderText}, {walk}; {indexText}.";
            var columns = equalities.Concat(order.Select(o => o.Column)).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
            context.Report(facts, Id, columns, message, order[0].Location, closest, suggestion?.Ddl);
        }
    }
}
