using System;
using System.Collections.Generic;
using QueryGuard.Sql;

namespace QueryGuard.Shapes.Sql
{
    /// <summary>
    /// Reads <c>queryguard:allow QG0003[,QG0007] reason</c> from a statement's comments (EF's TagWith writes them as
    /// <c>-- ...</c> lines). A reason is required: an allow without one suppresses nothing.
    /// </summary>
    internal static class SuppressionReader
    {
        private const string Marker = "queryguard:allow";

        public static IReadOnlyList<RuleSuppression> Read(IReadOnlyList<SqlComment> comments)
        {
            List<RuleSuppression>? result = null;
            foreach (var comment in comments)
            {
                foreach (var line in comment.Text.Split('\n'))
                {
                    if (TryParse(line, out var ids, out var reason))
                    {
                        result ??= new List<RuleSuppression>();
                        foreach (var id in ids)
                        {
                            result.Add(new RuleSuppression(id, reason));
                        }
                    }
                }
            }

            return result ?? (IReadOnlyList<RuleSuppression>)Array.Empty<RuleSuppression>();
        }

        /// <summary>Parses one line; public to the engine so the runtime can tell users why an allow did nothing.</summary>
        public static bool TryParse(string line, out List<string> ruleIds, out string reason)
        {
            ruleIds = new List<string>();
            reason = string.Empty;
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

                if (i + 6 <= line.Length && (line[i] == 'Q' || line[i] == 'q') && (line[i + 1] == 'G' || line[i + 1] == 'g')
                    && IsDigits(line, i + 2, 4) && (i + 6 == line.Length || !char.IsLetterOrDigit(line[i + 6])))
                {
                    ruleIds.Add(line.Substring(i, 6).ToUpperInvariant());
                    i += 6;
                    continue;
                }

                break;
            }

            reason = line.Substring(i).Trim().TrimEnd('*', '/').Trim();
            return ruleIds.Count > 0 && reason.Length > 0;
        }

        private static bool IsDigits(string text, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
