using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>Linear time, checked by counting token reads instead of timing.</summary>
    public sealed class WorkCounterTests
    {
        /// <summary>The bound the fuzz test also uses: token reads per token (end of input included).</summary>
        internal const int MaxWorkPerToken = 24;

        private static (long Work, int Tokens) Measure(string sql)
        {
            try
            {
                SqlParser.ParseStatement(sql);
            }
            catch (SqlParseException)
            {
            }

            return (SqlParser.LastWorkUnits, SqlParser.LastTokenCount);
        }

        [Theory]
        [InlineData("SELECT d.id FROM deployments AS d WHERE d.project_id = @p AND d.status = 1 AND ", "d.x = @p AND ", "true")]
        [InlineData("SELECT ", "(a + b) * c, ", "1")]
        [InlineData("SELECT * FROM t WHERE id IN (", "1, ", "2)")]
        [InlineData("SELECT * FROM t WHERE ", "(((((a))))) OR ", "b")]
        [InlineData("SELECT ", "CASE WHEN a THEN (SELECT 1 FROM u) ELSE ARRAY[1][1] END, ", "1")]
        [InlineData("SELECT ", "timestamp with time zone '2024-01-01', ", "1")]
        [InlineData("INSERT INTO t VALUES ", "(1, 'a', DEFAULT), ", "(2, 'b', now())")]
        public void Work_grows_linearly_with_input(string head, string unit, string tail)
        {
            var small = Measure(head + string.Concat(Enumerable.Repeat(unit, 100)) + tail);
            var large = Measure(head + string.Concat(Enumerable.Repeat(unit, 10_000)) + tail);
            Assert.True(small.Work <= MaxWorkPerToken * (small.Tokens + 1L), $"{small.Work} work for {small.Tokens} tokens");
            Assert.True(large.Work <= MaxWorkPerToken * (large.Tokens + 1L), $"{large.Work} work for {large.Tokens} tokens");
            var perTokenSmall = (double)small.Work / small.Tokens;
            var perTokenLarge = (double)large.Work / large.Tokens;
            Assert.InRange(perTokenLarge, perTokenSmall * 0.8, perTokenSmall * 1.25);
        }

        [Theory]
        [InlineData("SELECT ", "(", ")")]
        [InlineData("SELECT * FROM ", "(", ")")]
        [InlineData("SELECT ", "((SELECT ", ")")]
        [InlineData("SELECT * FROM t WHERE x IN ", "(", ")")]
        [InlineData("SELECT ", "NOT ", "")]
        public void Nesting_up_to_the_limit_and_beyond_stays_linear(string head, string open, string close)
        {
            foreach (var depth in new[] { 10, 100, 200, 250, 300, 5_000 })
            {
                var sql = head + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
                var (work, tokens) = Measure(sql);
                Assert.True(work <= MaxWorkPerToken * (tokens + 1L), $"depth {depth}: {work} work for {tokens} tokens");
            }
        }

        [Fact]
        public void The_counter_is_deterministic_and_reported_for_failed_parses()
        {
            const string Sql = "SELECT a, b FROM t WHERE c = (SELECT 1";
            var first = Measure(Sql);
            var second = Measure(Sql);
            Assert.Equal(first, second);
            Assert.True(first.Work > 0);
            Assert.Equal(13, first.Tokens);
        }

        [Fact]
        public void Lexing_errors_report_no_tokens()
        {
            var (work, tokens) = Measure("SELECT 'unterminated");
            Assert.Equal((0L, 0), (work, tokens));
        }
    }
}
