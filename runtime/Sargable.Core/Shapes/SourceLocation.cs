namespace Sargable.Shapes
{
    /// <summary>A place in the text a shape was built from: 0-based offset, 1-based line and column.</summary>
    public readonly struct SourceLocation
    {
        /// <summary>A position: 0-based <paramref name="offset"/>, 1-based <paramref name="line"/> and <paramref name="column"/>.</summary>
        public SourceLocation(int offset, int line, int column)
        {
            Offset = offset;
            Line = line;
            Column = column;
        }

        /// <summary>0-based character offset in the source.</summary>
        public int Offset { get; }

        /// <summary>1-based line.</summary>
        public int Line { get; }

        /// <summary>1-based column.</summary>
        public int Column { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Line}:{Column}";
    }
}
