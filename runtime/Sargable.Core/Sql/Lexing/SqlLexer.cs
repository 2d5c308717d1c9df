using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// PostgreSQL's lexical rules (plus SQLite's [bracket] and `backtick` identifiers and the <c>@name</c>, <c>:name</c>
    /// and <c>?</c> placeholders of client libraries) over <c>source[start..end)</c>. Strict mode throws
    /// <see cref="SqlParseException"/> for bad input; tolerant mode (the script splitter) turns it into
    /// <see cref="SqlTokenKind.Error"/> tokens and never throws.
    /// </summary>
    internal sealed partial class SqlLexer
    {
        /// <summary><see cref="SqlToken.Sub"/> of the <c>=&gt;</c> operator (named function arguments).</summary>
        internal const byte NamedArgumentArrow = 255;

        private readonly string _s;
        private readonly int _end;
        private readonly bool _tolerant;
        private readonly bool _collectComments;
        private List<SqlComment>? _comments;
        private int _pos;
        private int _line;
        private int _lineStart;
        private SqlTokenKind _prevKind = SqlTokenKind.EndOfInput;
        private SqlKeyword _prevKeyword;
        private byte _prevSub;
        private int _bracketDepth;
        private SqlToken? _unterminatedComment;

        public SqlLexer(string source, int start, int end, int line, int column, bool tolerant, bool collectComments)
        {
            _s = source;
            _pos = start;
            _end = end;
            _line = line;
            _lineStart = start - (column - 1);
            _tolerant = tolerant;
            _collectComments = collectComments;
        }

        /// <summary>The comments skipped so far (null when none, or when not collecting).</summary>
        public List<SqlComment>? Comments => _comments;

        public SqlToken Next()
        {
            SkipTrivia();
            if (_unterminatedComment is { } comment)
            {
                // Tolerant mode: the open comment becomes a token, so the splitter keeps it in a statement the parser rejects.
                _unterminatedComment = null;
                return comment;
            }

            var start = _pos;
            var line = _line;
            var column = start - _lineStart + 1;
            if (start >= _end)
            {
                return new SqlToken(SqlTokenKind.EndOfInput, 0, SqlKeyword.None, start, start, line, column);
            }

            var token = Scan(_s[start], start, line, column);
            _prevKind = token.Kind;
            _prevKeyword = token.Keyword;
            _prevSub = token.Sub;
            return token;
        }

        private SqlToken Scan(char c, int start, int line, int column)
        {
            switch (c)
            {
                case '(':
                    return Single(SqlTokenKind.LeftParen, start, line, column);
                case ')':
                    return Single(SqlTokenKind.RightParen, start, line, column);
                case ',':
                    return Single(SqlTokenKind.Comma, start, line, column);
                case ';':
                    return Single(SqlTokenKind.Semicolon, start, line, column);
                case ']':
                    if (_bracketDepth > 0)
                    {
                        _bracketDepth--;
                    }

                    return Single(SqlTokenKind.RightBracket, start, line, column);
                case '[':
                    return ScanLeftBracket(start, line, column);
                case '.':
                    return Peek(start + 1) is var d && SqlCharacters.IsDigit(d)
                        ? ScanNumber(start, line, column)
                        : Single(SqlTokenKind.Dot, start, line, column);
                case ':':
                    return ScanColon(start, line, column);
                case '\'':
                    return ScanString(start, start, LiteralKind.String, line, column);
                case '"':
                    return ScanQuotedIdentifier(start, start, '"', SqlQuoteStyle.Double, line, column);
                case '`':
                    return ScanQuotedIdentifier(start, start, '`', SqlQuoteStyle.Backtick, line, column);
                case '$':
                    return ScanDollar(start, line, column);
                case '@':
                    if (SqlCharacters.IsIdentifierStart(Peek(start + 1)))
                    {
                        return ScanPlaceholder(start, ParameterKind.Named, line, column);
                    }

                    return ScanOperator(start, line, column);
                case 'e':
                case 'E':
                    return Peek(start + 1) == '\'' ? ScanString(start, start + 1, LiteralKind.EscapeString, line, column) : ScanWord(start, line, column);
                case 'b':
                case 'B':
                    return Peek(start + 1) == '\'' ? ScanString(start, start + 1, LiteralKind.BitString, line, column) : ScanWord(start, line, column);
                case 'x':
                case 'X':
                    return Peek(start + 1) == '\'' ? ScanString(start, start + 1, LiteralKind.HexString, line, column) : ScanWord(start, line, column);
                case 'n':
                case 'N':
                    return Peek(start + 1) == '\'' ? ScanString(start, start + 1, LiteralKind.NationalString, line, column) : ScanWord(start, line, column);
                case 'u':
                case 'U':
                    if (Peek(start + 1) == '&')
                    {
                        var q = Peek(start + 2);
                        if (q == '\'')
                        {
                            return ScanString(start, start + 2, LiteralKind.UnicodeString, line, column);
                        }

                        if (q == '"')
                        {
                            return ScanQuotedIdentifier(start, start + 2, '"', SqlQuoteStyle.Unicode, line, column);
                        }
                    }

                    return ScanWord(start, line, column);
            }

            if (SqlCharacters.IsDigit(c))
            {
                return ScanNumber(start, line, column);
            }

            if (SqlCharacters.IsIdentifierStart(c))
            {
                return ScanWord(start, line, column);
            }

            if (SqlCharacters.IsOperatorChar(c))
            {
                return ScanOperator(start, line, column);
            }

            return Unexpected(start, line, column);
        }

        private char Peek(int index) => index < _end ? _s[index] : '\0';

        private SqlToken Single(SqlTokenKind kind, int start, int line, int column)
        {
            _pos = start + 1;
            return new SqlToken(kind, 0, SqlKeyword.None, start, start + 1, line, column);
        }

        private SqlToken Make(SqlTokenKind kind, byte sub, int start, int end, int line, int column)
        {
            _pos = end;
            return new SqlToken(kind, sub, SqlKeyword.None, start, end, line, column);
        }

        /// <summary>Counts a line break at <paramref name="index"/> ("\r\n" counts once, at its "\n").</summary>
        private void NoteNewline(int index)
        {
            if (_s[index] == '\r' && index + 1 < _end && _s[index + 1] == '\n')
            {
                return;
            }

            _line++;
            _lineStart = index + 1;
        }

        private void SkipTrivia()
        {
            var s = _s;
            var end = _end;
            var pos = _pos;
            while (pos < end)
            {
                var c = s[pos];
                if (c < 128)
                {
                    if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
                    {
                        pos++;
                    }
                    else if (c == '\n' || c == '\r')
                    {
                        NoteNewline(pos);
                        pos++;
                    }
                    else if (c == '-' && pos + 1 < end && s[pos + 1] == '-')
                    {
                        pos = SkipLineComment(pos);
                    }
                    else if (c == '/' && pos + 1 < end && s[pos + 1] == '*')
                    {
                        pos = SkipBlockComment(pos);
                    }
                    else
                    {
                        break;
                    }
                }
                else if (SqlCharacters.IsUnicodeSpace(c))
                {
                    pos++;
                }
                else
                {
                    break;
                }
            }

            _pos = pos;
        }

        private int SkipLineComment(int start)
        {
            var s = _s;
            var pos = start + 2;
            while (pos < _end && s[pos] != '\n' && s[pos] != '\r')
            {
                pos++;
            }

            if (_collectComments)
            {
                AddComment(start, pos, s.Substring(start + 2, pos - start - 2), isBlock: false, _line, start - _lineStart + 1);
            }

            return pos;
        }

        private int SkipBlockComment(int start)
        {
            var s = _s;
            var line = _line;
            var column = start - _lineStart + 1;
            var depth = 1;
            var pos = start + 2;
            while (pos < _end)
            {
                var c = s[pos];
                if (c == '*' && pos + 1 < _end && s[pos + 1] == '/')
                {
                    pos += 2;
                    if (--depth == 0)
                    {
                        if (_collectComments)
                        {
                            AddComment(start, pos, s.Substring(start + 2, pos - start - 4), isBlock: true, line, column);
                        }

                        return pos;
                    }
                }
                else if (c == '/' && pos + 1 < _end && s[pos + 1] == '*')
                {
                    pos += 2;
                    depth++;
                }
                else
                {
                    if (c == '\n' || c == '\r')
                    {
                        NoteNewline(pos);
                    }

                    pos++;
                }
            }

            if (!_tolerant)
            {
                throw new SqlParseException("unterminated block comment", start, line, column, "'*/'", "end of input");
            }

            _unterminatedComment = new SqlToken(SqlTokenKind.Error, 0, SqlKeyword.None, start, _end, line, column);

            return _end;
        }

        private void AddComment(int start, int end, string text, bool isBlock, int line, int column)
        {
            (_comments ??= new List<SqlComment>()).Add(new SqlComment(text, new SqlSpan(start, end, line, column), isBlock));
        }

        private SqlToken ScanWord(int start, int line, int column)
        {
            var s = _s;
            var end = _end;
            var pos = start;
            var hash = 0;
            var keywordCandidate = true;
            while (pos < end)
            {
                var c = s[pos];
                if (c < 128)
                {
                    if ((uint)(c - 'a') <= 'z' - 'a' || c == '_')
                    {
                        hash = SqlKeywords.Step(hash, c);
                    }
                    else if ((uint)(c - 'A') <= 'Z' - 'A')
                    {
                        hash = SqlKeywords.Step(hash, (char)(c | 0x20));
                    }
                    else if (SqlCharacters.IsIdentifierPart(c))
                    {
                        keywordCandidate = false;
                    }
                    else
                    {
                        break;
                    }
                }
                else if (SqlCharacters.IsUnicodeSpace(c))
                {
                    break;
                }
                else
                {
                    keywordCandidate = false;
                }

                pos++;
            }

            var length = pos - start;
            var keyword = keywordCandidate && length <= SqlKeywords.MaxLength
                ? SqlKeywords.Lookup(s, start, length, hash)
                : SqlKeyword.None;
            _pos = pos;
            return new SqlToken(SqlTokenKind.Identifier, 0, keyword, start, pos, line, column);
        }

        private SqlToken Unexpected(int start, int line, int column)
        {
            if (!_tolerant)
            {
                throw new SqlParseException("unexpected character", start, line, column, "a SQL token", DescribeChar(_s[start]));
            }

            return Make(SqlTokenKind.Error, 0, start, start + 1, line, column);
        }

        internal static string DescribeChar(char c)
        {
            if (c < ' ' || c == '\u007F' || char.IsSurrogate(c) || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            }

            return "'" + c + "'";
        }

        private SqlToken Unterminated(string what, string expected, SqlTokenKind kind, int start, int line, int column)
        {
            if (!_tolerant)
            {
                throw new SqlParseException("unterminated " + what, start, line, column, expected, "end of input");
            }

            return Make(SqlTokenKind.Error, (byte)kind, start, _end, line, column);
        }

        private SqlToken TrailingJunk(int start, int junk, int line, int column)
        {
            throw new SqlParseException("trailing junk after numeric literal", start, line, column, "a delimiter after the number", DescribeChar(_s[junk]));
        }
    }
}
