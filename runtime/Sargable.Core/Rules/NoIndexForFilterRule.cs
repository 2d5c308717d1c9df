using System.Collections.Generic;
using System.Linq;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>
    /// SARG0006: a large table filtered by columns no index starts with (or only by predicates no index can use). A lone
    /// boolean or enumeration filter gets a partial index rather than an index on the column.
    /// </summary>
    internal sealed class NoIndexForFilterRule : IShapeRule
    {
        public string Id => RuleIds.NoIndexForFilter;

        public void Evaluate(RuleContext context)
        {
            if (!context.Enabled(Id))
            {
                return;
            }

            foreach (var facts in context.Facts)
            {
                var access = facts.Access;
                if (facts.Table is null || facts.Small || !access.HasAnyPredicate || context.HasIndexFinding(access.Id))
                {
                    continue;
                }

                var matches = facts.Matches;
                if (matches.Any(m => m.ServesFilter))
                {
                    continue;
                }

                var closest = matches.Count > 0 && matches[0].Score > 0 ? matches[0].Index.Name : null;
                if (LowSelectivityFilter.Of(facts) is { } lone)
                {
                    if (!lone.ServedByPartialIndex(facts))
                    {
                        ReportPartial(context, facts, lone, closest);
                    }

                    continue;
                }

                var usable = access.Equalities.Select(e => e.Column).Concat(access.Ranges.Select(r => r.Column)).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
                if (usable.Count == 0)
                {
                    ReportUnusableOnly(context, facts, closest);
                    continue;
                }

                var range = access.Ranges.FirstOrDefault()?.Column;
                var suggestion = IndexSuggestion.Create(facts, range, new List<OrderColumn>(), new List<string>());
                var location = access.Equalities.Select(e => e.Location).Concat(access.Ranges.Select(r => r.Location)).FirstOrDefault(l => l is not null);
                var message =
                    $"No index on {access.Table} starts with the filtered column{(usable.Count > 1 ? "s" : string.Empty)} {string.Join(", ", usable)}, " +
                    $"so every row is scanned; add an index on ({string.Join(", ", suggestion?.ColumnNames ?? usable)}).";
                context.Report(facts, Id, usable, message, location, closest, suggestion?.Ddl);
            }
        }

        /// <summary>An index on a boolean or enumeration column alone would match too many rows to be used; a partial index holds only the wanted ones.</summary>
        private void ReportPartial(RuleContext context, AccessFacts facts, LowSelectivityFilter lone, string? closest)
        {
            var suggestion = lone.Suggest(facts);
            var kind = lone.Domain == ColumnDomain.Boolean ? "boolean" : "enumeration";
            var message =
                $"{facts.Access.Table} is filtered only by {lone.Predicate}, a {kind} column with few distinct values, so every row is scanned and " +
                $"an index on ({lone.ColumnName}) alone would still match a large share of them; " +
                $"add a partial index on ({string.Join(", ", suggestion.ColumnNames)}) WHERE {lone.Predicate}.";
            context.Report(facts, Id, new[] { lone.Equality.Column }, message, lone.Equality.Location, closest, suggestion.Ddl);
        }

        private void ReportUnusableOnly(RuleContext context, AccessFacts facts, string? closest)
        {
            var unusable = facts.Access.Unusable;
            var first = unusable[0];
            var hint = first.Reason switch
            {
                UnusableReason.FunctionOnColumn => "compare the bare column, or add an expression index on exactly that expression",
                UnusableReason.NotEqual => "filter on the values wanted rather than the one excluded",
                UnusableReason.LeadingWildcard => "match a prefix, or use a trigram (pg_trgm) GIN index",
                UnusableReason.OrAcrossColumns => "split the OR into a UNION of indexed lookups",
                _ => "rewrite it as an equality or range on an indexed column",
            };
            var columns = unusable.Select(u => u.Column).Where(c => c is not null).Select(c => c!).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
            var message =
                $"{facts.Access.Table} is filtered only by {string.Join(" and ", unusable.Select(u => u.Description))}, which no index on plain columns can serve, " +
                $"so every row is scanned; {hint}.";
            context.Report(facts, Id, columns, message, first.Location, closest);
        }
    }
}
