namespace QueryGuard.Sql
{
    /// <summary>
    /// Finds line and column of offsets visited in increasing order, in time linear in the distance covered.
    /// "\n", "\r\n" and a lone "\r" each end a line, exactly as the lexer counts them.
    /// </summary>
    internal struct LineCounter
    {
        private readonly string _text;
        private int _offset;
        private int _line;
        private int _lineStart;

        public LineCounter(string text)
        {
            _text = text;
            _offset = 0;
            _line = 1;
            _lineStart = 0;
        }

        public int Offset => _offset;

        /// <summary>Moves to <paramref name="offset"/> (at or after the current one) and reports its line and column.</summary>
        public void MoveTo(int offset, out int line, out int column)
        {
            var text = _text;
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
