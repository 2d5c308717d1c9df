using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// Splits a script into statements on ';' outside string literals (including E'' and dollar-quoted), quoted
    /// identifiers and comments. It runs the parser's own lexer in tolerant mode, so it agrees with the parser on what
    /// is quoted and never throws on bad input (an unterminated literal simply runs to the end of the script).
    /// </summary>
    public static class SqlScriptSplitter
    {
        /// <summary>
        /// The statements of <paramref name="script"/> in order. A segment runs from just after the previous ';' to just
        /// before its own ';' with surrounding white space trimmed, so comments directly before a statement (EF's
        /// <c>TagWith</c> lines) belong to it. Segments holding only white space and comments are dropped.
        /// </summary>
        public static IReadOnlyList<SqlSegment> Split(string script)
        {
            if (script is null)
            {
                throw new ArgumentNullException(nameof(script));
            }

            var segments = new List<SqlSegment>();
            var lexer = new SqlLexer(script, 0, script.Length, 1, 1, tolerant: true, collectComments: false);
            var lines = LineCounter.Start;
            var segmentStart = 0;
            var hasToken = false;
            while (true)
            {
                var token = lexer.Next();
                if (token.Kind == SqlTokenKind.EndOfInput)
                {
                    if (hasToken)
                    {
                        Add(segments, script, segmentStart, script.Length, ref lines);
                    }

                    return segments;
                }

                if (token.Kind == SqlTokenKind.Semicolon)
                {
                    if (hasToken)
                    {
                        Add(segments, script, segmentStart, token.Start, ref lines);
                    }

                    segmentStart = token.End;
                    hasToken = false;
                }
                else
                {
                    hasToken = true;
                }
            }
        }

        private static void Add(List<SqlSegment> segments, string script, int start, int end, ref LineCounter lines)
        {
            while (start < end && SqlCharacters.IsWhiteSpace(script[start]))
            {
                start++;
            }

            while (end > start && SqlCharacters.IsWhiteSpace(script[end - 1]))
            {
                end--;
            }

            lines.MoveTo(script, start, out var line, out var column);
            segments.Add(new SqlSegment(start, end - start, line, column, script.Substring(start, end - start)));
        }
    }
}
