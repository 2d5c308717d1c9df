using System;
using System.Collections.Generic;
using System.Threading;
using Sargable.Registry;

namespace Sargable.Internal
{
    /// <summary>
    /// The per-statement part of the guard's metrics and trace events, built when a guard first checks the statement:
    /// the tags every signal of the statement shares (database system, query summary, mode) and a
    /// <see cref="FindingSignal"/> per finding, so executions reuse finished tag lists instead of building them.
    /// </summary>
    internal sealed class StatementSignals
    {
        private readonly string sql;
        private readonly SargableMode mode;
        private readonly IndexRegistry registry;
        private FindingSignal[] known = Array.Empty<FindingSignal>();

        public StatementSignals(string sql, string system, string? summary, SargableMode mode, IndexRegistry registry)
        {
            this.sql = sql;
            this.mode = mode;
            this.registry = registry;
            System = system;
            Summary = summary;
        }

        /// <summary>The <c>db.system.name</c> of the connection the statement was first checked on.</summary>
        public string System { get; }

        /// <summary>The <c>db.query.summary</c>, or null when the command could not be read.</summary>
        public string? Summary { get; }

        /// <summary>
        /// The signal of <paramref name="finding"/>. Findings of the statement (registry and plan) are the same objects on
        /// every execution, so their signals are kept by identity; an N+1 finding carries its call site and is made per
        /// scope, so <paramref name="keep"/> is false for it.
        /// </summary>
        public FindingSignal For(Finding finding, bool fromPlan, string? callSite = null, bool keep = true)
        {
            var snapshot = Volatile.Read(ref known);
            foreach (var signal in snapshot)
            {
                if (ReferenceEquals(signal.Finding, finding) && signal.FromPlan == fromPlan)
                {
                    return signal;
                }
            }

            var built = new FindingSignal(new SargableFindingEvent(finding, sql, mode, fromPlan, callSite), MetricTags(finding));
            if (!keep)
            {
                return built;
            }

            while (true)
            {
                var before = Volatile.Read(ref known);
                foreach (var signal in before)
                {
                    if (ReferenceEquals(signal.Finding, finding) && signal.FromPlan == fromPlan)
                    {
                        return signal;
                    }
                }

                var after = new FindingSignal[before.Length + 1];
                before.CopyTo(after, 0);
                after[before.Length] = built;
                if (ReferenceEquals(Interlocked.CompareExchange(ref known, after, before), before))
                {
                    return built;
                }
            }
        }

        private KeyValuePair<string, object?>[] MetricTags(Finding finding)
        {
            // A table outside the registry (raw SQL, temporary tables) gets one shared value rather than a series of its own.
            var table = registry.Find(finding.Table)?.Name ?? GuardMetrics.OtherTable;
            var tags = new List<KeyValuePair<string, object?>>(5)
            {
                new(GuardMetrics.Rule, finding.RuleId),
                new(GuardMetrics.CollectionName, table),
                new(GuardMetrics.SystemName, System),
            };
            if (Summary is not null)
            {
                tags.Add(new(GuardMetrics.QuerySummary, Summary));
            }

            tags.Add(new(GuardMetrics.Mode, GuardMetrics.ModeOf(mode)));
            return tags.ToArray();
        }
    }
}
