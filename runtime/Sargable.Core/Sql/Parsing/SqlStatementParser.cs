using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Sargable.Sql
{
    /// <summary>
    /// Recursive-descent parser over a pre-lexed token array. Guarantees for any input: only
    /// <see cref="SqlParseException"/> escapes; recursion is bounded by <see cref="MaxDepth"/> (chains that build deep
    /// trees without recursing, such as <c>a + b + c</c> or join lists, count towards it too, so AST depth is bounded
    /// as well); lookahead is bounded and never backtracks more than once, so work is linear in the token count.
    /// Every token read (including lookahead) counts one unit of work, reported through <see cref="SqlParser.LastWorkUnits"/>,
    /// so tests can check linearity by counting instead of timing.
    /// </summary>
    internal sealed partial class SqlStatementParser
    {
        internal const int MaxDepth = 256;

        private const int MaxPooledTokens = 16 * 1024;

        [ThreadStatic]
        private static SqlToken[]? t_tokenPool;

        private readonly string _source;
        private SqlToken[] _tokens = Array.Empty<SqlToken>();
        private int _count;
        private int _pos;
        private int _prevEnd;
        private int _depth;
        private long _work;
        private int _questionMarks;
        private int _parenRunStart = -1;
        private int _parenRunEnd = -1;
        private IReadOnlyList<SqlComment> _comments = Array.Empty<SqlComment>();

        private SqlStatementParser(string source)
        {
            _source = source;
        }

        /// <summary>
        /// Parses exactly one statement in <c>source[start..start+length)</c>; <paramref name="line"/> and
        /// <paramref name="column"/> locate <paramref name="start"/>. Reports the work done even when parsing fails.
        /// </summary>
        internal static SqlStatement Parse(string source, int start, int length, int line, int column, out long work, out int tokenCount)
        {
            var parser = new SqlStatementParser(source);
            try
            {
                parser.Tokenize(start, start + length, line, column);
                return parser.ParseTopLevel();
            }
            finally
            {
                work = parser._work;
                tokenCount = parser._count;
                parser.ReleaseTokens();
            }
        }

        private void Tokenize(int start, int end, int line, int column)
        {
            var lexer = new SqlLexer(_source, start, end, line, column, tolerant: false, collectComments: true);
            var tokens = t_tokenPool ?? new SqlToken[64];
            t_tokenPool = null;
            _tokens = tokens;
            var count = 0;
            while (true)
            {
                var token = lexer.Next();
                if (count == tokens.Length)
                {
                    Array.Resize(ref tokens, tokens.Length * 2);
                    _tokens = tokens;
                }

                tokens[count++] = token;
                if (token.Kind == SqlTokenKind.EndOfInput)
                {
                    break;
                }
            }

            _count = count;
            _prevEnd = tokens[0].Start;
            var comments = lexer.Comments;
            _comments = comments is null ? Array.Empty<SqlComment>() : comments.ToArray();
        }

        private void ReleaseTokens()
        {
            if (_tokens.Length <= MaxPooledTokens && _tokens.Length > 0)
            {
                t_tokenPool = _tokens;
            }

            _tokens = Array.Empty<SqlToken>();
        }

        // ---- token access (every read counts as work) ----

        private ref readonly SqlToken Current
        {
            get
            {
                _work++;
                return ref _tokens[_pos];
            }
        }

        private ref readonly SqlToken Peek(int ahead)
        {
            _work++;
            var index = _pos + ahead;
            return ref _tokens[index < _count ? index : _count - 1];
        }

        private void Advance()
        {
            _prevEnd = _tokens[_pos].End;
            if (_pos < _count - 1)
            {
                _pos++;
            }
        }

        private void Advance(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Advance();
            }
        }

        private bool Is(SqlTokenKind kind) => Current.Kind == kind;

        private bool PeekIs(int ahead, SqlTokenKind kind) => Peek(ahead).Kind == kind;

        private bool IsKeyword(SqlKeyword keyword)
        {
            ref readonly var token = ref Current;
            return token.Kind == SqlTokenKind.Identifier && token.Keyword == keyword;
        }

        private bool PeekIsKeyword(int ahead, SqlKeyword keyword)
        {
            ref readonly var token = ref Peek(ahead);
            return token.Kind == SqlTokenKind.Identifier && token.Keyword == keyword;
        }

        private bool IsOperator(BinaryOperator op)
        {
            ref readonly var token = ref Current;
            return token.Kind == SqlTokenKind.Operator && token.Sub == (byte)op;
        }

        private bool Accept(SqlTokenKind kind)
        {
            if (Current.Kind != kind)
            {
                return false;
            }

            Advance();
            return true;
        }

        private bool AcceptKeyword(SqlKeyword keyword)
        {
            if (!IsKeyword(keyword))
            {
                return false;
            }

            Advance();
            return true;
        }

        private void Expect(SqlTokenKind kind, string expected)
        {
            if (!Accept(kind))
            {
                throw Expected(expected);
            }
        }

        private void ExpectKeyword(SqlKeyword keyword)
        {
            if (!AcceptKeyword(keyword))
            {
                throw Expected("'" + SqlKeywords.Text(keyword).ToUpperInvariant() + "'");
            }
        }

        private void ExpectOpenParen() => Expect(SqlTokenKind.LeftParen, "'('");

        private void ExpectCloseParen() => Expect(SqlTokenKind.RightParen, "')'");

        // ---- spans ----

        private SqlSpan SpanFrom(int startIndex)
        {
            ref readonly var start = ref _tokens[startIndex];
            return new SqlSpan(start.Start, Math.Max(_prevEnd, start.Start), start.Line, start.Column);
        }

        private string TokenText(in SqlToken token) => _source.Substring(token.Start, token.Length);

        // ---- nesting ----

        /// <summary>Enters one level of recursion; returns the depth to restore on the way out.</summary>
        private int Enter()
        {
            var saved = _depth;
            Deeper();
            return saved;
        }

        /// <summary>One more level: a recursive call, or a node wrapped around the previous one in a chain.</summary>
        private void Deeper()
        {
            if (++_depth > MaxDepth)
            {
                throw NestingTooDeep();
            }

            // The limit keeps recursion to a few hundred frames, but the caller's thread may have a small stack
            // (the compiler host, a thread-pool thread deep in a call chain): fail the parse, never the process.
            try
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
            }
            catch (InsufficientExecutionStackException)
            {
                throw NestingTooDeep();
            }
        }

        private SqlParseException NestingTooDeep()
        {
            ref readonly var token = ref _tokens[_pos];
            return new SqlParseException(
                "nesting too deep",
                token.Start,
                token.Line,
                token.Column,
                "at most " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " nested levels",
                Describe(token));
        }

        // ---- errors ----

        private SqlParseException Expected(string expected) => ExpectedAt(_pos, expected, null);

        private SqlParseException ExpectedAt(int index, string expected, string? problem)
        {
            ref readonly var token = ref _tokens[index];
            return new SqlParseException(problem, token.Start, token.Line, token.Column, expected, Describe(token));
        }

        private string Describe(in SqlToken token)
        {
            if (token.Kind == SqlTokenKind.EndOfInput)
            {
                return "end of input";
            }

            const int MaxShown = 40;
            return token.Length <= MaxShown
                ? "'" + TokenText(token) + "'"
                : "'" + _source.Substring(token.Start, MaxShown) + "...'";
        }

        // ---- names ----

        /// <summary>A name usable for a column, table or alias: any identifier but reserved and type/function-name keywords.</summary>
        private static bool IsColId(in SqlToken token)
        {
            if (token.Kind == SqlTokenKind.QuotedIdentifier)
            {
                return true;
            }

            if (token.Kind != SqlTokenKind.Identifier)
            {
                return false;
            }

            return token.Keyword == SqlKeyword.None || SqlKeywords.Category(token.Keyword) <= KeywordCategory.ColumnName;
        }

        /// <summary>A name usable for a function or type: any identifier but reserved keywords.</summary>
        private static bool IsFunctionName(in SqlToken token)
        {
            if (token.Kind == SqlTokenKind.QuotedIdentifier)
            {
                return true;
            }

            return token.Kind == SqlTokenKind.Identifier
                && (token.Keyword == SqlKeyword.None || SqlKeywords.Category(token.Keyword) != KeywordCategory.Reserved);
        }

        /// <summary>Any word, reserved or not (after AS, after a dot).</summary>
        private static bool IsWord(in SqlToken token) => token.Kind == SqlTokenKind.Identifier || token.Kind == SqlTokenKind.QuotedIdentifier;

        private SqlIdentifier ParseColId(string expected)
        {
            ref readonly var token = ref Current;
            if (!IsColId(token))
            {
                throw Expected(expected);
            }

            var identifier = MakeIdentifier(token);
            Advance();
            return identifier;
        }

        private SqlIdentifier ParseLabel(string expected)
        {
            ref readonly var token = ref Current;
            if (!IsWord(token))
            {
                throw Expected(expected);
            }

            var identifier = MakeIdentifier(token);
            Advance();
            return identifier;
        }

        private SqlIdentifier MakeIdentifier(in SqlToken token)
        {
            var text = TokenText(token);
            if (token.Kind == SqlTokenKind.Identifier)
            {
                return new SqlIdentifier(SqlText.FoldCase(text), text, isQuoted: false, token.Span);
            }

            string value;
            switch ((SqlQuoteStyle)token.Sub)
            {
                case SqlQuoteStyle.Bracket:
                    value = SqlText.Undouble(text, 1, text.Length - 1, ']');
                    break;
                case SqlQuoteStyle.Backtick:
                    value = SqlText.Undouble(text, 1, text.Length - 1, '`');
                    break;
                case SqlQuoteStyle.Unicode:
                    value = SqlText.DecodeUnicodeEscapes(SqlText.Undouble(text, 3, text.Length - 1, '"'), out _)
                        ?? throw new SqlParseException("invalid Unicode escape", token.Start, token.Line, token.Column, "\\XXXX or \\+XXXXXX", Describe(token));
                    break;
                default:
                    value = SqlText.Undouble(text, 1, text.Length - 1, '"');
                    break;
            }

            return new SqlIdentifier(value, text, isQuoted: true, token.Span);
        }

        /// <summary>An identifier for a keyword used as a function name (COALESCE, CURRENT_DATE, ...).</summary>
        private SqlQualifiedName KeywordName(in SqlToken token)
        {
            var text = TokenText(token);
            var identifier = new SqlIdentifier(SqlKeywords.Text(token.Keyword), text, isQuoted: false, token.Span);
            return new SqlQualifiedName(new[] { identifier }, token.Span);
        }

        /// <summary><c>name[.name...]</c>: the first part a ColId, later parts any word.</summary>
        private SqlQualifiedName ParseQualifiedName(string expected, bool allowTypeFunctionName = false)
        {
            var startIndex = _pos;
            ref readonly var first = ref Current;
            if (!(allowTypeFunctionName ? IsFunctionName(first) : IsColId(first)))
            {
                throw Expected(expected);
            }

            var parts = new List<SqlIdentifier>(2) { MakeIdentifier(first) };
            Advance();
            while (Is(SqlTokenKind.Dot) && IsWord(Peek(1)))
            {
                Advance();
                parts.Add(MakeIdentifier(Current));
                Advance();
            }

            return new SqlQualifiedName(parts.ToArray(), SpanFrom(startIndex));
        }

        private SqlIdentifier[] ParseIdentifierListInParens(string expected)
        {
            ExpectOpenParen();
            var names = new List<SqlIdentifier>();
            do
            {
                names.Add(ParseColId(expected));
            }
            while (Accept(SqlTokenKind.Comma));
            ExpectCloseParen();
            return names.ToArray();
        }

        private static T[] Empty<T>() => Array.Empty<T>();
    }
}
