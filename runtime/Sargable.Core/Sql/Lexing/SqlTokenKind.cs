namespace Sargable.Sql
{
    /// <summary>What a token is. Keywords are <see cref="Identifier"/> tokens with a <see cref="SqlToken.Keyword"/>.</summary>
    internal enum SqlTokenKind : byte
    {
        EndOfInput,
        Identifier,
        QuotedIdentifier,
        Integer,
        Numeric,
        String,
        Parameter,
        Operator,
        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        Comma,
        Semicolon,
        Dot,
        DoubleColon,
        Colon,
        ColonEquals,

        /// <summary>Only produced in tolerant mode (the script splitter): a character or construct the parser would reject.</summary>
        Error,
    }

    /// <summary>How a quoted identifier is delimited.</summary>
    internal enum SqlQuoteStyle : byte
    {
        /// <summary><c>"name"</c>, with <c>""</c> escapes.</summary>
        Double,

        /// <summary><c>[name]</c> (SQLite and SQL Server), with <c>]]</c> escapes.</summary>
        Bracket,

        /// <summary><c>`name`</c> (SQLite and MySQL), with <c>``</c> escapes.</summary>
        Backtick,

        /// <summary><c>U&amp;"name"</c> with <c>\XXXX</c> escapes.</summary>
        Unicode,
    }
}
