namespace Sargable.Sql
{
    /// <summary>
    /// Finds line and column of offsets visited in increasing order, in time linear in the distance covered.
    /// "\n", "\r\n" and a lone "\r" each end a line, exactly as the lexer counts them. It does not hold the text,
    /// so a cached counter does not keep a script alive.
    /// </summary>
    internal struct LineCounter
    {
        private int _offset;
        private int _line;
        private int _lineStart;

        public static LineCounter Start => new() { _line = 1 };

        public int Offset => _offset;

        /// <summary>Moves to <paramref name="offset"/> (at or after the current one) in <paramref name="text"/> and reports its line and column.</summary>
        public void MoveTo(string text, int offset, out int line, out int column)
        {
            for (var i = _offset; i < offset; i++)
            {
                var c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    _line++;
                    _lineStart = i + 1;
                }
            }

            _offset = offset;
            line = _line;
            column = offset - _lineStart + 1;
        }
    }
}
