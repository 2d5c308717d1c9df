namespace Sargable.Sql
{
    /// <summary>
    /// One token: a kind plus where it is. Tokens hold no text so that lexing allocates nothing;
    /// the parser cuts text out of the source only for the tokens that become AST nodes.
    /// </summary>
    internal readonly struct SqlToken
    {
        public SqlToken(SqlTokenKind kind, byte sub, SqlKeyword keyword, int start, int end, int line, int column)
        {
            Kind = kind;
            Sub = sub;
            Keyword = keyword;
            Start = start;
            End = end;
            Line = line;
            Column = column;
        }

        public SqlTokenKind Kind { get; }

        /// <summary>
        /// Kind-specific detail: <see cref="LiteralKind"/> for strings, <see cref="ParameterKind"/> for parameters,
        /// <see cref="SqlQuoteStyle"/> for quoted identifiers, <see cref="BinaryOperator"/> for operators.
        /// </summary>
        public byte Sub { get; }

        /// <summary>The keyword an unquoted identifier spells, or <see cref="SqlKeyword.None"/>.</summary>
        public SqlKeyword Keyword { get; }

        public int Start { get; }

        public int End { get; }

        public int Line { get; }

        public int Column { get; }

        public int Length => End - Start;

        public bool IsKeyword(SqlKeyword keyword) => Kind == SqlTokenKind.Identifier && Keyword == keyword;

        public SqlSpan Span => new(Start, End, Line, Column);

        public override string ToString() => $"{Kind} {Keyword} [{Start}..{End}) {Line}:{Column}";
    }
}
