using System.Globalization;

namespace Sargable.Sql
{
    /// <summary>Literals: numbers, every string form (with decoding and line continuation) and typed literals such as <c>DATE '...'</c>.</summary>
    internal sealed partial class SqlStatementParser
    {
        /// <summary>A number's digits without '_' separators; 0x, 0o and 0b integers in decimal when they fit in 64 bits.</summary>
        private static string NumberValue(string text)
        {
            var digits = text.IndexOf('_') < 0 ? text : text.Replace("_", string.Empty);
            if (digits.Length < 3 || digits[0] != '0')
            {
                return digits;
            }

            var radix = char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
            if (radix == 0)
            {
                return digits;
            }

            ulong value = 0;
            for (var i = 2; i < digits.Length; i++)
            {
                var digit = (ulong)(digits[i] <= '9' ? digits[i] - '0' : (digits[i] | 0x20) - 'a' + 10);
                if (value > (ulong.MaxValue - digit) / (ulong)radix)
                {
                    return digits;
                }

                value = (value * (ulong)radix) + digit;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private Literal ParseStringLiteral()
        {
            ref readonly var token = ref Current;
            var kind = (LiteralKind)token.Sub;
            var text = TokenText(token);
            string? value;
            switch (kind)
            {
                case LiteralKind.EscapeString:
                    value = SqlText.DecodeEscapeString(text, 2, text.Length - 1, out var errorOffset);
                    if (value is null)
                    {
                        LocateInToken(token, text, errorOffset, out var line, out var column);
                        throw new SqlParseException("invalid escape in string literal", token.Start + errorOffset, line, column, "a valid \\u or \\U escape", "'" + text.Substring(errorOffset, System.Math.Min(6, text.Length - 1 - errorOffset)) + "'");
                    }

                    break;
                case LiteralKind.UnicodeString:
                    value = SqlText.DecodeUnicodeEscapes(SqlText.Undouble(text, 3, text.Length - 1, '\''), out _);
                    if (value is null)
                    {
                        throw new SqlParseException("invalid Unicode escape", token.Start, token.Line, token.Column, "\\XXXX or \\+XXXXXX", Describe(token));
                    }

                    break;
                case LiteralKind.DollarString:
                    var tagLength = text.IndexOf('$', 1) + 1;
                    value = text.Substring(tagLength, text.Length - (2 * tagLength));
                    break;
                case LiteralKind.BitString:
                case LiteralKind.HexString:
                case LiteralKind.NationalString:
                    value = SqlText.Undouble(text, 2, text.Length - 1, '\'');
                    break;
                default:
                    value = SqlText.Undouble(text, 1, text.Length - 1, '\'');
                    break;
            }

            var startIndex = _pos;
            Advance();
            if (kind == LiteralKind.String || kind == LiteralKind.EscapeString || kind == LiteralKind.NationalString)
            {
                if (AppendContinuations(ref value))
                {
                    text = _source.Substring(_tokens[startIndex].Start, _prevEnd - _tokens[startIndex].Start);
                }
            }

            return new Literal(SpanFrom(startIndex), kind, text, value);
        }

        /// <summary>
        /// PostgreSQL joins <c>'abc'</c> and a plain <c>'def'</c> separated only by white space holding a newline into one
        /// literal (a long string split over lines).
        /// </summary>
        private bool AppendContinuations(ref string? value)
        {
            var continued = false;
            while (true)
            {
                ref readonly var next = ref Current;
                if (next.Kind != SqlTokenKind.String || next.Sub != (byte)LiteralKind.String || !IsWhiteSpaceWithNewline(_prevEnd, next.Start))
                {
                    return continued;
                }

                value += SqlText.Undouble(_source, next.Start + 1, next.End - 1, '\'');
                continued = true;
                Advance();
            }
        }

        private bool IsWhiteSpaceWithNewline(int start, int end)
        {
            var newline = false;
            for (var i = start; i < end; i++)
            {
                var c = _source[i];
                if (!SqlCharacters.IsWhiteSpace(c))
                {
                    return false;
                }

                newline |= c == '\n' || c == '\r';
            }

            return newline;
        }

        /// <summary>Line and column of <paramref name="index"/> inside a token's text, which may span lines.</summary>
        private static void LocateInToken(in SqlToken token, string text, int index, out int line, out int column)
        {
            var counter = LineCounter.Start;
            counter.MoveTo(text, index, out var relativeLine, out var relativeColumn);
            line = token.Line + relativeLine - 1;
            column = relativeLine == 1 ? token.Column + relativeColumn - 1 : relativeColumn;
        }

        /// <summary>
        /// Whether a type keyword starts a typed literal (<c>timestamp with time zone '...'</c>, <c>double precision '1'</c>)
        /// rather than naming a column: scans the few tokens a type name occupies and checks a string follows.
        /// </summary>
        private bool TypedLiteralAhead()
        {
            var keyword = Current.Keyword;
            var i = 1;
            switch (keyword)
            {
                case SqlKeyword.Double:
                    if (!PeekIsKeyword(1, SqlKeyword.Precision))
                    {
                        return false;
                    }

                    i = 2;
                    break;
                case SqlKeyword.National:
                    if (!PeekIsKeyword(1, SqlKeyword.Character) && !PeekIsKeyword(1, SqlKeyword.Char))
                    {
                        return false;
                    }

                    i = PeekIsKeyword(2, SqlKeyword.Varying) ? 3 : 2;
                    break;
                case SqlKeyword.Character:
                case SqlKeyword.Char:
                case SqlKeyword.NChar:
                case SqlKeyword.Bit:
                    i = PeekIsKeyword(1, SqlKeyword.Varying) ? 2 : 1;
                    break;
            }

            if (PeekIs(i, SqlTokenKind.LeftParen))
            {
                if (!PeekIs(i + 1, SqlTokenKind.Integer))
                {
                    return false;
                }

                i += 2;
                if (PeekIs(i, SqlTokenKind.Comma) && PeekIs(i + 1, SqlTokenKind.Integer))
                {
                    i += 2;
                }

                if (!PeekIs(i, SqlTokenKind.RightParen))
                {
                    return false;
                }

                i++;
            }

            if ((keyword == SqlKeyword.Time || keyword == SqlKeyword.Timestamp)
                && (PeekIsKeyword(i, SqlKeyword.With) || PeekIsKeyword(i, SqlKeyword.Without))
                && PeekIsKeyword(i + 1, SqlKeyword.Time) && PeekIsKeyword(i + 2, SqlKeyword.Zone))
            {
                i += 3;
            }

            return PeekIs(i, SqlTokenKind.String);
        }

        /// <summary><c>type 'text'</c> for keyword types, including <c>INTERVAL 'text' [fields]</c>.</summary>
        private SqlExpression ParseTypedLiteral()
        {
            var startIndex = _pos;
            var type = ParseDataType();
            if (!Is(SqlTokenKind.String))
            {
                throw Expected("a string literal");
            }

            var literal = ParseStringLiteral();
            if (type.Name == "interval")
            {
                var fields = ParseIntervalFields();
                if (fields.Length > 0)
                {
                    type = new SqlDataType("interval" + fields, null, type.Modifiers, 0, SpanFrom(startIndex));
                }
            }

            return new CastExpression(SpanFrom(startIndex), literal, type, CastSyntax.TypedLiteral);
        }
    }
}
