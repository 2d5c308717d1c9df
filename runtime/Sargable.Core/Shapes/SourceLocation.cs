namespace Sargable.Shapes
{
    /// <summary>A place in the text a shape was built from: 0-based offset, 1-based line and column.</summary>
    public readonly struct SourceLocation
    {
        public SourceLocation(int offset, int line, int column)
        {
            Offset = offset;
            Line = line;
            Column = column;
        }

        public int Offset { get; }

        public int Line { get; }

        public int Column { get; }

        public override string ToString() => $"{Line}:{Column}";
    }
}
