using System;

namespace Sargable.Sql
{
    /// <summary>
    /// Parses one SQL statement (PostgreSQL dialect, plus what EF Core's SQLite provider emits) into an immutable AST.
    /// Any input either parses or throws <see cref="SqlParseException"/>; work is linear in the input and nesting is
    /// bounded (<see cref="SqlStatementParser.MaxDepth"/> levels), so hostile text cannot hang or overflow the stack.
    /// </summary>
    public static class SqlParser
    {
        [ThreadStatic]
        private static long t_lastWorkUnits;

        [ThreadStatic]
        private static int t_lastTokenCount;

        // Where the previous ParseStatement(source, start, length) on this thread left off, so parsing the segments of
        // one script in order counts lines once instead of rescanning from the start each time. Weak, so a parsed
        // script is not kept alive by the thread that parsed it.
        [ThreadStatic]
        private static WeakReference<string>? t_lineSource;

        [ThreadStatic]
        private static LineCounter t_lines;

        /// <summary>Token reads (lookahead included) of this thread's last parse, successful or not.</summary>
        internal static long LastWorkUnits => t_lastWorkUnits;

        /// <summary>Tokens (end of input included) of this thread's last parse; 0 when lexing failed.</summary>
        internal static int LastTokenCount => t_lastTokenCount;

        /// <summary>
        /// Parses exactly one statement; surrounding whitespace and comments and one trailing ';' are allowed.
        /// </summary>
        /// <exception cref="SqlParseException">The text is not one valid statement.</exception>
        public static SqlStatement ParseStatement(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return Parse(text, 0, text.Length, 1, 1);
        }

        /// <summary>
        /// Parses the statement in <c>source[start .. start+length)</c>, e.g. a <see cref="SqlSegment"/>. All positions
        /// (spans, comments, errors) are absolute in <paramref name="source"/>.
        /// </summary>
        /// <exception cref="SqlParseException">The range is not one valid statement.</exception>
        public static SqlStatement ParseStatement(string source, int start, int length)
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (start < 0 || start > source.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            if (length < 0 || length > source.Length - start)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            if (t_lineSource is null || !t_lineSource.TryGetTarget(out var cached) || !ReferenceEquals(cached, source) || t_lines.Offset > start)
            {
                if (t_lineSource is null)
                {
                    t_lineSource = new WeakReference<string>(source);
                }
                else
                {
                    t_lineSource.SetTarget(source);
                }

                t_lines = LineCounter.Start;
            }

            t_lines.MoveTo(source, start, out var line, out var column);
            return Parse(source, start, length, line, column);
        }

        private static SqlStatement Parse(string source, int start, int length, int line, int column)
        {
            t_lastWorkUnits = 0;
            t_lastTokenCount = 0;
            try
            {
                return SqlStatementParser.Parse(source, start, length, line, column, out t_lastWorkUnits, out t_lastTokenCount);
            }
            catch (SqlParseException)
            {
                throw;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Defence in depth: a parser bug must surface as a parse failure, not crash the interceptor that called us.
                throw new SqlParseException("Internal parser error at an unknown position: " + exception.Message, exception);
            }
        }
    }
}
