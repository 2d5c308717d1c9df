using System;

namespace Sargable.Sql
{
    /// <summary>Strings, quoted identifiers, numbers, placeholders and operators.</summary>
    internal sealed partial class SqlLexer
    {
        /// <summary>A '...' literal whose opening quote is at <paramref name="quote"/> (after any E/B/X/N/U&amp; prefix).</summary>
        private SqlToken ScanString(int start, int quote, LiteralKind kind, int line, int column)
        {
            var s = _s;
            var backslashes = kind == LiteralKind.EscapeString;
            var pos = quote + 1;
            while (pos < _end)
            {
                var c = s[pos];
                if (c == '\'')
                {
                    if (pos + 1 < _end && s[pos + 1] == '\'')
                    {
                        pos += 2;
                        continue;
                    }

                    return Make(SqlTokenKind.String, (byte)kind, start, pos + 1, line, column);
                }

                if (c == '\\' && backslashes && pos + 1 < _end)
                {
                    pos++;
                    c = s[pos];
                }

                if (c == '\n' || c == '\r')
                {
                    NoteNewline(pos);
                }

                pos++;
            }

            return Unterminated("string literal", "a closing quote (')", SqlTokenKind.String, start, line, column);
        }

        private SqlToken ScanQuotedIdentifier(int start, int quote, char close, SqlQuoteStyle style, int line, int column)
        {
            var s = _s;
            var pos = quote + 1;
            while (pos < _end)
            {
                var c = s[pos];
                if (c == close)
                {
                    if (pos + 1 < _end && s[pos + 1] == close)
                    {
                        pos += 2;
                        continue;
                    }

                    if (pos == quote + 1 && !_tolerant)
                    {
                        throw new SqlParseException("zero-length quoted identifier", start, line, column, "a name between the quotes", "'" + close + close + "'");
                    }

                    return Make(SqlTokenKind.QuotedIdentifier, (byte)style, start, pos + 1, line, column);
                }

                if (c == '\n' || c == '\r')
                {
                    NoteNewline(pos);
                }

                pos++;
            }

            return Unterminated("quoted identifier", "a closing quote (" + close + ")", SqlTokenKind.QuotedIdentifier, start, line, column);
        }

        /// <summary>
        /// '[' is an array subscript or ARRAY[...] in PostgreSQL but a quoted identifier in SQLite. It quotes only where
        /// no subscript can stand (statement start, after ',', '(', '.', an operator, a reserved keyword other than
        /// ARRAY, or another [quoted] name, and never inside another '['), and only if a ']' closes it on the same line.
        /// </summary>
        private SqlToken ScanLeftBracket(int start, int line, int column)
        {
            if (_bracketDepth == 0 && PreviousAllowsBracketIdentifier())
            {
                var s = _s;
                var pos = start + 1;
                while (pos < _end)
                {
                    var c = s[pos];
                    if (c == ']')
                    {
                        if (pos + 1 < _end && s[pos + 1] == ']')
                        {
                            pos += 2;
                            continue;
                        }

                        if (pos > start + 1)
                        {
                            return Make(SqlTokenKind.QuotedIdentifier, (byte)SqlQuoteStyle.Bracket, start, pos + 1, line, column);
                        }

                        break;
                    }

                    if (c == '\n' || c == '\r' || c == '[')
                    {
                        break;
                    }

                    pos++;
                }
            }

            _bracketDepth++;
            return Single(SqlTokenKind.LeftBracket, start, line, column);
        }

        private bool PreviousAllowsBracketIdentifier()
        {
            switch (_prevKind)
            {
                case SqlTokenKind.EndOfInput:
                case SqlTokenKind.Comma:
                case SqlTokenKind.LeftParen:
                case SqlTokenKind.Dot:
                case SqlTokenKind.Operator:
                case SqlTokenKind.Semicolon:
                    return true;
                case SqlTokenKind.QuotedIdentifier:
                    // [T] [t]: PostgreSQL never quotes with brackets, so this is SQLite / SQL Server text.
                    return _prevSub == (byte)SqlQuoteStyle.Bracket;
                case SqlTokenKind.Identifier:
                    if (_prevKeyword == SqlKeyword.None || _prevKeyword == SqlKeyword.Array)
                    {
                        return false;
                    }

                    var category = SqlKeywords.Category(_prevKeyword);
                    return category == KeywordCategory.Reserved || category == KeywordCategory.TypeFunctionName;
                default:
                    return false;
            }
        }

