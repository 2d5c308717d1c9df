using System;
using Sargable.Registry;

namespace Sargable.Core.Tests.Engine
{
    /// <summary>
    /// A construct left open at the end of a script is a parse error at its start, as PostgreSQL reports it;
    /// it never hides the statements after it or turns them into a comment.
    /// </summary>
    public sealed class UnterminatedInputTests
    {
        private readonly SargableEngine engine = new(IndexRegistry.Empty, RuleOptions.Default);

        [Theory]
        [InlineData("/* never closed\nSELECT * FROM deployments", "unterminated block comment", 1)]
        [InlineData("/* outer /* inner */ still open\nSELECT * FROM deployments", "unterminated block comment", 1)]
        [InlineData("SELECT 'open;\nSELECT * FROM deployments", "unterminated string literal", 8)]
        [InlineData("SELECT E'ends in an escaped quote \\';\nSELECT 2", "unterminated string literal", 8)]
        [InlineData("SELECT B'0101;\nSELECT 2", "unterminated string literal", 8)]
        [InlineData("SELECT X'ff;\nSELECT 2", "unterminated string literal", 8)]
        [InlineData("SELECT N'open;\nSELECT 2", "unterminated string literal", 8)]
        [InlineData("SELECT U&'open;\nSELECT 2", "unterminated string literal", 8)]
        [InlineData("SELECT \"open;\nSELECT 2", "unterminated quoted identifier", 8)]
        [InlineData("SELECT U&\"open;\nSELECT 2", "unterminated quoted identifier", 8)]
        [InlineData("SELECT `open;\nSELECT 2", "unterminated quoted identifier", 8)]
        [InlineData("SELECT $$open;\nSELECT 2", "unterminated dollar-quoted string", 8)]
        [InlineData("SELECT $body$open $body;\nSELECT 2", "unterminated dollar-quoted string", 8)]
        public void An_open_construct_is_a_parse_error_at_its_start_and_the_statements_before_it_are_still_checked(string tail, string problem, int column)
        {
            var verdicts = engine.CheckScript("SELECT 1;\n" + tail);

            Assert.Equal(2, verdicts.Count);
            Assert.Null(verdicts[0].ParseError);
            var error = verdicts[1].ParseError;
            Assert.NotNull(error);
            Assert.Equal((2, column), (error!.Line, error.Column));
            Assert.StartsWith(problem + ": expected ", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_open_comment_after_a_statement_on_its_line_is_an_error_of_that_statement()
        {
            var verdicts = engine.CheckScript("SELECT * FROM deployments /* open\n;SELECT 2;");

            var error = Assert.Single(verdicts).ParseError;
            Assert.Equal((1, 27), (error!.Line, error.Column));
        }

        [Fact]
        public void A_parse_error_message_leaves_the_location_to_the_verdict()
        {
            var error = engine.CheckScript("SELECT id FROM WHERE x")[0].ParseError!;

            Assert.Equal((1, 16), (error.Line, error.Column));
            Assert.StartsWith("expected a table name", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("but found 'WHERE'.", error.Message, StringComparison.Ordinal);
        }
    }
}
