using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class SplitterTests
    {
        private static string[] Texts(string script) => SqlScriptSplitter.Split(script).Select(s => s.Text).ToArray();

        [Fact]
        public void Splits_on_semicolons_and_trims_white_space()
        {
            Assert.Equal(new[] { "SELECT 1", "SELECT 2", "SELECT 3" }, Texts("SELECT 1;  SELECT 2 ;\n\nSELECT 3\n"));
        }

        [Theory]
        [InlineData("SELECT 'a;b'; SELECT 2", "SELECT 'a;b'")]
        [InlineData("SELECT E'a\\';b'; SELECT 2", "SELECT E'a\\';b'")]
        [InlineData("SELECT $$a;b$$; SELECT 2", "SELECT $$a;b$$")]
        [InlineData("SELECT $fn$ $$;$$ $fn$; SELECT 2", "SELECT $fn$ $$;$$ $fn$")]
        [InlineData("SELECT \"a;b\"; SELECT 2", "SELECT \"a;b\"")]
        [InlineData("SELECT [a;b]; SELECT 2", "SELECT [a;b]")]
        [InlineData("SELECT 1 -- a;b\n; SELECT 2", "SELECT 1 -- a;b")]
        [InlineData("SELECT 1 /* a; /* b; */ c; */; SELECT 2", "SELECT 1 /* a; /* b; */ c; */")]
        public void Semicolons_inside_literals_identifiers_and_comments_do_not_split(string script, string first)
        {
            Assert.Equal(new[] { first, "SELECT 2" }, Texts(script));
        }

        [Fact]
        public void Function_bodies_in_dollar_quotes_stay_whole()
        {
            const string Script = "CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  PERFORM 1;\n  RETURN 2;\nEND;\n$body$ LANGUAGE plpgsql;\nSELECT f();";
            var segments = Texts(Script);
            Assert.Equal(2, segments.Length);
            Assert.EndsWith("LANGUAGE plpgsql", segments[0], System.StringComparison.Ordinal);
        }

        [Fact]
        public void Leading_comments_belong_to_the_next_statement_and_comment_only_segments_are_dropped()
        {
            const string Script = "-- tag\n-- sargable:allow SARG0001 reason\nSELECT 1;\n/* nothing here */;\n  ;\n-- trailing comment only\n";
            var segments = SqlScriptSplitter.Split(Script);
            var segment = Assert.Single(segments);
            Assert.Equal("-- tag\n-- sargable:allow SARG0001 reason\nSELECT 1", segment.Text);
            Assert.Equal((0, 1, 1), (segment.Start, segment.Line, segment.Column));
        }

        [Fact]
        public void Segments_report_start_length_line_and_column()
        {
            const string Script = "SELECT 1;\r\n  SELECT 2;\n\n\t/* c */ SELECT\n3";
            var segments = SqlScriptSplitter.Split(Script);
            Assert.Equal(3, segments.Count);
            Assert.Equal((0, 8, 1, 1), (segments[0].Start, segments[0].Length, segments[0].Line, segments[0].Column));
            Assert.Equal((13, 2, 3), (segments[1].Start, segments[1].Line, segments[1].Column));
            Assert.Equal((4, 2), (segments[2].Line, segments[2].Column));
            Assert.Equal("/* c */ SELECT\n3", segments[2].Text);
            foreach (var s in segments)
            {
                Assert.Equal(s.Text, Script.Substring(s.Start, s.Length));
            }
        }

        [Fact]
        public void Segments_parse_with_positions_absolute_in_the_script()
        {
            const string Script = "SELECT 1;\n-- second\nSELECT a\n  FROM t WHERE b = 1;";
            var segment = SqlScriptSplitter.Split(Script)[1];
            var statement = SqlParser.ParseStatement(Script, segment.Start, segment.Length);
            Assert.Equal((3, 1, 20), (statement.Span.Line, statement.Span.Column, statement.Span.Start));
            Assert.Equal((2, " second"), (statement.Comments.Single().Span.Line, statement.Comments.Single().Text));
            var where = (BinaryExpression)((SelectStatement)statement).Query.Select!.Where!;
            Assert.Equal((4, 16), (where.Span.Line, where.Span.Column));
            Assert.Equal("b = 1", where.Span.GetText(Script));
        }

        [Fact]
        public void Bad_scripts_never_throw()
        {
            Assert.Equal(new[] { "SELECT 'unterminated; SELECT 2" }, Texts("SELECT 'unterminated; SELECT 2"));
            Assert.Equal(new[] { "SELECT \\", "x" }, Texts("SELECT \\; x"));
            Assert.Equal(new[] { "SELECT 1 /* open; SELECT 2" }, Texts("SELECT 1 /* open; SELECT 2"));
            Assert.Empty(Texts(""));
            Assert.Empty(Texts(" ;;; "));
        }
    }
}
