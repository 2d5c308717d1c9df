using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Sargable.Deployments;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// Base of the deployments suites: the 2M-row data set (<see cref="BenchData"/>), pooled EF Core contexts without the
    /// guard (the naive twins would be stopped by it; the guard's own cost is measured in Runtime/), and a raw Npgsql
    /// data source for the same SQL without EF Core.
    /// </summary>
    [Config(typeof(DeploymentsConfig))]
    public abstract class DeploymentsBenchmark
    {
        private IDisposable? cluster;

        protected PooledDbContextFactory<DeploymentsDbContext> Contexts { get; private set; } = null!;

        protected NpgsqlDataSource DataSource { get; private set; } = null!;

        protected string ConnectionString { get; private set; } = string.Empty;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            (ConnectionString, cluster) = await BenchData.OpenAsync(Console.WriteLine);
            Contexts = new PooledDbContextFactory<DeploymentsDbContext>(new DbContextOptionsBuilder<DeploymentsDbContext>().UseNpgsql(ConnectionString).Options);
            DataSource = NpgsqlDataSource.Create(ConnectionString);
            await SetupMoreAsync();
        }

        [GlobalCleanup]
        public async Task CleanupAsync()
        {
            await DataSource.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            cluster?.Dispose();
        }

        protected virtual Task SetupMoreAsync() => Task.CompletedTask;

        /// <summary>
        /// Short runs: the ratios are what matters, and the slow twins take seconds per operation. Ten warm-ups, because
        /// EF Core's query pipeline keeps getting faster for several thousand calls while the JIT tiers it up (measured:
        /// 700 µs per query in the first warm-up, 320 µs from the sixth iteration on); with two, the EF side was
        /// measured half-compiled.
        /// </summary>
        private sealed class DeploymentsConfig : ManualConfig
        {
            public DeploymentsConfig()
            {
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(10).WithId("deployments"));
                WithOption(ConfigOptions.DisableOptimizationsValidator, false);
            }
        }
    }

    /// <summary>For suites whose operations take seconds: one cold-ish measurement per iteration, no pilot stage.</summary>
    public sealed class SlowOperationsConfig : ManualConfig
    {
        public SlowOperationsConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("deployments-slow"));
        }
    }

    /// <summary>For suites with an operation that takes over a minute (the OFFSET walk in batches of 1,000): 1 warm-up, 3 runs.</summary>
    public sealed class VerySlowOperationsConfig : ManualConfig
    {
        public VerySlowOperationsConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithId("deployments-very-slow"));
        }
    }
}
