using System;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class ParseErrorTests
    {
        [Fact]
        public void Message_names_line_column_expected_and_found()
        {
            var error = Parse.Error("SELECT d.id,\n       count(d.x\n  FROM deployments d");
            Assert.Equal("Line 3, column 3: expected ')' but found 'FROM'.", error.Message);
            Assert.Equal((3, 3, "')'", "'FROM'"), (error.Line, error.Column, error.Expected, error.Found));
            Assert.Equal(32, error.Offset);
            Assert.Null(error.Problem);
        }

        [Theory]
        [InlineData("", "Line 1, column 1: expected a statement but found end of input.")]
        [InlineData("  -- only a comment\n", "Line 2, column 1: expected a statement but found end of input.")]
        [InlineData(";", "Line 1, column 1: expected a statement but found ';'.")]
        [InlineData("SELECT a FROM t WHERE", "Line 1, column 22: expected an expression but found end of input.")]
        [InlineData("SELECT a FROM t ORDER a", "Line 1, column 23: expected 'BY' but found 'a'.")]
        [InlineData("SELECT * FROM t JOIN u", "Line 1, column 23: expected 'ON' or 'USING' but found end of input.")]
        [InlineData("SELECT 1; SELECT 2", "Line 1, column 11: expected end of statement but found 'SELECT'.")]
        [InlineData("SELECT a b c", "Line 1, column 12: expected end of statement but found 'c'.")]
        [InlineData("SELECT CASE END", "Line 1, column 13: expected 'WHEN' but found 'END'.")]
        [InlineData("INSERT INTO t (a) VALUES (1,)", "Line 1, column 29: expected an expression but found ')'.")]
        [InlineData("UPDATE t SET a 1", "Line 1, column 16: expected '=' but found '1'.")]
        [InlineData("SELECT x::", "Line 1, column 11: expected a type name but found end of input.")]
        [InlineData("SELECT * FROM t WHERE a = ANY (1, 2)", "Line 1, column 33: expected ')' but found ','.")]
        public void Syntax_errors(string sql, string message)
        {
            Assert.Equal(message, Parse.Error(sql).Message);
        }

        [Theory]
        [InlineData("SELECT 'abc", "unterminated string literal", 1, 8)]
        [InlineData("SELECT\n  E'abc\\'", "unterminated string literal", 2, 3)]
        [InlineData("SELECT $$abc", "unterminated dollar-quoted string", 1, 8)]
        [InlineData("SELECT \"abc", "unterminated quoted identifier", 1, 8)]
        [InlineData("SELECT 1 /* a /* b */", "unterminated block comment", 1, 10)]
        [InlineData("SELECT E'\\u12'", "invalid escape in string literal", 1, 10)]
        [InlineData("SELECT U&'\\zzzz'", "invalid Unicode escape", 1, 8)]
        [InlineData("SELECT $99999999999", "parameter number out of range", 1, 8)]
        public void Lexical_and_literal_errors_say_what_is_wrong_where(string sql, string problem, int line, int column)
        {
            var error = Parse.Error(sql);
            Assert.Equal((problem, line, column), (error.Problem, error.Line, error.Column));
            Assert.StartsWith($"Line {line}, column {column}: {problem}: expected ", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Invalid_escape_position_counts_lines_inside_the_literal()
        {
            var error = Parse.Error("SELECT E'line one\n  bad \\u12'");
            Assert.Equal((2, 7), (error.Line, error.Column));
        }

        [Theory]
        [InlineData("")]
        [InlineData("SELECT ")]
        public void Hundred_thousand_open_parentheses_fail_quickly_with_nesting_too_deep(string prefix)
        {
            var sql = prefix + new string('(', 100_000) + "1";
            var error = Parse.Error(sql);
            Assert.Equal("nesting too deep", error.Problem);
            Assert.Contains("nesting too deep", error.Message, StringComparison.Ordinal);
            Assert.True(SqlParser.LastWorkUnits < 10_000, "work " + SqlParser.LastWorkUnits);
        }

        [Theory]
        [InlineData("SELECT ", "NOT ", "true")]
        [InlineData("SELECT ", "- ", "1")]
        [InlineData("SELECT ", "a + ", "1")]
        [InlineData("SELECT ", "a || ", "1")]
        [InlineData("SELECT x", " IS NULL", "")]
        [InlineData("SELECT x", "::int", "")]
        [InlineData("SELECT x", "[1]", "")]
        [InlineData("SELECT ", "ARRAY[", "1")]
        [InlineData("SELECT ", "CASE WHEN ", "1")]
        [InlineData("SELECT ", "(SELECT ", "1")]
        [InlineData("SELECT ", "EXISTS (SELECT ", "1")]
        [InlineData("SELECT ", "f(", "1")]
        public void Long_chains_and_deep_nesting_of_every_kind_hit_the_same_limit(string head, string unit, string tail)
        {
            var sql = head + string.Concat(Enumerable.Repeat(unit, 5_000)) + tail;
            Assert.Equal("nesting too deep", Parse.Error(sql).Problem);
        }

        [Fact]
        public void Deep_from_and_set_operation_chains_hit_the_limit()
        {
            Assert.Equal("nesting too deep", Parse.Error("SELECT * FROM " + string.Concat(Enumerable.Repeat("a JOIN ", 1000)) + "b").Problem);
            Assert.Equal("nesting too deep", Parse.Error(string.Concat(Enumerable.Repeat("SELECT 1 UNION ", 1000)) + "SELECT 1").Problem);
            Assert.Equal("nesting too deep", Parse.Error("SELECT * FROM " + new string('(', 1000) + "t").Problem);
            Assert.Equal("nesting too deep", Parse.Error(string.Concat(Enumerable.Repeat("WITH a AS (", 1000))).Problem);
        }

        [Fact]
        public void Deep_nesting_on_a_thread_with_a_small_stack_fails_the_parse_not_the_process()
        {
            // 100 nested scalar subqueries use 200 of the 256 levels (each is an expression and a query), so only the
            // stack guard can stop them on a 128 KB stack; without it the process would die of a stack overflow.
            var sql = string.Concat(Enumerable.Repeat("SELECT (", 100)) + "1" + new string(')', 100);
            Assert.Null(ParseOnThread(sql, 4 * 1024 * 1024));
            var outcome = ParseOnThread(sql, 128 * 1024);
            Assert.True(outcome is SqlParseException { Problem: "nesting too deep" }, outcome?.ToString() ?? "parsed");
        }

        private static Exception? ParseOnThread(string sql, int stackSize)
        {
            Exception? outcome = null;
            var thread = new System.Threading.Thread(
                () =>
                {
                    try
                    {
                        SqlParser.ParseStatement(sql);
                    }
                    catch (Exception exception)
                    {
                        outcome = exception;
                    }
                },
                stackSize);
            thread.Start();
            thread.Join();
            return outcome;
        }

        [Fact]
        public void Nesting_within_the_limit_parses()
        {
            var depth = 60;
            var sql = "SELECT " + new string('(', depth) + "1" + new string(')', depth) + " + " + string.Concat(Enumerable.Repeat("NOT ", depth)) + "true";
            Assert.IsType<SelectStatement>(Parse.Statement(sql));
        }

        [Fact]
        public void Wide_flat_input_is_not_limited_by_depth()
        {
            var ors = string.Join(" OR ", Enumerable.Range(0, 5_000).Select(i => $"(a = {i} AND b = {i})"));
            var or = Assert.IsType<LogicalExpression>(Parse.Where(ors));
            Assert.Equal(5_000, or.Operands.Count);
            var list = Assert.IsType<InListExpression>(Parse.Where("id IN (" + string.Join(", ", Enumerable.Range(0, 10_000)) + ")"));
            Assert.Equal(10_000, list.Items.Count);
        }

        [Fact]
        public void Null_arguments_are_argument_errors()
        {
            Assert.Throws<ArgumentNullException>(() => SqlParser.ParseStatement(null!));
            Assert.Throws<ArgumentNullException>(() => SqlParser.ParseStatement(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => SqlParser.ParseStatement("abc", 2, 5));
            Assert.Throws<ArgumentOutOfRangeException>(() => SqlParser.ParseStatement("abc", -1, 1));
        }
    }
}
