using System;

namespace Sargable.Sql
{
    /// <summary>
    /// The only exception the parser lets escape for bad input. The message reads
    /// <c>Line 3, column 17: expected ')' but found 'FROM'.</c>
    /// </summary>
    public sealed class SqlParseException : Exception
    {
        private readonly string? description;

        public SqlParseException()
            : this("The SQL text could not be parsed.")
        {
        }

        public SqlParseException(string message)
            : base(message)
        {
            Expected = string.Empty;
            Found = string.Empty;
        }

        public SqlParseException(string message, Exception innerException)
            : base(message, innerException)
        {
            Expected = string.Empty;
            Found = string.Empty;
        }

        internal SqlParseException(string? problem, int offset, int line, int column, string expected, string found)
            : base(Format(problem, line, column, expected, found))
        {
            Problem = problem;
            Offset = offset;
            Line = line;
            Column = column;
            Expected = expected;
            Found = found;
            description = Describe(problem, expected, found);
        }

        /// <summary>0-based offset of the problem in the parsed string.</summary>
        public int Offset { get; }

        /// <summary>1-based line of the problem.</summary>
        public int Line { get; }

        /// <summary>1-based column (UTF-16 code units) of the problem.</summary>
        public int Column { get; }

        /// <summary>What the parser expected, e.g. <c>')'</c> or <c>an expression</c>.</summary>
        public string Expected { get; }

        /// <summary>What it found instead, e.g. <c>'FROM'</c> or <c>end of input</c>.</summary>
        public string Found { get; }

        /// <summary>
        /// The message without its location, e.g. <c>expected ')' but found 'FROM'.</c>, for reports that print the
        /// location themselves (<c>file:3:17: error: ...</c>). Equals <see cref="Exception.Message"/> when there is no location.
        /// </summary>
        public string Description => description ?? Message;

        /// <summary>A short name for problems that are not a plain unexpected token, e.g. <c>unterminated string literal</c>.</summary>
        public string? Problem { get; }

        private static string Format(string? problem, int line, int column, string expected, string found) =>
            "Line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ", column " + column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Describe(problem, expected, found);

        private static string Describe(string? problem, string expected, string found)
        {
            var what = "expected " + expected + " but found " + found + ".";
            return problem is null ? what : problem + ": " + what;
        }
    }
}
