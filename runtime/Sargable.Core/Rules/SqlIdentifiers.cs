using System;
using System.Collections.Generic;
using System.Text;

namespace Sargable.Rules
{
    /// <summary>Quoting identifiers for generated DDL, and a cheap scan for the column names in a predicate's text.</summary>
    internal static class SqlIdentifiers
    {
        // PostgreSQL's reserved key words (those that cannot be column or table names unquoted), plus a few type-ish ones.
        private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
        {
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both", "case", "cast",
            "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in",
            "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing",
            "primary", "references", "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with",
        };

        private static readonly HashSet<string> PredicateWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "and", "or", "not", "is", "null", "true", "false", "in", "like", "ilike", "between", "any", "all", "some", "array", "cast", "as",
            "case", "when", "then", "else", "end", "distinct", "from", "similar", "to", "escape", "unknown",
        };

        /// <summary>The identifier as PostgreSQL must see it: bare when lower-case, regular and unreserved; quoted otherwise.</summary>
        public static string Quote(string identifier)
        {
            if (identifier is null)
            {
                throw new ArgumentNullException(nameof(identifier));
            }

            if (IsBare(identifier))
            {
                return identifier;
            }

            return "\"" + identifier.Replace("\"", "\"\"") + "\"";
        }

        public static string QuoteQualified(string? schema, string name) => schema is null ? Quote(name) : Quote(schema) + "." + Quote(name);

        /// <summary>Column names mentioned in a predicate: bare or quoted identifiers not followed by '(' and not key words or literals.</summary>
        public static IEnumerable<string> ColumnNamesIn(string predicate)
        {
            var i = 0;
            while (i < predicate.Length)
            {
                var c = predicate[i];
                if (c == '\'')
                {
                    i = SkipQuoted(predicate, i, '\'');
                    continue;
                }

                if (c == '"')
                {
                    var end = SkipQuoted(predicate, i, '"');
                    var name = predicate.Substring(i + 1, Math.Max(0, end - i - 2)).Replace("\"\"", "\"");
                    i = end;
                    if (!IsCall(predicate, i))
                    {
                        yield return name;
                    }

                    continue;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < predicate.Length && (char.IsLetterOrDigit(predicate[i]) || predicate[i] == '_' || predicate[i] == '$'))
                    {
                        i++;
                    }

                    var word = predicate.Substring(start, i - start);
                    var afterCast = start >= 2 && predicate[start - 1] == ':' && predicate[start - 2] == ':';
                    if (!afterCast && !PredicateWords.Contains(word) && !IsCall(predicate, i))
                    {
                        yield return word.ToLowerInvariant();
                    }

                    continue;
                }

                i++;
            }
        }

        /// <summary>A readable index name in GitLab's style, within PostgreSQL's 63-byte limit.</summary>
        public static string IndexName(string table, IReadOnlyList<string> columns, string? suffix = null)
        {
            var builder = new StringBuilder("index_").Append(table).Append("_on_");
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append("_and_");
                }

                builder.Append(columns[i]);
            }

            if (suffix is not null)
            {
                builder.Append('_').Append(suffix);
            }

            var name = Sanitize(builder.ToString());
            if (name.Length <= 63)
            {
                return name;
            }

            var hash = StableHash(name).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            return name.Substring(0, 63 - 9) + "_" + hash;
        }

        private static bool IsBare(string identifier)
        {
            if (identifier.Length == 0 || Reserved.Contains(identifier))
            {
                return false;
            }

            var first = identifier[0];
            if (!((first >= 'a' && first <= 'z') || first == '_'))
            {
                return false;
            }

            foreach (var c in identifier)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$'))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Sanitize(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name.ToLowerInvariant())
            {
                builder.Append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
            }

            return builder.ToString();
        }

        private static uint StableHash(string text)
        {
            // FNV-1a: string.GetHashCode is randomized per process, names must not be.
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            return hash;
        }

        private static int SkipQuoted(string text, int start, char quote)
        {
            var i = start + 1;
            while (i < text.Length)
            {
                if (text[i] == quote)
                {
                    if (i + 1 < text.Length && text[i + 1] == quote)
                    {
                        i += 2;
                        continue;
                    }

                    return i + 1;
                }

                i++;
            }

            return text.Length;
        }

        private static bool IsCall(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i < text.Length && text[i] == '(';
        }
    }
}
