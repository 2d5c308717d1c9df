using System;
using System.Text.RegularExpressions;

namespace Sargable.Registry
{
    /// <summary>The naming rules the registry JSON format shares between reading and writing.</summary>
    internal static class RegistryNames
    {
        private static readonly Regex DirectionSuffix = new(@"^(?<name>.*?\S)\s+(?<direction>ASC|DESC)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        private static readonly Regex NullsSuffix = new(@"\sNULLS\s+(FIRST|LAST)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        private static readonly Regex MethodName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        /// <summary>Why <paramref name="name"/> is not a usable table, schema, index or column name, or null when it is.</summary>
        public static string? NameProblem(string name)
        {
            if (name.Trim().Length == 0)
            {
                return "must not be empty";
            }

            if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[name.Length - 1]))
            {
                return "must not start or end with spaces";
            }

            return null;
        }

        /// <summary>
        /// Reads the string form of an index column, <c>"updated_at"</c> or <c>"updated_at DESC"</c>;
        /// returns the problem, or null with the name and direction.
        /// </summary>
        public static string? ParseColumnText(string text, out string name, out bool descending)
        {
            name = text;
            descending = false;
            var problem = NameProblem(text);
            if (problem is not null)
            {
                return problem;
            }

            if (NullsSuffix.IsMatch(text))
            {
                return "uses NULLS FIRST/LAST, which the registry does not record; write the column as \"name\" or \"name DESC\"";
            }

            var match = DirectionSuffix.Match(text);
            if (match.Success)
            {
                name = match.Groups["name"].Value;
                descending = string.Equals(match.Groups["direction"].Value, "DESC", StringComparison.OrdinalIgnoreCase);
                if (DirectionSuffix.IsMatch(name))
                {
                    return "has more than one sort direction";
                }
            }

            return null;
        }

        /// <summary>Why <paramref name="name"/> cannot be a bare column name (no direction, no NULLS ordering), or null.</summary>
        public static string? BareColumnProblem(string name)
        {
            var problem = NameProblem(name);
            if (problem is not null)
            {
                return problem;
            }

            if (DirectionSuffix.IsMatch(name) || NullsSuffix.IsMatch(name))
            {
                return "must be the bare column name without ASC, DESC or NULLS (the direction goes in \"descending\")";
            }

            return null;
        }

        public static bool IsMethodName(string method) => MethodName.IsMatch(method);

        /// <summary>The registry's identity of a table, the same one <see cref="IndexRegistry"/> merges by.</summary>
        public static string TableKey(string? schema, string table) => schema is null ? table : schema + "." + table;

        /// <summary>Closest of <paramref name="known"/> to a misspelt <paramref name="name"/>, when one is close enough.</summary>
        public static string? Suggest(string name, string[] known)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            var lower = name.ToLowerInvariant();
            foreach (var candidate in known)
            {
                var other = candidate.ToLowerInvariant();
                var distance = lower.Length >= 3 && (other.StartsWith(lower, StringComparison.Ordinal) || lower.StartsWith(other, StringComparison.Ordinal))
                    ? 1
                    : Distance(lower, other);
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            // A typo is an edit or two away (one for short names), or a prefix such as "index" for "indexes".
            return bestDistance <= (name.Length <= 4 ? 1 : 2) ? best : null;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
