using System;

namespace Sargable.Sql
{
    /// <summary>
    /// A range of the source text: <see cref="Start"/> and <see cref="End"/> are 0-based offsets (end exclusive),
    /// <see cref="Line"/> and <see cref="Column"/> (1-based, UTF-16 code units) locate <see cref="Start"/>.
    /// Offsets are always absolute in the string handed to the parser or splitter.
    /// </summary>
    public readonly struct SqlSpan : IEquatable<SqlSpan>
    {
        public SqlSpan(int start, int end, int line, int column)
        {
            Start = start;
            End = end;
            Line = line;
            Column = column;
        }

        public int Start { get; }

        public int End { get; }

        public int Line { get; }

        public int Column { get; }

        public int Length => End - Start;

        public static bool operator ==(SqlSpan left, SqlSpan right) => left.Equals(right);

        public static bool operator !=(SqlSpan left, SqlSpan right) => !left.Equals(right);

        /// <summary>The text this span covers in <paramref name="source"/>.</summary>
        public string GetText(string source)
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            return source.Substring(Start, Length);
        }

        public bool Equals(SqlSpan other) => Start == other.Start && End == other.End && Line == other.Line && Column == other.Column;

        public override bool Equals(object? obj) => obj is SqlSpan other && Equals(other);

        public override int GetHashCode() => unchecked((Start * 397) ^ End);

        public override string ToString() => $"{Line}:{Column} [{Start}..{End})";
    }
}
