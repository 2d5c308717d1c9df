using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Sargable.Shapes;

namespace Sargable.Internal
{
    /// <summary>A suppressed rule that would have fired, with the reason the statement's comment gives.</summary>
    internal sealed class AllowedFinding
    {
        public AllowedFinding(Finding finding, string reason)
        {
            Finding = finding;
            Reason = reason;
        }

        public Finding Finding { get; }

        public string Reason { get; }
    }

    /// <summary>
    /// Everything the guard knows about one distinct command text: the engine's verdicts (computed once), and what has
    /// been logged and explained so far. Shared by every execution of the text; the mutable parts are updated atomically.
    /// </summary>
    internal sealed class GuardedStatement
    {
        // Per-rule bit sets (bit n for rule SARG000n) of what was logged or published once; flags for the rest.
        private const int NotCheckedFlag = 1;
        private const int AllowedFlag = 2;
        private const int PlanFlag = 4;
        private const int CountedFlag = 8;

        private int logged;
        private int loggedFromPlan;
        private int published;
        private int publishedFromPlan;
        private int scopeAllowLogged;
        private int loggedOther;
        private int planState;
        private bool settled;
        private QueryPlanReport? plan;
        private StatementSignals? signals;
        private FindingSignal[]? settledFindings;

        public GuardedStatement(string sql, IReadOnlyList<StatementVerdict> verdicts, IReadOnlyList<AllowedFinding> allowed, string? engineError = null)
        {
            Sql = sql;
            Verdicts = verdicts;
            Allowed = allowed;
            Findings = verdicts.SelectMany(v => v.Findings).ToArray();
            var failed = verdicts.FirstOrDefault(v => v.ParseError is not null);
            NotChecked = engineError ?? (failed is null ? null : failed.ParseError!.ToString());
            var checkable = verdicts.Where(v => v.Shape is not null).ToList();
            Kind = verdicts.Count == 1 && verdicts[0].Shape is { } shape ? shape.Kind : StatementKind.Other;
            IsSingleStatement = verdicts.Count == 1;
            FirstAccess = checkable.SelectMany(v => v.Shape!.Accesses).FirstOrDefault();
        }

        public string Sql { get; }

        public IReadOnlyList<StatementVerdict> Verdicts { get; }

        /// <summary>The registry's findings over every statement of the command, suppressed ones left out.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Findings a <c>sargable:allow</c> comment in the statement suppressed.</summary>
        public IReadOnlyList<AllowedFinding> Allowed { get; }

        /// <summary>Why (part of) the command could not be checked, or null.</summary>
        public string? NotChecked { get; }

        public StatementKind Kind { get; }

        public bool IsSingleStatement { get; }

        public TableAccess? FirstAccess { get; }

        /// <summary>True once every execution outside a scope can skip the guard: nothing to report, nothing left to do.</summary>
        public bool Settled
        {
            get => Volatile.Read(ref settled);
            set => Volatile.Write(ref settled, value);
        }

        /// <summary>
        /// What every execution outside a scope reports once the statement is <see cref="Settled"/> with findings (Log
        /// mode): null for a statement with nothing to report. Set before <see cref="Settled"/>.
        /// </summary>
        public FindingSignal[]? SettledFindings
        {
            get => Volatile.Read(ref settledFindings);
            set => Volatile.Write(ref settledFindings, value);
        }

        public QueryPlanReport? Plan => Volatile.Read(ref plan);

        public bool PlanDone => Volatile.Read(ref planState) == 2;

        /// <summary>A single SELECT, UPDATE or DELETE: what EXPLAIN can show a plan for.</summary>
        public bool Explainable => IsSingleStatement && NotChecked is null && Kind is StatementKind.Select or StatementKind.Update or StatementKind.Delete;

        /// <summary>True for the one caller that gets to run EXPLAIN.</summary>
        public bool TryStartPlan() => Interlocked.CompareExchange(ref planState, 1, 0) == 0;

        public void CompletePlan(QueryPlanReport? report)
        {
            Volatile.Write(ref plan, report);
            Volatile.Write(ref planState, 2);
        }

        /// <summary>True the first time it is called for <paramref name="ruleId"/> (from the registry or the plan) on this statement.</summary>
        public bool FirstLogOf(string ruleId, bool fromPlan) => fromPlan ? First(ref loggedFromPlan, Bit(ruleId)) : First(ref logged, Bit(ruleId));

        public bool FirstPublishOf(string ruleId, bool fromPlan) => fromPlan ? First(ref publishedFromPlan, Bit(ruleId)) : First(ref published, Bit(ruleId));

        public bool FirstScopeAllowLog(string ruleId) => First(ref scopeAllowLogged, Bit(ruleId));

        public bool FirstNotCheckedLog() => First(ref loggedOther, NotCheckedFlag);

        public bool FirstAllowedLog() => First(ref loggedOther, AllowedFlag);

        public bool FirstPlanLog() => First(ref loggedOther, PlanFlag);

        /// <summary>True the first time the statement's outcome is counted (<c>sargable.statements</c>).</summary>
        public bool FirstCount() => First(ref loggedOther, CountedFlag);

        /// <summary>The statement's metric and trace tags, made by <paramref name="create"/> on first use.</summary>
        public StatementSignals SignalsOr(Func<GuardedStatement, StatementSignals> create)
        {
            var existing = Volatile.Read(ref signals);
            return existing ?? Interlocked.CompareExchange(ref signals, create(this), null) ?? Volatile.Read(ref signals)!;
        }

        /// <summary>Table names of the statement's accesses by alias and by name, for reading plans.</summary>
        public string? ResolveTable(string nameOrAlias)
        {
            foreach (var access in Accesses())
            {
                if (string.Equals(access.Alias, nameOrAlias, StringComparison.OrdinalIgnoreCase) || string.Equals(access.Table, nameOrAlias, StringComparison.OrdinalIgnoreCase))
                {
                    return access.Table;
                }
            }

            return null;
        }

        public IEnumerable<TableAccess> Accesses() => Verdicts.Where(v => v.Shape is not null).SelectMany(v => v.Shape!.Accesses);

        /// <summary>Columns the statement filters <paramref name="table"/> by, usable or not.</summary>
        public IReadOnlyList<string> PredicateColumns(string table) =>
            Accesses()
                .Where(a => string.Equals(a.Table, table, StringComparison.OrdinalIgnoreCase))
                .SelectMany(a => a.Equalities.Select(e => e.Column).Concat(a.Ranges.Select(r => r.Column)).Concat(a.Unusable.Select(u => u.Column).Where(c => c is not null).Select(c => c!)))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

        private static int Bit(string ruleId) => 1 << (RuleIdFormat.Number(ruleId) & 31);

        private static bool First(ref int flags, int bit)
        {
            // Read first: once logged, later executions only read the shared flags instead of writing them.
            if ((Volatile.Read(ref flags) & bit) != 0)
            {
                return false;
            }

            var before = Interlocked.Or(ref flags, bit);
            return (before & bit) == 0;
        }
    }
}
