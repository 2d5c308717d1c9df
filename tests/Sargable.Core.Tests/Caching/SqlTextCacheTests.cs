using System;
using System.Linq;
using System.Threading.Tasks;
using Sargable.Caching;

namespace Sargable.Core.Tests.Caching
{
    public sealed class SqlTextCacheTests
    {
        private static StatementVerdict Verdict(string sql) => new(0, 1, 1, sql, Array.Empty<Finding>(), null, null);

        [Fact]
        public void A_stored_verdict_is_returned_for_equal_text_from_another_string_instance()
        {
            var cache = new SqlTextCache<StatementVerdict>(100);
            var sql = "SELECT d.id FROM deployments AS d WHERE d.id = @id";
            var stored = cache.GetOrAdd(sql, Verdict);

            Assert.True(cache.TryGet(new string(sql.ToCharArray()), out var found));
            Assert.Same(stored, found);
        }

        [Fact]
        public void The_factory_runs_once_per_distinct_text()
        {
            var cache = new SqlTextCache<StatementVerdict>(100);
            var calls = 0;
            for (var i = 0; i < 10; i++)
            {
                cache.GetOrAdd("SELECT 1", s => { calls++; return Verdict(s); });
            }

            Assert.Equal(1, calls);
        }

        [Fact]
        public void A_flood_of_distinct_statements_stays_within_capacity()
        {
            var cache = new SqlTextCache<StatementVerdict>(1000);
            for (var i = 0; i < 100_000; i++)
            {
                cache.GetOrAdd($"SELECT * FROM deployments WHERE id = {i}", Verdict);
                Assert.True(cache.Count <= cache.Capacity, $"{cache.Count} entries after {i + 1} statements");
            }

            Assert.True(cache.Turnovers >= 199);
        }

        [Fact]
        public void Statements_in_use_survive_turnover()
        {
            var cache = new SqlTextCache<StatementVerdict>(100);
            var hot = cache.GetOrAdd("SELECT hot", Verdict);
            for (var i = 0; i < 10_000; i++)
            {
                cache.GetOrAdd("SELECT cold " + i, Verdict);
                Assert.True(cache.TryGet("SELECT hot", out var found));
                Assert.Same(hot, found);
            }
        }

        [Fact]
        public void Concurrent_use_gives_one_consistent_verdict_per_text_and_stays_bounded()
        {
            var cache = new SqlTextCache<StatementVerdict>(500);
            var texts = Enumerable.Range(0, 2000).Select(i => "SELECT " + (i % 300)).ToArray();
            Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                var sql = texts[i % texts.Length];
                var verdict = cache.GetOrAdd(sql, Verdict);
                Assert.Equal(sql, verdict.Text);
            });

            // Racing adds may overshoot a generation by at most one entry per thread.
            Assert.True(cache.Count <= cache.Capacity + 16, $"{cache.Count} entries");
        }

        [Fact]
        public void Capacity_below_two_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new SqlTextCache<StatementVerdict>(1));
        }
    }
}
