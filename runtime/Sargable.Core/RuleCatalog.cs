using System;
using System.Collections.Generic;
using System.Linq;

namespace Sargable
{
    /// <summary>Every Sargable rule with its metadata; analyzers, the runtime guard and the CLI all read it from here.</summary>
    public static class RuleCatalog
    {
        private static readonly RuleDescriptor[] AllRules =
        [
            new(RuleIds.UnboundedRead, "Unbounded read of a large table", Severity.Warning, RuleSurface.Shape | RuleSurface.Code,
                "A large table is read with no usable filter and no row limit; iterate it in keyset batches instead."),
            new(RuleIds.ScopelessLookup, "Lookup without the scope of a scoped unique key", Severity.Warning, RuleSurface.Shape | RuleSurface.Code,
                "A column that is unique only together with a scope column is filtered without that scope, so the unique index cannot be used."),
            new(RuleIds.FilterOrderMismatch, "No index serves the filter and the order together", Severity.Warning, RuleSurface.Shape | RuleSurface.Code,
                "The rows matching the filter must all be sorted before the limit applies; order by the filtered column plus a unique tie-breaker, or add the index that serves both."),
            new(RuleIds.QueryInLoop, "Query executed once per loop item (N+1)", Severity.Warning, RuleSurface.Code | RuleSurface.Runtime,
                "The same query runs once per item; fetch all items with one set-based query."),
            new(RuleIds.RowByRowWrite, "Rows deleted or updated one by one", Severity.Warning, RuleSurface.Code,
                "Rows are loaded and written one at a time; use one set-based DELETE or UPDATE, or a foreign-key cascade."),
            new(RuleIds.NoIndexForFilter, "No index serves the filter of a large table", Severity.Warning, RuleSurface.Shape | RuleSurface.Code,
                "No index starts with the filtered columns, so the whole table is scanned."),
            new(RuleIds.NoUniqueTieBreaker, "Paged order without a unique tie-breaker", Severity.Warning, RuleSurface.Shape | RuleSurface.Code,
                "Rows with equal sort keys can repeat or vanish between pages; add a unique column as the last ORDER BY key."),
            new(RuleIds.LargeOffset, "Large or parameterized OFFSET", Severity.Warning, RuleSurface.Shape | RuleSurface.Code,
                "OFFSET reads and discards every skipped row; page by key instead."),
            new(RuleIds.ClientSideEvaluation, "Filtering or counting after materialization", Severity.Warning, RuleSurface.Code,
                "All rows are loaded before filtering or counting in memory; apply the operator before materializing."),
            new(RuleIds.WholeTableAggregate, "Aggregate over every row of a large table", Severity.Info, RuleSurface.Shape | RuleSurface.Code,
                "Count, Sum, Min, Max or Average reads every row of a large table; filter it, keep a counter, or use Any() when only existence matters."),
        ];

        private static readonly Dictionary<string, RuleDescriptor> ById = AllRules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

        /// <summary>Every rule, in ID order.</summary>
        public static IReadOnlyList<RuleDescriptor> All => AllRules;

        /// <summary>The rule with <paramref name="id"/>; throws for an unknown ID.</summary>
        public static RuleDescriptor Get(string id) =>
            ById.TryGetValue(id ?? throw new ArgumentNullException(nameof(id)), out var rule)
                ? rule
                : throw new ArgumentException($"'{id}' is not a Sargable rule; known rules are {string.Join(", ", AllRules.Select(r => r.Id))}.", nameof(id));

        /// <summary>Finds the rule with <paramref name="id"/>; false for an unknown ID.</summary>
        public static bool TryGet(string id, out RuleDescriptor? rule) => ById.TryGetValue(id, out rule);

        /// <summary>The documentation page of rule <paramref name="id"/>.</summary>
        public static string HelpLink(string id) => RuleIdFormat.HelpLink(id);
    }
}
