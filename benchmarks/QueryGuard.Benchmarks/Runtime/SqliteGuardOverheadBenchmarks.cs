using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace QueryGuard.Benchmarks.Runtime
{
    /// <summary>
    /// The guard's hot path against a query that costs almost nothing: a primary-key lookup in an in-memory SQLite
    /// database, so the guard's own cost (and the cost EF Core pays for having any command interceptor) is not hidden by
    /// a network round trip. A harsher view than <see cref="GuardOverheadBenchmarks"/>; informative, not the target.
    /// </summary>
    [MemoryDiagnoser]
    [MedianColumn]
    public class SqliteGuardOverheadBenchmarks
    {
        private const int Rows = 10_000;

        private SqliteConnection? connection;
        private PooledDbContextFactory<BenchContext>? plain;
        private PooledDbContextFactory<BenchContext>? logging;
        private PooledDbContextFactory<BenchContext>? throwing;
        private PooledDbContextFactory<BenchContext>? emptyInterceptor;
        private long next;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            plain = Factory(null);
            logging = Factory(b => b.Mode(QueryGuardMode.Log));
            throwing = Factory(b => b.Mode(QueryGuardMode.Throw));
            emptyInterceptor = new PooledDbContextFactory<BenchContext>(
                new DbContextOptionsBuilder<BenchContext>().UseSqlite(connection).AddInterceptors(new EmptyCommandInterceptor()).Options);
            await using (var db = plain.CreateDbContext())
            {
                await db.Database.EnsureCreatedAsync();
                await db.Database.ExecuteSqlRawAsync($"WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {Rows}) INSERT INTO bench_items (id, project_id, name) SELECT x, x % 100, 'item ' || x FROM g");
            }

            await PointQuery(plain);
            await PointQuery(logging);
            await PointQuery(throwing);
            await PointQuery(emptyInterceptor);
        }

        [GlobalCleanup]
        public void Cleanup() => connection?.Dispose();

        [Benchmark(Baseline = true)]
        public Task<BenchItem?> NoGuard() => PointQuery(plain!);

        [Benchmark]
        public Task<BenchItem?> LogMode() => PointQuery(logging!);

        [Benchmark]
        public Task<BenchItem?> ThrowMode() => PointQuery(throwing!);

        /// <summary>What EF Core charges for any command interceptor at all: the part of the overhead that is not the guard's.</summary>
        [Benchmark]
        public Task<BenchItem?> EmptyInterceptor() => PointQuery(emptyInterceptor!);

        private async Task<BenchItem?> PointQuery(PooledDbContextFactory<BenchContext> factory)
        {
            var id = (next++ % Rows) + 1;
            await using var db = factory.CreateDbContext();
            return await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
        }

        private PooledDbContextFactory<BenchContext> Factory(Action<QueryGuardOptionsBuilder>? guard)
        {
            var builder = new DbContextOptionsBuilder<BenchContext>().UseSqlite(connection!);
            if (guard is not null)
            {
                builder.UseQueryGuard(guard);
            }

            return new PooledDbContextFactory<BenchContext>(builder.Options);
        }
    }

    /// <summary>A command interceptor that does nothing.</summary>
    public sealed class EmptyCommandInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
    }
}
