using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Sargable.Sql;

namespace Sargable.Baselines
{
    /// <summary>
    /// The one fingerprint computation every front-end asks. C# findings: the containing member's documentation ID plus
    /// the query statement's tokens with local names blanked (the analyzers do the blanking, since only they see
    /// syntax). SQL findings (check-sql, the guard): the statement's tokens with case, whitespace, comments, literals
    /// and parameter names normalized. The text is hashed (64-bit FNV-1a), so the baseline never stores SQL or values.
    /// </summary>
    public static class BaselineFingerprint
    {
        /// <summary>The prefix of fingerprints of C# findings.</summary>
        public const string CodePrefix = "cs:";

        /// <summary>The prefix of fingerprints of SQL findings.</summary>
        public const string SqlPrefix = "sql:";

        /// <summary>
        /// The fingerprint of a C# finding: <paramref name="memberId"/> is the containing member's documentation ID
        /// (<c>M:Shop.Orders.Recent(System.Int32)</c>), <paramref name="tokens"/> the statement's tokens, locals blanked.
        /// </summary>
        public static string ForCode(string memberId, IEnumerable<string> tokens)
        {
            if (memberId is null)
            {
                throw new ArgumentNullException(nameof(memberId));
            }

            if (tokens is null)
            {
                throw new ArgumentNullException(nameof(tokens));
            }

            var text = new StringBuilder(memberId).Append('\n');
            foreach (var token in tokens)
            {
                text.Append(token).Append(' ');
            }

            return CodePrefix + Hash(text.ToString());
        }

        /// <summary>The fingerprint of a SQL statement: equal for statements that differ only in layout, case, comments, literals or parameter names.</summary>
        public static string ForSql(string sql) => SqlPrefix + Hash(NormalizeSql(sql ?? throw new ArgumentNullException(nameof(sql))));

        /// <summary>
        /// The statement as the fingerprint sees it: keywords and unquoted names lower case, quoted names as written,
        /// every literal <c>?</c>, every parameter <c>$</c>, one space between tokens, no comments, no trailing semicolon.
        /// </summary>
        public static string NormalizeSql(string sql)
        {
            if (sql is null)
            {
                throw new ArgumentNullException(nameof(sql));
            }

            var lexer = new SqlLexer(sql, 0, sql.Length, 1, 1, tolerant: true, collectComments: false);
            var text = new StringBuilder(sql.Length);
            var pendingSemicolon = false;
            for (var token = lexer.Next(); token.Kind != SqlTokenKind.EndOfInput; token = lexer.Next())
            {
                if (token.Kind == SqlTokenKind.Semicolon)
                {
                    pendingSemicolon = true;
                    continue;
                }

                if (pendingSemicolon)
                {
                    text.Append("; ");
                    pendingSemicolon = false;
                }

                switch (token.Kind)
                {
                    case SqlTokenKind.Identifier:
                        text.Append(sql, token.Start, token.Length).Append(' ');
                        break;
                    case SqlTokenKind.Integer or SqlTokenKind.Numeric or SqlTokenKind.String:
                        text.Append("? ");
                        break;
                    case SqlTokenKind.Parameter:
                        text.Append("$ ");
                        break;
                    case SqlTokenKind.QuotedIdentifier:
                        // Keep the case of quoted names (they are case-sensitive) but mark them so they never equal a keyword.
                        text.Append('\u0001').Append(sql, token.Start, token.Length).Append(' ');
                        break;
                    default:
                        text.Append(sql, token.Start, token.Length).Append(' ');
                        break;
                }
            }

            // Unquoted names and keywords fold to lower case; quoted ones were marked and are restored as written.
            var folded = new StringBuilder(text.Length);
            var quoted = false;
            foreach (var c in text.ToString())
            {
                if (c == '\u0001')
                {
                    quoted = true;
                    continue;
                }

                if (c == ' ')
                {
                    quoted = false;
                }

                folded.Append(quoted ? c : char.ToLowerInvariant(c));
            }

            return folded.ToString().TrimEnd();
        }

        /// <summary>64-bit FNV-1a over the UTF-16 code units, as 16 lower-case hex digits: stable across processes and platforms.</summary>
        public static string Hash(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            const ulong offset = 14695981039346656037UL;
            const ulong prime = 1099511628211UL;
            var hash = offset;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ (byte)c) * prime);
                hash = unchecked((hash ^ (byte)(c >> 8)) * prime);
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// <paramref name="filePath"/> relative to <paramref name="baseDirectory"/> with forward slashes; <c>../</c> steps
        /// when it lies outside; the path unchanged when they share no root.
        /// </summary>
        public static string RelativePath(string baseDirectory, string filePath)
        {
            if (baseDirectory is null)
            {
                throw new ArgumentNullException(nameof(baseDirectory));
            }

            if (filePath is null)
            {
                throw new ArgumentNullException(nameof(filePath));
            }

            var from = Split(baseDirectory);
            var to = Split(filePath);
            var common = 0;
            while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], StringComparison.Ordinal))
            {
                common++;
            }

            if (common == 0)
            {
                return filePath.Replace('\\', '/');
            }

            var parts = new List<string>();
            for (var i = common; i < from.Length; i++)
            {
                parts.Add("..");
            }

            for (var i = common; i < to.Length; i++)
            {
                parts.Add(to[i]);
            }

            return string.Join("/", parts);
        }

        private static string[] Split(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Replace('\\', '/').Split('/'))
            {
                if (part.Length == 0 || part == ".")
                {
                    // A leading empty part is the root of an absolute Unix path: keep one so roots compare.
                    if (parts.Count == 0 && part.Length == 0)
                    {
                        parts.Add(string.Empty);
                    }

                    continue;
                }

                if (part == ".." && parts.Count > 1)
                {
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(part);
            }

            return parts.ToArray();
        }
    }
}
