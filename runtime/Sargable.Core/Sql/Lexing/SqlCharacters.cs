namespace Sargable.Sql
{
    /// <summary>Character classes of PostgreSQL's lexer, as a table for ASCII so the hot loops do one lookup per character.</summary>
    internal static class SqlCharacters
    {
        private const byte IdentStartFlag = 1;
        private const byte IdentPartFlag = 2;
        private const byte DigitFlag = 4;
        private const byte OperatorFlag = 8;
        private const byte SpaceFlag = 16;
        private const byte HexFlag = 32;

        private static readonly byte[] s_ascii = Build();

        /// <summary>Letters, '_' and (as in PostgreSQL) any non-ASCII character that is not white space.</summary>
        public static bool IsIdentifierStart(char c) => c < 128 ? (s_ascii[c] & IdentStartFlag) != 0 : !IsUnicodeSpace(c);

        /// <summary>Identifier start characters plus digits and '$'.</summary>
        public static bool IsIdentifierPart(char c) => c < 128 ? (s_ascii[c] & IdentPartFlag) != 0 : !IsUnicodeSpace(c);

        /// <summary>Dollar-quote tags are identifiers without '$'.</summary>
        public static bool IsDollarTagPart(char c) => c != '$' && IsIdentifierPart(c);

        public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        public static bool IsHexDigit(char c) => c < 128 && (s_ascii[c] & HexFlag) != 0;

        /// <summary>The characters PostgreSQL builds operators from (the backtick is left to quoted identifiers).</summary>
        public static bool IsOperatorChar(char c) => c < 128 && (s_ascii[c] & OperatorFlag) != 0;

        public static bool IsWhiteSpace(char c) => c < 128 ? (s_ascii[c] & SpaceFlag) != 0 : IsUnicodeSpace(c);

        /// <summary>Non-ASCII space separators and the byte-order mark count as white space (lenient where PostgreSQL is not).</summary>
        public static bool IsUnicodeSpace(char c) => c >= 128 && (char.IsWhiteSpace(c) || c == '\uFEFF');

        private static byte[] Build()
        {
            var table = new byte[128];
            for (var c = 'a'; c <= 'z'; c++)
            {
                table[c] |= IdentStartFlag | IdentPartFlag;
                table[char.ToUpperInvariant(c)] |= IdentStartFlag | IdentPartFlag;
            }

            table['_'] |= IdentStartFlag | IdentPartFlag;
            table['$'] |= IdentPartFlag;
            for (var c = '0'; c <= '9'; c++)
            {
                table[c] |= IdentPartFlag | DigitFlag | HexFlag;
            }

            for (var c = 'a'; c <= 'f'; c++)
            {
                table[c] |= HexFlag;
                table[char.ToUpperInvariant(c)] |= HexFlag;
            }

            foreach (var c in "+-*/<>=~!@#%^&|?")
            {
                table[c] |= OperatorFlag;
            }

            foreach (var c in " \t\n\r\f\v")
            {
                table[c] |= SpaceFlag;
            }

            return table;
        }
    }
}
