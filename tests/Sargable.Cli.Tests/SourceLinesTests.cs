using Sargable.Cli.Reports;

namespace Sargable.Cli.Tests
{
    public sealed class SourceLinesTests
    {
        [Fact]
        public void Finds_lines_across_every_kind_of_line_break()
        {
            var lines = new SourceLines("a\r\nb\rc\nd");
            Assert.Equal("a", lines.Line(1));
            Assert.Equal("b", lines.Line(2));
            Assert.Equal("c", lines.Line(3));
            Assert.Equal("d", lines.Line(4));
            Assert.Null(lines.Line(5));
            Assert.Null(lines.Line(0));
        }

        [Fact]
        public void Keeps_tabs_in_the_caret_padding()
        {
            var excerpt = new SourceLines("\tSELECT\t*").Excerpt(1, 9)!.Value;
            Assert.Equal("\tSELECT\t*", excerpt.Line);
            Assert.Equal("\t      \t^", excerpt.Caret);
        }

        [Fact]
        public void Escapes_control_characters_and_moves_the_caret_past_each_escape()
        {
            var excerpt = new SourceLines("SELECT '\u001B[2J\u202E', x").Excerpt(1, 17)!.Value;
            Assert.Equal("SELECT '\\x1B[2J\\u202E', x", excerpt.Line);
            Assert.Equal(new string(' ', 24) + "^", excerpt.Caret);
            Assert.Equal('x', excerpt.Line[24]);
        }

        [Fact]
        public void Puts_the_caret_after_the_end_when_the_column_is_past_it()
        {
            var excerpt = new SourceLines("abc   ").Excerpt(1, 20)!.Value;
            Assert.Equal("abc", excerpt.Line);
            Assert.Equal("   ^", excerpt.Caret);
        }

        [Fact]
        public void Cuts_long_lines_to_a_window_around_the_column()
        {
            var line = new string('a', 300) + "X" + new string('b', 300);
            var excerpt = new SourceLines(line).Excerpt(1, 301)!.Value;

            Assert.StartsWith("...", excerpt.Line, System.StringComparison.Ordinal);
            Assert.EndsWith("...", excerpt.Line, System.StringComparison.Ordinal);
            Assert.Equal(SourceLines.MaxWidth + 6, excerpt.Line.Length);
            Assert.Equal('X', excerpt.Line[excerpt.Caret.Length - 1]);

            var start = new SourceLines(line).Excerpt(1, 1)!.Value;
            Assert.Equal("^", start.Caret);
            Assert.Equal(SourceLines.MaxWidth + 3, start.Line.Length);
        }

        [Fact]
        public void Has_no_excerpt_for_a_line_that_does_not_exist()
        {
            Assert.Null(new SourceLines("one line").Excerpt(3, 1));
        }
    }
}
