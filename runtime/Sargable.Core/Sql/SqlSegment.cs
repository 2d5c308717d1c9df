namespace Sargable.Sql
{
    /// <summary>
    /// One statement of a script as found by <see cref="SqlScriptSplitter"/>: its range in the script
    /// (leading comments included, the terminating ';' and surrounding whitespace excluded).
    /// Hand <see cref="Start"/> and <see cref="Length"/> to <see cref="SqlParser.ParseStatement(string, int, int)"/>
    /// to get positions that are absolute in the script.
    /// </summary>
    public readonly struct SqlSegment
    {
        public SqlSegment(int start, int length, int line, int column, string text)
        {
            Start = start;
            Length = length;
            Line = line;
            Column = column;
            Text = text ?? string.Empty;
        }

        /// <summary>0-based offset of the segment in the script.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>1-based line of <see cref="Start"/>.</summary>
        public int Line { get; }

        /// <summary>1-based column of <see cref="Start"/>.</summary>
        public int Column { get; }

        /// <summary>The segment's text, without the ';'.</summary>
        public string Text { get; }

        public override string ToString() => $"{Line}:{Column} {Text}";
    }
}