        /// <summary><c>$1</c> placeholders and <c>$$..$$</c> / <c>$tag$..$tag$</c> strings.</summary>
        private SqlToken ScanDollar(int start, int line, int column)
        {
            var s = _s;
            var next = Peek(start + 1);
            if (SqlCharacters.IsDigit(next))
            {
                var pos = start + 1;
                while (pos < _end && SqlCharacters.IsDigit(s[pos]))
                {
                    pos++;
                }

                if (pos < _end && SqlCharacters.IsIdentifierPart(s[pos]) && !_tolerant)
                {
                    return TrailingJunk(start, pos, line, column);
                }

                return Make(SqlTokenKind.Parameter, (byte)ParameterKind.Positional, start, pos, line, column);
            }

            if (next != '$' && !(SqlCharacters.IsIdentifierStart(next) && start + 1 < _end))
            {
                return Unexpected(start, line, column);
            }

            var tagEnd = start + 1;
            if (next != '$')
            {
                while (tagEnd < _end && SqlCharacters.IsDollarTagPart(s[tagEnd]))
                {
                    tagEnd++;
                }

                if (tagEnd >= _end || s[tagEnd] != '$')
                {
                    return Unexpected(start, line, column);
                }
            }

            var bodyStart = tagEnd + 1;
            var delimiter = bodyStart - start == 2 ? "$$" : s.Substring(start, bodyStart - start);
            var close = s.IndexOf(delimiter, bodyStart, _end - bodyStart, StringComparison.Ordinal);
            var bodyEnd = close < 0 ? _end : close;
            for (var i = bodyStart; i < bodyEnd; i++)
            {
                var c = s[i];
                if (c == '\n' || c == '\r')
                {
                    NoteNewline(i);
                }
            }

            if (close < 0)
            {
                return Unterminated("dollar-quoted string", "'" + delimiter + "'", SqlTokenKind.String, start, line, column);
            }

            return Make(SqlTokenKind.String, (byte)LiteralKind.DollarString, start, close + delimiter.Length, line, column);
        }

        /// <summary><c>@name</c> or <c>:name</c>.</summary>
        private SqlToken ScanPlaceholder(int start, ParameterKind kind, int line, int column)
        {
            var pos = start + 1;
            while (pos < _end && SqlCharacters.IsIdentifierPart(_s[pos]))
            {
                pos++;
            }

            return Make(SqlTokenKind.Parameter, (byte)kind, start, pos, line, column);
        }

        /// <summary><c>::</c> is a cast, <c>:=</c> a named argument, <c>:name</c> a placeholder and ':' alone an array slice.</summary>
        private SqlToken ScanColon(int start, int line, int column)
        {
            var next = Peek(start + 1);
            if (next == ':')
            {
                return Make(SqlTokenKind.DoubleColon, 0, start, start + 2, line, column);
            }

            if (next == '=')
            {
                return Make(SqlTokenKind.ColonEquals, 0, start, start + 2, line, column);
            }

            if (SqlCharacters.IsIdentifierStart(next) && start + 1 < _end)
            {
                return ScanPlaceholder(start, ParameterKind.Colon, line, column);
            }

            return Single(SqlTokenKind.Colon, start, line, column);
        }

        /// <summary>PostgreSQL 16 numbers: decimal, <c>0x</c>/<c>0o</c>/<c>0b</c>, '_' between digits, fraction and exponent.</summary>
        private SqlToken ScanNumber(int start, int line, int column)
        {
            var s = _s;
            var pos = start;
            var kind = LiteralKind.Integer;
            var radix = s[pos] == '0' ? char.ToLowerInvariant(Peek(pos + 1)) : '\0';
            if (radix == 'x' || radix == 'o' || radix == 'b')
            {
                pos = SkipDigits(pos + 2, radix, allowLeadingUnderscore: true);
                if (pos == start + 2)
                {
                    pos = start + 1;
                }
            }
            else
            {
                pos = SkipDigits(pos, 'd', allowLeadingUnderscore: false);
                if (pos < _end && s[pos] == '.' && Peek(pos + 1) != '.')
                {
                    kind = LiteralKind.Numeric;
                    pos = SkipDigits(pos + 1, 'd', allowLeadingUnderscore: false);
                }

                if (pos < _end && (s[pos] == 'e' || s[pos] == 'E'))
                {
                    var p = pos + 1;
                    if (Peek(p) == '+' || Peek(p) == '-')
                    {
                        p++;
                    }

                    if (SqlCharacters.IsDigit(Peek(p)))
                    {
                        kind = LiteralKind.Numeric;
                        pos = SkipDigits(p, 'd', allowLeadingUnderscore: false);
                    }
                }
            }

            if (pos < _end && SqlCharacters.IsIdentifierPart(s[pos]) && !_tolerant)
            {
                return TrailingJunk(start, pos, line, column);
            }

            return Make(kind == LiteralKind.Integer ? SqlTokenKind.Integer : SqlTokenKind.Numeric, 0, start, pos, line, column);
        }

        private int SkipDigits(int pos, char radix, bool allowLeadingUnderscore)
        {
            var s = _s;
            var sawDigit = false;
            while (pos < _end)
            {
                var c = s[pos];
                if (IsRadixDigit(c, radix))
                {
                    sawDigit = true;
                    pos++;
                }
                else if (c == '_' && (sawDigit || allowLeadingUnderscore) && pos + 1 < _end && IsRadixDigit(s[pos + 1], radix))
                {
                    pos++;
                }
                else
                {
                    break;
                }
            }

            return pos;
        }

        private static bool IsRadixDigit(char c, char radix) => radix switch
        {
            'x' => SqlCharacters.IsHexDigit(c),
            'o' => (uint)(c - '0') <= 7,
            'b' => c == '0' || c == '1',
            _ => SqlCharacters.IsDigit(c),
        };

