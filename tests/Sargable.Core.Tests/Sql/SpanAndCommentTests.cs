using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class SpanAndCommentTests
    {
        [Fact]
        public void Nodes_span_their_source_text()
        {
            const string Sql = "SELECT d.id AS x, count(*) FROM deployments AS d WHERE d.a = 1 AND (d.b + 2) * 3 > 4 ORDER BY d.id DESC LIMIT 5";
            var query = Parse.Query(Sql);
            var select = query.Select!;
            Assert.Equal("d.id AS x", select.Items[0].Span.GetText(Sql));
            Assert.Equal("d.id", select.Items[0].Expression.Span.GetText(Sql));
            Assert.Equal("count(*)", select.Items[1].Span.GetText(Sql));
            Assert.Equal("deployments AS d", select.From[0].Span.GetText(Sql));
            Assert.Equal("d.a = 1 AND (d.b + 2) * 3 > 4", select.Where!.Span.GetText(Sql));
            var product = ((BinaryExpression)((LogicalExpression)select.Where).Operands[1]).Left;
            Assert.Equal("(d.b + 2) * 3", product.Span.GetText(Sql));
            Assert.Equal("d.id DESC", query.OrderBy[0].Span.GetText(Sql));
            Assert.Equal("LIMIT 5", query.Limit!.Span.GetText(Sql));
            Assert.Equal(Sql, query.Span.GetText(Sql));
            Assert.Equal("SELECT d.id AS x, count(*) FROM deployments AS d WHERE d.a = 1 AND (d.b + 2) * 3 > 4", select.Span.GetText(Sql));
            Assert.Equal(("deployments", 33), (((TableReference)select.From[0]).Name.Name.Text, ((TableReference)select.From[0]).Name.Span.Column));
        }

        [Fact]
        public void Statement_span_excludes_surrounding_comments_and_the_semicolon()
        {
            const string Sql = "/* lead */\n  SELECT 1 -- tail\n;  ";
            var statement = Parse.Statement(Sql);
            Assert.Equal("SELECT 1", statement.Span.GetText(Sql));
            Assert.Equal((2, 3), (statement.Span.Line, statement.Span.Column));
            Assert.Equal(new[] { " lead ", " tail" }, statement.Comments.Select(c => c.Text));
            Assert.Equal(new[] { true, false }, statement.Comments.Select(c => c.IsBlock));
        }

        [Fact]
        public void Comments_inside_the_statement_are_collected_in_order()
        {
            var statement = Parse.Statement("SELECT /* a */ 1 -- b\n FROM /* c /* nested */ */ t");
            Assert.Equal(new[] { " a ", " b", " c /* nested */ " }, statement.Comments.Select(c => c.Text));
        }

        [Fact]
        public void Nested_statements_carry_no_comments()
        {
            var statement = Parse.Statement<SelectStatement>("-- x\nWITH a AS (SELECT 1) SELECT * FROM a");
            Assert.Single(statement.Comments);
            Assert.Empty(statement.Query.With!.Ctes[0].Statement.Comments);
        }

        [Fact]
        public void Parsing_a_range_keeps_offsets_lines_and_columns_absolute()
        {
            const string Source = "garbage (((\nmore garbage\n   SELECT x\nFROM t -- c\n trailing";
            var start = Source.IndexOf("SELECT", System.StringComparison.Ordinal);
            var end = Source.IndexOf(" trailing", System.StringComparison.Ordinal);
            var statement = SqlParser.ParseStatement(Source, start, end - start);
            Assert.Equal((start, 3, 4), (statement.Span.Start, statement.Span.Line, statement.Span.Column));
            var from = ((SelectStatement)statement).Query.Select!.From[0];
            Assert.Equal((4, 6), (from.Span.Line, from.Span.Column));
            Assert.Equal((4, 8), (statement.Comments.Single().Span.Line, statement.Comments.Single().Span.Column));

            var error = Assert.Throws<SqlParseException>(() => SqlParser.ParseStatement(Source, start, Source.IndexOf("FROM", System.StringComparison.Ordinal) + 4 - start));
            Assert.Equal((4, 5), (error.Line, error.Column));
            Assert.Equal(Source.IndexOf("FROM", System.StringComparison.Ordinal) + 4, error.Offset);
        }

        [Fact]
        public void Parsing_ranges_out_of_order_still_reports_correct_lines()
        {
            const string Source = "SELECT 1;\nSELECT 2;\nSELECT 3";
            var segments = SqlScriptSplitter.Split(Source);
            Assert.Equal(3, SqlParser.ParseStatement(Source, segments[2].Start, segments[2].Length).Span.Line);
            Assert.Equal(1, SqlParser.ParseStatement(Source, segments[0].Start, segments[0].Length).Span.Line);
            Assert.Equal(2, SqlParser.ParseStatement(Source, segments[1].Start, segments[1].Length).Span.Line);
            // Same length and offsets, different text: the line cache must not be reused across strings.
            Assert.Equal(3, SqlParser.ParseStatement("x\n" + Source.Substring(2), segments[1].Start, segments[1].Length).Span.Line);
        }
    }
}
