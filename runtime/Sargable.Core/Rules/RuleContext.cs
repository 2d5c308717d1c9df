using System.Collections.Generic;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>One evaluation of one shape: the facts per access, the findings so far, and which rule already spoke for an access.</summary>
    internal sealed class RuleContext
    {
        // Most evaluations report nothing (the analyzers evaluate every query they read): allocated on the first report.
        private HashSet<(int Access, string Rule)>? reported;
        private IReadOnlyList<IReadOnlyList<AccessFacts>>? blocks;
        private IReadOnlyList<AccessFacts>? wholeTableReads;

        public RuleContext(QueryShape shape, IndexRegistry registry, RuleOptions options)
        {
            Shape = shape;
            Registry = registry;
            Options = options;
            var facts = new AccessFacts[shape.Accesses.Count];
            for (var i = 0; i < facts.Length; i++)
            {
                var access = shape.Accesses[i];
                var table = registry.Find(access.Table, access.Schema);
                facts[i] = new AccessFacts(access, table, table is not null && registry.IsSmall(table));
            }

            Facts = facts;
        }

        public QueryShape Shape { get; }

        public IndexRegistry Registry { get; }

        public RuleOptions Options { get; }

        public IReadOnlyList<AccessFacts> Facts { get; }

        public List<Finding> Findings { get; } = new();

        /// <summary>The accesses grouped by query block (a subquery, a CTE, a UNION branch), in order of first appearance; computed once.</summary>
        public IReadOnlyList<IReadOnlyList<AccessFacts>> Blocks => blocks ??= GroupByBlock(Facts);

        /// <summary><see cref="UnboundedReadRule.FindWholeTableReads"/>, computed once for SARG0001 and SARG0010.</summary>
        public IReadOnlyList<AccessFacts> WholeTableReads => wholeTableReads ??= UnboundedReadRule.FindWholeTableReads(this);

        /// <summary>False when the options switch the rule off. A rule suppressed in the statement still runs (see <see cref="Report"/>).</summary>
        public bool Enabled(string ruleId) => Options.IsEnabled(ruleId);

        public bool HasFinding(int access, string ruleId) => reported is not null && reported.Contains((access, ruleId));

        /// <summary>True when an index-placement or whole-table rule (SARG0001, SARG0002, SARG0003, SARG0006, SARG0010) already explains this access.</summary>
        public bool HasIndexFinding(int access) =>
            HasFinding(access, RuleIds.ScopelessLookup) || HasFinding(access, RuleIds.FilterOrderMismatch) || HasFinding(access, RuleIds.NoIndexForFilter) ||
            HasFinding(access, RuleIds.UnboundedRead) || HasFinding(access, RuleIds.WholeTableAggregate);

        public void Report(AccessFacts facts, string ruleId, IReadOnlyList<string> columns, string message, SourceLocation? location, string? closestIndex = null, string? suggestedIndex = null, IReadOnlyList<OrderColumn>? suggestedOrder = null)
        {
            // A suppressed finding still explains its access, so a less specific rule does not report the same problem instead.
            (reported ??= new HashSet<(int Access, string Rule)>()).Add((facts.Access.Id, ruleId));
            if (Shape.IsSuppressed(ruleId))
            {
                return;
            }

            Findings.Add(new Finding(ruleId, Options.SeverityOf(ruleId), facts.Access.Table, columns, message)
            {
                ClosestIndex = closestIndex,
                SuggestedIndex = suggestedIndex,
                Location = location ?? facts.Access.Location,
                AccessId = facts.Access.Id,
                SuggestedOrder = suggestedOrder,
                SizeBasis = Registry.SizeBasisOf(facts.Table),
                SizeNote = Registry.DescribeSize(facts.Table),
            });
        }
    
        private static IReadOnlyList<IReadOnlyList<AccessFacts>> GroupByBlock(IReadOnlyList<AccessFacts> facts)
        {
            // Most statements are one block, which needs no grouping.
            var single = true;
            for (var i = 1; i < facts.Count && single; i++)
            {
                single = facts[i].Access.Block == facts[0].Access.Block;
            }

            if (single)
            {
                return facts.Count == 0 ? System.Array.Empty<IReadOnlyList<AccessFacts>>() : new[] { facts };
            }

            var groups = new List<IReadOnlyList<AccessFacts>>();
            var byBlock = new Dictionary<int, List<AccessFacts>>();
            foreach (var item in facts)
            {
                if (!byBlock.TryGetValue(item.Access.Block, out var group))
                {
                    group = new List<AccessFacts>();
                    byBlock.Add(item.Access.Block, group);
                    groups.Add(group);
                }

                group.Add(item);
            }

            return groups;
        }
    }
}
