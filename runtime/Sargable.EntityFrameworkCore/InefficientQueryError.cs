using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Sargable
{
    /// <summary>
    /// Thrown in <see cref="SargableMode.Throw"/> before a command reaches the database when it has a slow shape. The
    /// message names the rule, the table and columns, the closest existing index and the index DDL that would serve the
    /// query, so it can be fixed without reading the docs. (SaveChanges wraps it in a DbUpdateException.)
    /// </summary>
    public class InefficientQueryError : Exception
    {
        private static readonly Dictionary<string, string> RuleConstants = typeof(RuleIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The error for <paramref name="sql"/> with its <paramref name="findings"/> (at least one), the plan report and the calling code, when known.</summary>
        public InefficientQueryError(IReadOnlyList<Finding> findings, string sql, QueryPlanReport? plan = null, string? callSite = null)
            : base(Describe(findings, sql, plan, callSite))
        {
            if (findings is null || findings.Count == 0)
            {
                throw new ArgumentException("An inefficient-query error needs at least one finding.", nameof(findings));
            }

            Findings = findings;
            Sql = sql ?? throw new ArgumentNullException(nameof(sql));
            Plan = plan;
            CallSite = callSite;
            HelpLink = findings[0].HelpLink;
        }

        /// <summary>
        /// For code that refuses an inefficient request before any SQL is built (a finder validating its parameters, as
        /// GitLab's DeploymentsFinder does): one finding of <paramref name="ruleId"/> on <paramref name="table"/>, and
        /// <see cref="Exception.Message"/> is exactly <paramref name="message"/>, so it can be shown to the caller as is.
        /// <see cref="Sql"/> is empty and there is no plan.
        /// </summary>
        /// <exception cref="ArgumentException">The rule is not a Sargable rule, or the table or message is empty.</exception>
        public InefficientQueryError(string ruleId, string table, string message)
            : base(message)
        {
            var rule = RuleCatalog.Get(ruleId);
            if (string.IsNullOrWhiteSpace(table))
            {
                throw new ArgumentException("An inefficient-query error names the table it is about.", nameof(table));
            }

            if (string.IsNullOrWhiteSpace(message))
            {
                throw new ArgumentException("An inefficient-query error needs a message.", nameof(message));
            }

            Findings = new[] { new Finding(rule.Id, rule.DefaultSeverity, table, Array.Empty<string>(), message) };
            Sql = string.Empty;
            HelpLink = Findings[0].HelpLink;
        }

        /// <summary>The first finding's rule, e.g. <c>SARG0003</c>.</summary>
        public string RuleId => Finding.RuleId;

        /// <summary>The table the first finding is about.</summary>
        public string Table => Finding.Table;

        /// <summary>The columns involved, most relevant first.</summary>
        public IReadOnlyList<string> Columns => Finding.Columns;

        /// <summary>Runnable DDL for an index that would serve the query, when an index is the fix.</summary>
        public string? SuggestedIndex => Findings.Select(f => f.SuggestedIndex).FirstOrDefault(s => s is not null);

        /// <summary>The existing index that comes closest to serving the query, if any.</summary>
        public string? ClosestIndex => Finding.ClosestIndex;

        /// <summary>The command text (parameters as placeholders; values are never included).</summary>
        public string Sql { get; }

        /// <summary>Every finding on the command, the most important first.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>The first finding.</summary>
        public Finding Finding => Findings[0];

        /// <summary>The database plan's verdict, with <c>VerifyWithExplain()</c>.</summary>
        public QueryPlanReport? Plan { get; }

        /// <summary>For N+1 (SARG0004): the first application frame that issued the statement.</summary>
        public string? CallSite { get; }

        internal static string RuleReference(string ruleId) =>
            RuleConstants.TryGetValue(ruleId, out var name) ? "RuleIds." + name : "\"" + ruleId + "\"";

        private static string Describe(IReadOnlyList<Finding> findings, string sql, QueryPlanReport? plan, string? callSite)
        {
            if (findings is null || findings.Count == 0)
            {
                return "Sargable stopped a query.";
            }

            var first = findings[0];
            var title = RuleCatalog.TryGet(first.RuleId, out var rule) && rule is not null ? rule.Title : first.RuleId;
            var text = new StringBuilder()
                .Append(first.RuleId).Append(' ').Append(title).Append(": ").AppendLine(first.Message);
            Line(text, "table", first.Table);
            Line(text, "columns", first.Columns.Count == 0 ? null : string.Join(", ", first.Columns));
            Line(text, "closest index", first.ClosestIndex);
            Line(text, "suggested index", first.SuggestedIndex ?? findings.Select(f => f.SuggestedIndex).FirstOrDefault(s => s is not null));
            Line(text, "issued from", callSite);
            foreach (var other in findings.Skip(1))
            {
                Line(text, "also", other.RuleId + " on " + other.Table + ": " + other.Message);
            }

            if (plan is not null)
            {
                Line(text, "plan", plan.Summary);
            }

            Line(text, "help", first.HelpLink);
            Line(text, "if intended", $"query.AllowSargable({RuleReference(first.RuleId)}, \"<why this shape is right for its data>\") or SargableScope.Allow(...)");
            text.AppendLine("  SQL:");
            foreach (var line in sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                text.Append("    ").AppendLine(line);
            }

            return text.ToString().TrimEnd();
        }

        private static void Line(StringBuilder text, string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append("  ").Append(label).Append(':').Append(' ', Math.Max(1, 17 - label.Length)).AppendLine(value);
            }
        }
    }

    /// <summary>
    /// Thrown in <see cref="SargableMode.Throw"/> with <c>Strict()</c> when the guard cannot read a command, so it
    /// cannot vouch for it. Without Strict such commands run and are logged once as not checked.
    /// </summary>
    public class UncheckedQueryError : Exception
    {
        /// <summary>The error for <paramref name="sql"/>, which the parser could not read for <paramref name="reason"/>.</summary>
        public UncheckedQueryError(string sql, string reason)
            : base($"Sargable could not check this command ({reason}), and Strict() is on. Rewrite it in a form the parser reads, or turn Strict off.{Environment.NewLine}  SQL:{Environment.NewLine}    {sql}")
        {
            Sql = sql;
            Reason = reason;
        }

        /// <summary>The command text, with parameters as placeholders.</summary>
        public string Sql { get; }

        /// <summary>Why the parser could not read it.</summary>
        public string Reason { get; }
    }
}
