using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sargable.Testing;

namespace Sargable.Benchmarks.Runtime
{
    /// <summary>
    /// What the runtime guard costs on the hot path: one primary-key lookup on PostgreSQL through EF Core, without the
    /// guard (baseline), with the guard logging and with it throwing. The statement is clean, so after its first
    /// execution the guard's work is a verdict-cache lookup. Target: Log and Throw within 1.02 of the baseline, with
    /// and without an OpenTelemetry MeterProvider listening to the guard's meter (<see cref="MeterListening"/>).
    /// Run: <c>dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- --filter '*GuardOverhead*'</c>.
    /// Uses <c>SARGABLE_PG</c> when set, else starts a private cluster like the tests (reached by its Unix socket).
    /// </summary>
    /// <remarks>
    /// The guard costs tens of nanoseconds against a round trip of ~80 µs, so the design is about noise, not speed:
    /// all variants run in one process (<see cref="LowNoiseInProcessConfig"/>) and share one Npgsql pool, so they talk
    /// to the same server backends; separate launches each get their own backends, and that alone moved ratios by
    /// ±0.09 between runs. A private cluster is reached by its Unix socket, which skips the TCP stack's jitter.
    /// </remarks>
    [Config(typeof(LowNoiseInProcessConfig))]
    [MemoryDiagnoser]
    [MedianColumn]
    public class GuardOverheadBenchmarks : GuardOverheadBenchmarkBase
    {
        private PostgresServer? server;
        private string? connectionString;
        private MetricsListening? metrics;

        /// <summary>True: an OpenTelemetry MeterProvider listens to the guard's meter for the whole run of the case.</summary>
        [Params(false, true)]
        public bool MeterListening { get; set; }

        // Synchronous on purpose: BenchmarkDotNet 0.14's in-process toolchain does not await a Task-returning setup.
        [GlobalSetup]
        public void Setup() => SetupAsync().GetAwaiter().GetResult();

        [GlobalCleanup]
        public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

        protected override DbContextOptionsBuilder<BenchContext> UseProvider(DbContextOptionsBuilder<BenchContext> builder) => builder.UseNpgsql(connectionString);

        private async Task SetupAsync()
        {
            metrics = MetricsListening.StartIf(MeterListening);
            server = await PostgresServer.GetSharedAsync();
            connectionString = ViaSocket(await server.CreateDatabaseAsync(), server.ClusterDirectory);
            CpuPinning.PinClientAndServer(server.ClusterDirectory);
            await CreateVariantsAsync($"INSERT INTO bench_items (id, project_id, name) SELECT g, g % 100, 'item ' || g FROM generate_series(1, {Rows}) AS g; ANALYZE bench_items;");
        }

        private async Task CleanupAsync()
        {
            metrics?.Dispose();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (server is not null && connectionString is not null)
            {
                await server.DropDatabaseAsync(connectionString);
            }
        }

        /// <summary>The private cluster's Unix socket instead of loopback TCP; a server named by SARGABLE_PG is left as given.</summary>
        private static string ViaSocket(string connectionString, string? clusterDirectory)
        {
            var socket = clusterDirectory is null ? null : System.IO.Path.Combine(clusterDirectory, "sock");
            if (socket is null || !System.IO.Directory.Exists(socket))
            {
                return connectionString;
            }

            return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = socket }.ConnectionString;
        }
    }

    public sealed class BenchItem
    {
        public long Id { get; set; }

        public long ProjectId { get; set; }

        public string Name { get; set; } = string.Empty;
    }

    public sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
    {
        public DbSet<BenchItem> Items => Set<BenchItem>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<BenchItem>(entity =>
            {
                entity.ToTable("bench_items");
                entity.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
                entity.Property(i => i.ProjectId).HasColumnName("project_id");
                entity.Property(i => i.Name).HasColumnName("name");
                entity.HasKey(i => i.Id).HasName("pk_bench_items");
                entity.HasIndex(i => new { i.ProjectId, i.Name }).HasDatabaseName("ix_bench_items_project_id_name");
            });
        }
    }
}
