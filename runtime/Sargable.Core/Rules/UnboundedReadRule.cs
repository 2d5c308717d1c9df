using System.Collections.Generic;
using System.Linq;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>
    /// SARG0001: a large table read with no usable filter and no row limit, its rows returned, iterated, updated or deleted.
    /// An access is bounded by its own value filter, a row limit, an outer row (correlated), or a join to a bounded access;
    /// a block none of whose large accesses is bounded reads whole tables. Whole-table aggregates are SARG0010's.
    /// </summary>
    internal sealed class UnboundedReadRule : IShapeRule
    {
        public string Id => RuleIds.UnboundedRead;

        public void Evaluate(RuleContext context)
        {
            if (!context.Enabled(Id))
            {
                return;
            }

            foreach (var facts in context.WholeTableReads)
            {
                var access = facts.Access;
                if (IsWholeTableAggregate(access))
                {
                    continue;
                }

                var key = IndexSuggestion.UniqueKey(facts);
                context.Report(facts, Id, key, Message(access, key), access.Location);
            }
        }

        /// <summary>A read whose rows are folded into aggregates (SARG0010's case) rather than returned or iterated.</summary>
        public static bool IsWholeTableAggregate(TableAccess access) => access.Operation == AccessOperation.Read && access.Aggregated && !access.WindowedOnly;

        /// <summary>
        /// The large accesses no filter, limit, outer row or join bounds, one per connected read: a table reached by
        /// joining an already listed one is part of that read. SARG0001 and SARG0010 both start here, through
        /// <see cref="RuleContext.WholeTableReads"/>.
        /// </summary>
        public static IReadOnlyList<AccessFacts> FindWholeTableReads(RuleContext context)
        {
            List<AccessFacts>? reads = null;
            foreach (var accesses in context.Blocks)
            {
                // Most blocks have a filter on every large access: nothing to bound, so no join graph to walk.
                if (!accesses.Any(MayReadWholeTable))
                {
                    continue;
                }

                var bounded = Bounded(accesses, context.Options.RowLimitThreshold);
                var reported = new HashSet<int>();
                foreach (var facts in accesses)
                {
                    var access = facts.Access;
                    if (bounded.Contains(access.Id) || !MayReadWholeTable(facts))
                    {
                        continue;
                    }

                    if (Partners(access, accesses).Any(reported.Contains))
                    {
                        reported.Add(access.Id);
                        continue;
                    }

                    reported.Add(access.Id);
                    (reads ??= new List<AccessFacts>()).Add(facts);
                }
            }

            return reads ?? (IReadOnlyList<AccessFacts>)System.Array.Empty<AccessFacts>();
        }

        private static bool MayReadWholeTable(AccessFacts facts) => !facts.Small && !(facts.Access.HasAnyPredicate && !OnlyJoinEqualities(facts.Access));

        private static string Message(TableAccess access, IReadOnlyList<string> key)
        {
            var keyList = string.Join(", ", key);
            var batch = $"iterate in keyset batches (WHERE {keyList} > @last ORDER BY {keyList} LIMIT 1000)";
            return access.Operation switch
            {
                AccessOperation.Delete => $"Every row of {access.Table} is deleted by one statement with no filter; delete in keyset batches on {keyList} instead.",
                AccessOperation.Update => $"Every row of {access.Table} is updated by one statement with no filter; update in keyset batches on {keyList} instead.",
                _ => $"{access.Table} is read with no filter and no row limit, so every row is fetched; {batch}.",
            };
        }

        private static bool OnlyJoinEqualities(TableAccess access) =>
            access.Ranges.Count == 0 && access.Unusable.Count == 0 && access.Equalities.All(e => e.Kind == EqualityKind.JoinColumn);

        private static HashSet<int> Bounded(IReadOnlyList<AccessFacts> accesses, long rowLimitThreshold)
        {
            var bounded = new HashSet<int>();
            foreach (var facts in accesses)
            {
                var access = facts.Access;
                var limited = access.Limit is { } limit && !access.Aggregated
                    && !(limit.Kind == RowCountKind.Constant && limit.Value > rowLimitThreshold);
                var driven = access.Equalities.Any(e => e.Kind == EqualityKind.OuterColumn || (e.Kind == EqualityKind.JoinColumn && e.PartnerAccess is null));
                // TABLESAMPLE reads a sample and WHERE CURRENT OF one row, so neither is a full read.
                if (access.HasValueFilter || limited || driven || access.Sampled || access.AtCursor)
                {
                    bounded.Add(access.Id);
                }
            }

            // Bounds flow along join edges in both directions until nothing changes.
            bool changed;
            do
            {
                changed = false;
                foreach (var facts in accesses)
                {
                    if (!bounded.Contains(facts.Access.Id) && Partners(facts.Access, accesses).Any(bounded.Contains))
                    {
                        bounded.Add(facts.Access.Id);
                        changed = true;
                    }
                }
            }
            while (changed);

            return bounded;
        }

        private static IEnumerable<int> Partners(TableAccess access, IReadOnlyList<AccessFacts> block)
        {
            foreach (var equality in access.Equalities)
            {
                if (equality.Kind == EqualityKind.JoinColumn && equality.PartnerAccess is { } partner)
                {
                    yield return partner;
                }
            }

            foreach (var other in block)
            {
                if (other.Access.Equalities.Any(e => e.Kind == EqualityKind.JoinColumn && e.PartnerAccess == access.Id))
                {
                    yield return other.Access.Id;
                }
            }
        }
    }
}
