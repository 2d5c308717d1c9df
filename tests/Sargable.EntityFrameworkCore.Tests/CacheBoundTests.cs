using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sargable.EntityFrameworkCore.Tests.Support;
using Sargable.Internal;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>A flood of distinct unparameterized statements must not grow the verdict cache beyond its bound.</summary>
    public sealed class CacheBoundTests(SqliteCorpusDatabase database) : IClassFixture<SqliteCorpusDatabase>
    {
        [Fact]
        public async Task A_hundred_thousand_distinct_statements_keep_the_cache_within_its_capacity()
        {
            const int capacity = 1000;
            await using var db = database.Context(b => b.Mode(SargableMode.Log).CacheCapacity(capacity).UseLoggerFactory(new LogCollector()));
            var statements = db.GetService<GuardRuntime>().For(db.Model, db.Database.GetDbConnection()).Statements;
            var largest = 0;

            for (var i = 0; i < 100_000; i++)
            {
                // Literal values, as an application that builds SQL strings sends them: every text is new.
#pragma warning disable EF1003 // The flood of distinct literal statements is the point of this test; the values are integers.
                await db.Database.ExecuteSqlRawAsync("SELECT id FROM deployments WHERE id = " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
#pragma warning restore EF1003
                if (i % 997 == 0)
                {
                    largest = System.Math.Max(largest, statements.Count);
                }
            }

            Assert.InRange(statements.Count, 1, capacity);
            Assert.InRange(largest, capacity / 2, capacity);
            Assert.True(statements.Turnovers >= (100_000 / (capacity / 2)) - 1);
        }
    }
}