        /// <summary>
        /// The longest run of operator characters, cut where PostgreSQL cuts it: before a comment start, and trailing
        /// '+'/'-' dropped unless the run holds one of <c>~!@#%^&amp;|?</c> (so <c>a=-1</c> is '=' then '-').
        /// '?' starts its own token unless it follows '@' (so <c>a=?</c> is '=' then a placeholder), and '@' followed by a
        /// letter starts a placeholder.
        /// </summary>
        private SqlToken ScanOperator(int start, int line, int column)
        {
            var s = _s;
            var pos = start;
            var special = false;
            while (pos < _end)
            {
                var c = s[pos];
                if (!SqlCharacters.IsOperatorChar(c))
                {
                    break;
                }

                if (pos > start)
                {
                    var next = Peek(pos + 1);
                    if ((c == '-' && next == '-') || (c == '/' && next == '*'))
                    {
                        break;
                    }

                    if (c == '?' && !(pos == start + 1 && s[start] == '@'))
                    {
                        break;
                    }

                    if (c == '@' && SqlCharacters.IsIdentifierStart(next) && pos + 1 < _end)
                    {
                        break;
                    }
                }

                if (c != '+' && c != '-' && c != '*' && c != '/' && c != '<' && c != '>' && c != '=')
                {
                    special = true;
                }

                pos++;
            }

            if (!special)
            {
                while (pos - start > 1 && (s[pos - 1] == '+' || s[pos - 1] == '-'))
                {
                    pos--;
                }
            }

            return Make(SqlTokenKind.Operator, Classify(s, start, pos - start), start, pos, line, column);
        }

        private static byte Classify(string s, int start, int length)
        {
            var c0 = s[start];
            if (length == 1)
            {
                return (byte)(c0 switch
                {
                    '+' => BinaryOperator.Add,
                    '-' => BinaryOperator.Subtract,
                    '*' => BinaryOperator.Multiply,
                    '/' => BinaryOperator.Divide,
                    '%' => BinaryOperator.Modulo,
                    '^' => BinaryOperator.Power,
                    '<' => BinaryOperator.LessThan,
                    '>' => BinaryOperator.GreaterThan,
                    '=' => BinaryOperator.Equal,
                    '~' => BinaryOperator.RegexMatch,
                    '&' => BinaryOperator.BitwiseAnd,
                    '|' => BinaryOperator.BitwiseOr,
                    '#' => BinaryOperator.BitwiseXor,
                    '?' => BinaryOperator.JsonHasKey,
                    _ => BinaryOperator.Other,
                });
            }

            var c1 = s[start + 1];
            if (length == 2)
            {
                switch (c0)
                {
                    case '<':
                        return (byte)(c1 switch { '>' => BinaryOperator.NotEqual, '=' => BinaryOperator.LessThanOrEqual, '@' => BinaryOperator.ContainedBy, '<' => BinaryOperator.ShiftLeft, _ => BinaryOperator.Other });
                    case '>':
                        return (byte)(c1 switch { '=' => BinaryOperator.GreaterThanOrEqual, '>' => BinaryOperator.ShiftRight, _ => BinaryOperator.Other });
                    case '!':
                        return (byte)(c1 switch { '=' => BinaryOperator.NotEqual, '~' => BinaryOperator.RegexNotMatch, _ => BinaryOperator.Other });
                    case '|':
                        return (byte)(c1 == '|' ? BinaryOperator.Concat : BinaryOperator.Other);
                    case '-':
                        return (byte)(c1 == '>' ? BinaryOperator.JsonGet : BinaryOperator.Other);
                    case '#':
                        return (byte)(c1 == '>' ? BinaryOperator.JsonGetPath : BinaryOperator.Other);
                    case '@':
                        return (byte)(c1 switch { '>' => BinaryOperator.Contains, '@' => BinaryOperator.TextSearchMatch, _ => BinaryOperator.Other });
                    case '&':
                        return (byte)(c1 == '&' ? BinaryOperator.Overlap : BinaryOperator.Other);
                    case '?':
                        return (byte)(c1 switch { '|' => BinaryOperator.JsonHasAnyKey, '&' => BinaryOperator.JsonHasAllKeys, _ => BinaryOperator.Other });
                    case '~':
                        return (byte)(c1 == '*' ? BinaryOperator.RegexMatchIgnoreCase : BinaryOperator.Other);
                    case '=':
                        return c1 == '>' ? NamedArgumentArrow : (byte)BinaryOperator.Other;
                    default:
                        return (byte)BinaryOperator.Other;
                }
            }

            if (length == 3)
            {
                var c2 = s[start + 2];
                if (c0 == '-' && c1 == '>' && c2 == '>')
                {
                    return (byte)BinaryOperator.JsonGetText;
                }

                if (c0 == '#' && c1 == '>' && c2 == '>')
                {
                    return (byte)BinaryOperator.JsonGetPathText;
                }

                if (c0 == '!' && c1 == '~' && c2 == '*')
                {
                    return (byte)BinaryOperator.RegexNotMatchIgnoreCase;
                }
            }

            return (byte)BinaryOperator.Other;
        }
    }
}
