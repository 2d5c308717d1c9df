using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sargable.Benchmarks.Runtime
{
    /// <summary>
    /// The guard's hot path against a query that costs almost nothing: a primary-key lookup in an in-memory SQLite
    /// database, so the guard's own cost (and the cost EF Core pays for having any command interceptor) is not hidden by
    /// a network round trip. A harsher view than <see cref="GuardOverheadBenchmarks"/>; informative, not the target.
    /// </summary>
    [MemoryDiagnoser]
    [MedianColumn]
    public class SqliteGuardOverheadBenchmarks : GuardOverheadBenchmarkBase
    {
        private SqliteConnection? connection;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            await CreateVariantsAsync($"WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {Rows}) INSERT INTO bench_items (id, project_id, name) SELECT x, x % 100, 'item ' || x FROM g");
        }

        [GlobalCleanup]
        public void Cleanup() => connection?.Dispose();

        protected override DbContextOptionsBuilder<BenchContext> UseProvider(DbContextOptionsBuilder<BenchContext> builder) => builder.UseSqlite(connection!);
    }
}
