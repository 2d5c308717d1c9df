using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sargable.Benchmarks.Runtime
{
    /// <summary>
    /// The four variants every guard-overhead benchmark compares on one primary-key lookup: no guard (baseline), the
    /// guard logging, the guard throwing, and a command interceptor that does nothing (EF Core's own cost of having
    /// one). A provider's benchmark only says how to reach its database and how to seed it.
    /// </summary>
    public abstract class GuardOverheadBenchmarkBase
    {
        protected const int Rows = 10_000;

        private PooledDbContextFactory<BenchContext>? plain;
        private PooledDbContextFactory<BenchContext>? logging;
        private PooledDbContextFactory<BenchContext>? throwing;
        private PooledDbContextFactory<BenchContext>? emptyInterceptor;
        private long next;

        [Benchmark(Baseline = true)]
        public Task<BenchItem?> NoGuard() => PointQuery(plain!);

        [Benchmark]
        public Task<BenchItem?> LogMode() => PointQuery(logging!);

        [Benchmark]
        public Task<BenchItem?> ThrowMode() => PointQuery(throwing!);

        /// <summary>What EF Core charges for any command interceptor at all: the part of the overhead that is not the guard's.</summary>
        [Benchmark]
        public Task<BenchItem?> EmptyInterceptor() => PointQuery(emptyInterceptor!);

        /// <summary>Points the options at the provider's database.</summary>
        protected abstract DbContextOptionsBuilder<BenchContext> UseProvider(DbContextOptionsBuilder<BenchContext> builder);

        /// <summary>Creates the variants, the table with <see cref="Rows"/> rows (<paramref name="seedSql"/>), and runs each variant once so the guard has its registry and the statement's verdict.</summary>
        protected async Task CreateVariantsAsync(string seedSql)
        {
            plain = Factory(null);
            logging = Factory(b => b.Mode(SargableMode.Log));
            throwing = Factory(b => b.Mode(SargableMode.Throw));
            emptyInterceptor = new PooledDbContextFactory<BenchContext>(UseProvider(new DbContextOptionsBuilder<BenchContext>()).AddInterceptors(new EmptyCommandInterceptor()).Options);

            await using (var db = plain.CreateDbContext())
            {
                await db.Database.EnsureCreatedAsync();
                await db.Database.ExecuteSqlRawAsync(seedSql);
            }

            await PointQuery(plain);
            await PointQuery(logging);
            await PointQuery(throwing);
            await PointQuery(emptyInterceptor);
        }

        private async Task<BenchItem?> PointQuery(PooledDbContextFactory<BenchContext> factory)
        {
            var id = (next++ % Rows) + 1;
            await using var db = factory.CreateDbContext();
            return await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
        }

        private PooledDbContextFactory<BenchContext> Factory(Action<SargableOptionsBuilder>? guard)
        {
            var builder = UseProvider(new DbContextOptionsBuilder<BenchContext>());
            if (guard is not null)
            {
                builder.UseSargable(guard);
            }

            return new PooledDbContextFactory<BenchContext>(builder.Options);
        }
    }

    /// <summary>A command interceptor that does nothing.</summary>
    public sealed class EmptyCommandInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
    }
}
