using System;
using System.Collections.Generic;
using Sargable.Shapes;

namespace Sargable
{
    /// <summary>
    /// The in-query suppression <c>sargable:allow SARG0003[, SARG0007] reason</c>, written as a SQL comment or with
    /// EF's <c>TagWith</c>. One parser for every front-end: the analyzers, the runtime guard and <c>check-sql</c> read
    /// the same text the same way. A reason is required: an allow without one suppresses nothing.
    /// </summary>
    public static class AllowComment
    {
        /// <summary>The marker that starts an allow.</summary>
        public const string Marker = "sargable:allow";

        /// <summary>The allow text for one rule: <c>sargable:allow SARG0003 reason</c>.</summary>
        public static string Format(string ruleId, string reason) => Marker + " " + ruleId + " " + reason;

        /// <summary>
        /// Parses one line: the rule IDs after the marker (separated by spaces or commas, upper-cased) and the reason
        /// after them. False when the line holds no marker, no well-formed ID or no reason.
        /// </summary>
        public static bool TryParse(string? line, out IReadOnlyList<string> ruleIds, out string reason)
        {
            var ids = new List<string>();
            ruleIds = ids;
            reason = string.Empty;
            if (line is null)
            {
                return false;
            }

            var at = line.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var i = at + Marker.Length;
            while (true)
            {
                while (i < line.Length && (line[i] == ' ' || line[i] == '\t' || line[i] == ','))
                {
                    i++;
                }

                if (!RuleIdFormat.MatchesAt(line, i))
                {
                    break;
                }

                ids.Add(line.Substring(i, RuleIdFormat.Length).ToUpperInvariant());
                i += RuleIdFormat.Length;
            }

            reason = line.Substring(i).Trim().TrimEnd('*', '/').Trim();
            return ids.Count > 0 && reason.Length > 0;
        }

        /// <summary>Every allow in a text of one or more lines (a comment's body, a tag).</summary>
        public static IReadOnlyList<RuleSuppression> Read(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return Array.Empty<RuleSuppression>();
            }

            var result = new List<RuleSuppression>();
            foreach (var line in text.Split('\n'))
            {
                if (TryParse(line, out var ids, out var reason))
                {
                    foreach (var id in ids)
                    {
                        result.Add(new RuleSuppression(id, reason));
                    }
                }
            }

            return result;
        }
    }
}
