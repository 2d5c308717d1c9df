using System.Collections.Generic;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class LexerTests
    {
        private static List<SqlToken> Lex(string text, bool tolerant = false)
        {
            var lexer = new SqlLexer(text, 0, text.Length, 1, 1, tolerant, collectComments: true);
            var tokens = new List<SqlToken>();
            while (true)
            {
                var token = lexer.Next();
                if (token.Kind == SqlTokenKind.EndOfInput)
                {
                    return tokens;
                }

                tokens.Add(token);
            }
        }

        private static string[] Texts(string text) => Lex(text).Select(t => text.Substring(t.Start, t.Length)).ToArray();

        private static SqlToken Single(string text) => Assert.Single(Lex(text));

        [Theory]
        [InlineData("select", SqlTokenKind.Identifier)]
        [InlineData("\"Quoted\"", SqlTokenKind.QuotedIdentifier)]
        [InlineData("42", SqlTokenKind.Integer)]
        [InlineData("4.2", SqlTokenKind.Numeric)]
        [InlineData("'text'", SqlTokenKind.String)]
        [InlineData("@p0", SqlTokenKind.Parameter)]
        [InlineData("->>", SqlTokenKind.Operator)]
        [InlineData("(", SqlTokenKind.LeftParen)]
        [InlineData(")", SqlTokenKind.RightParen)]
        [InlineData("]", SqlTokenKind.RightBracket)]
        [InlineData(",", SqlTokenKind.Comma)]
        [InlineData(";", SqlTokenKind.Semicolon)]
        [InlineData(".", SqlTokenKind.Dot)]
        [InlineData("::", SqlTokenKind.DoubleColon)]
        [InlineData(":", SqlTokenKind.Colon)]
        [InlineData(":=", SqlTokenKind.ColonEquals)]
        public void Each_token_kind_is_recognised(string text, object kind)
        {
            var token = Single(text);
            Assert.Equal((SqlTokenKind)kind, token.Kind);
            Assert.Equal(0, token.Start);
            Assert.Equal(text.Length, token.End);
        }

        [Fact]
        public void Left_bracket_after_a_name_is_a_subscript()
        {
            var tokens = Lex("a[1]");
            Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.LeftBracket, SqlTokenKind.Integer, SqlTokenKind.RightBracket }, tokens.Select(t => t.Kind));
        }

        [Fact]
        public void Keywords_are_found_case_insensitively_and_other_words_are_plain_identifiers()
        {
            Assert.Equal(SqlKeyword.Select, Single("SeLeCt").Keyword);
            Assert.Equal(SqlKeyword.CurrentTimestamp, Single("CURRENT_TIMESTAMP").Keyword);
            Assert.Equal(SqlKeyword.None, Single("deployments").Keyword);
            Assert.Equal(SqlKeyword.None, Single("select1").Keyword);
            Assert.Equal(SqlKeyword.None, Single("sel$ect").Keyword);
            Assert.Equal(SqlKeyword.None, Single("s\u00e9lect").Keyword);
        }

        [Fact]
        public void Tokens_report_offset_line_and_column_across_line_endings()
        {
            const string Text = "SELECT a,\n  b\r\n\tFROM t\rWHERE";
            var tokens = Lex(Text);
            var positions = tokens.Select(t => (Text.Substring(t.Start, t.Length), t.Line, t.Column)).ToArray();
            Assert.Equal(
                new[] { ("SELECT", 1, 1), ("a", 1, 8), (",", 1, 9), ("b", 2, 3), ("FROM", 3, 2), ("t", 3, 7), ("WHERE", 4, 1) },
                positions);
        }

        [Fact]
        public void Lexing_a_range_reports_positions_absolute_in_the_source()
        {
            const string Source = "xx\nyy SELECT 1";
            var lexer = new SqlLexer(Source, 6, Source.Length, 2, 4, tolerant: false, collectComments: false);
            var token = lexer.Next();
            Assert.Equal((6, 2, 4), (token.Start, token.Line, token.Column));
            var one = lexer.Next();
            Assert.Equal((13, 2, 11), (one.Start, one.Line, one.Column));
        }

        [Theory]
        [InlineData("'it''s'", LiteralKind.String)]
        [InlineData("E'a\\'b'", LiteralKind.EscapeString)]
        [InlineData("e'x'", LiteralKind.EscapeString)]
        [InlineData("U&'d\\0061t'", LiteralKind.UnicodeString)]
        [InlineData("$$a'b;c$$", LiteralKind.DollarString)]
        [InlineData("$fn$ $$ inside $fn$", LiteralKind.DollarString)]
        [InlineData("B'0101'", LiteralKind.BitString)]
        [InlineData("X'1F'", LiteralKind.HexString)]
        [InlineData("N'x'", LiteralKind.NationalString)]
        public void String_forms_are_single_tokens(string text, LiteralKind kind)
        {
            var token = Single(text);
            Assert.Equal(SqlTokenKind.String, token.Kind);
            Assert.Equal(kind, (LiteralKind)token.Sub);
            Assert.Equal(text.Length, token.Length);
        }

        [Fact]
        public void Backslash_escapes_a_quote_only_in_escape_strings()
        {
            Assert.Equal(new[] { "'a\\'", "b" }, Texts("'a\\'b"));
            Assert.Equal(new[] { "E'a\\'b'" }, Texts("E'a\\'b'"));
        }

        [Fact]
        public void A_word_followed_by_a_quote_is_only_a_prefix_for_E_B_X_N_and_U_ampersand()
        {
            Assert.Equal(new[] { "date", "'2024-01-01'" }, Texts("date '2024-01-01'"));
            Assert.Equal(new[] { "ee", "'x'" }, Texts("ee'x'"));
        }

        [Theory]
        [InlineData("42", SqlTokenKind.Integer)]
        [InlineData("0x1F", SqlTokenKind.Integer)]
        [InlineData("0o17", SqlTokenKind.Integer)]
        [InlineData("0b101", SqlTokenKind.Integer)]
        [InlineData("1_000_000", SqlTokenKind.Integer)]
        [InlineData("3.14", SqlTokenKind.Numeric)]
        [InlineData(".5", SqlTokenKind.Numeric)]
        [InlineData("1.", SqlTokenKind.Numeric)]
        [InlineData("1e10", SqlTokenKind.Numeric)]
        [InlineData("1.5E-3", SqlTokenKind.Numeric)]
        public void Numbers_follow_postgres_16(string text, object kind)
        {
            var token = Single(text);
            Assert.Equal((SqlTokenKind)kind, token.Kind);
            Assert.Equal(text.Length, token.Length);
        }

        [Theory]
        [InlineData("1abc")]
        [InlineData("1_")]
        [InlineData("1e")]
        [InlineData("$1x")]
        public void Trailing_junk_after_a_number_is_an_error(string text)
        {
            var error = Assert.Throws<SqlParseException>(() => Lex(text));
            Assert.Equal("trailing junk after numeric literal", error.Problem);
            Assert.Equal(1, error.Column);
        }

        [Theory]
        [InlineData("@name", ParameterKind.Named)]
        [InlineData("@__ids_0", ParameterKind.Named)]
        [InlineData("$1", ParameterKind.Positional)]
        [InlineData(":name", ParameterKind.Colon)]
        public void Placeholders_keep_their_kind(string text, ParameterKind kind)
        {
            var token = Single(text);
            Assert.Equal(SqlTokenKind.Parameter, token.Kind);
            Assert.Equal(kind, (ParameterKind)token.Sub);
        }

        [Fact]
        public void Double_colon_is_a_cast_and_colon_equals_an_assignment_not_placeholders()
        {
            Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.DoubleColon, SqlTokenKind.Identifier }, Lex("x::int").Select(t => t.Kind));
            Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.ColonEquals, SqlTokenKind.Integer }, Lex("a:=1").Select(t => t.Kind));
        }

        [Theory]
        [InlineData("a=-1", new[] { "a", "=", "-", "1" })]
        [InlineData("a<>-1", new[] { "a", "<>", "-", "1" })]
        [InlineData("a@-b", new[] { "a", "@-", "b" })]
        [InlineData("a=@p", new[] { "a", "=", "@p" })]
        [InlineData("a@>@p", new[] { "a", "@>", "@p" })]
        [InlineData("a=?", new[] { "a", "=", "?" })]
        [InlineData("a?|b", new[] { "a", "?|", "b" })]
        [InlineData("a@?b", new[] { "a", "@?", "b" })]
        [InlineData("a->>'k'", new[] { "a", "->>", "'k'" })]
        [InlineData("a*-- comment", new[] { "a", "*" })]
        [InlineData("a+/* c */b", new[] { "a", "+", "b" })]
        public void Operator_runs_are_cut_where_postgres_cuts_them(string text, string[] expected)
        {
            Assert.Equal(expected, Texts(text));
        }

        [Theory]
        [InlineData("=", BinaryOperator.Equal)]
        [InlineData("<>", BinaryOperator.NotEqual)]
        [InlineData("!=", BinaryOperator.NotEqual)]
        [InlineData("<=", BinaryOperator.LessThanOrEqual)]
        [InlineData("||", BinaryOperator.Concat)]
        [InlineData("->", BinaryOperator.JsonGet)]
        [InlineData("#>>", BinaryOperator.JsonGetPathText)]
        [InlineData("@>", BinaryOperator.Contains)]
        [InlineData("<@", BinaryOperator.ContainedBy)]
        [InlineData("&&", BinaryOperator.Overlap)]
        [InlineData("!~*", BinaryOperator.RegexNotMatchIgnoreCase)]
        [InlineData("<->", BinaryOperator.Other)]
        public void Operators_are_classified(string text, BinaryOperator op)
        {
            Assert.Equal(op, (BinaryOperator)Single(text).Sub);
        }

        [Fact]
        public void Comments_are_skipped_and_collected_with_text_and_span()
        {
            const string Text = "-- tag one\nSELECT /* a /* nested */ b */ 1 --end";
            var lexer = new SqlLexer(Text, 0, Text.Length, 1, 1, tolerant: false, collectComments: true);
            var kinds = new List<SqlTokenKind>();
            for (var token = lexer.Next(); token.Kind != SqlTokenKind.EndOfInput; token = lexer.Next())
            {
                kinds.Add(token.Kind);
            }

            Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.Integer }, kinds);
            var comments = lexer.Comments!;
            Assert.Equal(new[] { " tag one", " a /* nested */ b ", "end" }, comments.Select(c => c.Text));
            Assert.Equal(new[] { false, true, false }, comments.Select(c => c.IsBlock));
            Assert.Equal((0, 10, 1, 1), (comments[0].Span.Start, comments[0].Span.End, comments[0].Span.Line, comments[0].Span.Column));
            Assert.Equal((2, 8), (comments[1].Span.Line, comments[1].Span.Column));
            Assert.Equal("/* a /* nested */ b */", comments[1].Span.GetText(Text));
        }

        [Theory]
        [InlineData("SELECT 'abc", "unterminated string literal", 8)]
        [InlineData("SELECT E'abc\\'", "unterminated string literal", 8)]
        [InlineData("SELECT \"abc", "unterminated quoted identifier", 8)]
        [InlineData("SELECT `abc", "unterminated quoted identifier", 8)]
        [InlineData("SELECT $tag$abc$ta$", "unterminated dollar-quoted string", 8)]
        [InlineData("SELECT /* a /* b */", "unterminated block comment", 8)]
        [InlineData("SELECT \"\"", "zero-length quoted identifier", 8)]
        [InlineData("SELECT a \\ b", "unexpected character", 10)]
        [InlineData("SELECT $abc", "unexpected character", 8)]
        public void Lexical_errors_name_the_problem_and_where_it_starts(string text, string problem, int column)
        {
            var error = Assert.Throws<SqlParseException>(() => Lex(text));
            Assert.Equal(problem, error.Problem);
            Assert.Equal(1, error.Line);
            Assert.Equal(column, error.Column);
            Assert.Equal(column - 1, error.Offset);
            Assert.StartsWith("Line 1, column " + column + ": " + problem + ": expected ", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Tolerant_mode_turns_errors_into_error_tokens_and_runs_unterminated_literals_to_the_end()
        {
            var tokens = Lex("SELECT \\ 'abc; def", tolerant: true);
            Assert.Equal(new[] { SqlTokenKind.Identifier, SqlTokenKind.Error, SqlTokenKind.Error }, tokens.Select(t => t.Kind));
            Assert.Equal(18, tokens[2].End);
        }

        [Fact]
        public void Square_brackets_quote_sqlite_identifiers_only_where_no_subscript_can_stand()
        {
            Assert.Equal(SqlTokenKind.QuotedIdentifier, Lex("SELECT [Id]")[1].Kind);
            Assert.Equal(SqlTokenKind.QuotedIdentifier, Lex("FROM [dbo].[Table]")[3].Kind);
            Assert.Equal(SqlTokenKind.QuotedIdentifier, Lex("FROM [Table] [t]")[2].Kind);
            Assert.Equal(SqlTokenKind.LeftBracket, Lex("SELECT \"tags\"[1]")[2].Kind);
            Assert.Equal(SqlTokenKind.LeftBracket, Lex("SELECT ARRAY[1]")[2].Kind);
            Assert.Equal(SqlTokenKind.LeftBracket, Lex("SELECT tags[1]")[2].Kind);
            Assert.Equal(SqlTokenKind.LeftBracket, Lex("x::int[]")[3].Kind);
            var nested = Lex("ARRAY[[a],[b]]");
            Assert.DoesNotContain(nested, t => t.Kind == SqlTokenKind.QuotedIdentifier);
        }

        [Fact]
        public void Unicode_letters_form_identifiers_and_unicode_spaces_separate_tokens()
        {
            Assert.Equal(new[] { "\u00e9t\u00e9", "\u540d\u524d" }, Texts("\u00e9t\u00e9\u00a0\u540d\u524d"));
            Assert.Equal(new[] { "SELECT" }, Texts("\ufeffSELECT"));
        }
    }
}
