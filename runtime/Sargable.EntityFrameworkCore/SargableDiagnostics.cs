using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Sargable
{
    /// <summary>
    /// Names for observing the guard: the log category and event IDs, the <see cref="System.Diagnostics.DiagnosticListener"/>
    /// that publishes findings, the event added to the current <see cref="System.Diagnostics.Activity"/> (the trace span
    /// of the request) each time a command with a finding runs, and the meter with its instruments.
    /// </summary>
    public static class SargableDiagnostics
    {
        /// <summary>The ILogger category of every guard log entry.</summary>
        public const string LoggerCategory = "Sargable";

        /// <summary>Name of the DiagnosticListener that publishes <see cref="FindingEventName"/> events.</summary>
        public const string ListenerName = "Sargable";

        /// <summary>DiagnosticListener event, once per distinct statement and rule; the payload is a <see cref="SargableFindingEvent"/>.</summary>
        public const string FindingEventName = "Sargable.Finding";

        /// <summary>Name of the <see cref="System.Diagnostics.ActivityEvent"/> added to <c>Activity.Current</c> per execution with a finding.</summary>
        public const string ActivityEventName = "sargable.finding";

        /// <summary>
        /// Name of the <see cref="System.Diagnostics.Metrics.Meter"/> the guard records on (version: the assembly's). With
        /// OpenTelemetry: <c>.WithMetrics(m =&gt; m.AddMeter(SargableDiagnostics.MeterName))</c>. See docs/observability.md.
        /// </summary>
        public const string MeterName = "Sargable";

        /// <summary>
        /// Counter of executions of a command with a finding that was not allowed, one per finding, tagged
        /// <c>sargable.rule</c>, <c>db.collection.name</c>, <c>db.system.name</c>, <c>db.query.summary</c> and <c>sargable.mode</c>.
        /// </summary>
        public const string FindingsInstrumentName = "sargable.findings";

        /// <summary>Counter of distinct statements checked, tagged <c>sargable.outcome</c> (clean, finding, not_checked, allowed) and <c>db.system.name</c>.</summary>
        public const string StatementsInstrumentName = "sargable.statements";

        /// <summary>Histogram of the seconds a first check of a statement took (parsing, rules, and EXPLAIN when it ran), tagged <c>db.system.name</c> and <c>sargable.explain</c>.</summary>
        public const string CheckDurationInstrumentName = "sargable.check.duration";

        /// <summary>A command the parser could not read: logged once per statement.</summary>
        public static readonly EventId NotChecked = new(900, "Sargable.NotChecked");

        /// <summary>A finding suppressed by a <c>sargable:allow</c> tag or an Allow scope, with its reason.</summary>
        public static readonly EventId Allowed = new(901, "Sargable.Allowed");

        /// <summary>The plan verdict of a statement (VerifyWithExplain), when it reports or disagrees with the registry.</summary>
        public static readonly EventId Plan = new(902, "Sargable.Plan");

        /// <summary>The guard itself hit a problem (catalog unreadable, registry file broken); the query ran anyway.</summary>
        public static readonly EventId GuardProblem = new(903, "Sargable.Problem");

        /// <summary>The event ID of a rule's findings: the rule number with the rule ID as name (SARG0003 → 3, "SARG0003").</summary>
        public static EventId ForRule(string ruleId)
        {
            ArgumentNullException.ThrowIfNull(ruleId);
            return new EventId(RuleIdFormat.Number(ruleId), ruleId.ToUpperInvariant());
        }
    }

    /// <summary>The payload of <see cref="SargableDiagnostics.FindingEventName"/>. Holds no parameter values.</summary>
    public sealed class SargableFindingEvent
    {
        /// <summary>The event for <paramref name="finding"/> on <paramref name="sql"/>.</summary>
        public SargableFindingEvent(Finding finding, string sql, SargableMode mode, bool fromPlan, string? callSite)
        {
            Finding = finding;
            Sql = sql;
            Mode = mode;
            FromPlan = fromPlan;
            CallSite = callSite;
        }

        /// <summary>What was found.</summary>
        public Finding Finding { get; }

        /// <summary>The command text, with parameters as placeholders.</summary>
        public string Sql { get; }

        /// <summary>The guard's mode when it was found (Log or Throw).</summary>
        public SargableMode Mode { get; }

        /// <summary>True when the finding comes from the database plan (VerifyWithExplain) rather than the registry.</summary>
        public bool FromPlan { get; }

        /// <summary>For N+1: the first application frame that issued the statement.</summary>
        public string? CallSite { get; }

        /// <summary>The finding as tags for tracing systems.</summary>
        public IEnumerable<KeyValuePair<string, object?>> Tags()
        {
            yield return new("sargable.rule", Finding.RuleId);
            yield return new("sargable.table", Finding.Table);
            yield return new("sargable.columns", string.Join(",", Finding.Columns));
            yield return new("sargable.message", Finding.Message);
            yield return new("sargable.source", FromPlan ? "plan" : "registry");
            if (Finding.SuggestedIndex is not null)
            {
                yield return new("sargable.suggested_index", Finding.SuggestedIndex);
            }

            if (CallSite is not null)
            {
                yield return new("code.stacktrace", CallSite);
            }
        }
    }
}
