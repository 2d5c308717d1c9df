using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sargable.Benchmarks.Runtime
{
    /// <summary>
    /// The guard's own work per command, without the database and without EF Core's pipeline: the interceptor call for
    /// a statement already checked (the hot path), next to an interceptor that does nothing. Its difference, divided by
    /// the time of a point query (<see cref="GuardOverheadBenchmarks"/>), is the guard's share of the overhead; it does
    /// not drift with the load on a shared machine the way two separate round-trip measurements do. The settled-finding
    /// case is a Log-mode statement with a finding after its first execution: with <see cref="MeterListening"/> it
    /// pays one <c>sargable.findings</c> increment per execution, without it nothing.
    /// </summary>
    [MemoryDiagnoser]
    public class GuardHotPathBenchmarks
    {
        private SqliteConnection? connection;
        private BenchContext? context;
        private IDbCommandInterceptor? guard;
        private IDbCommandInterceptor? empty;
        private DbCommand? command;
        private CommandEventData? eventData;
        private BenchContext? loggingContext;
        private IDbCommandInterceptor? loggingGuard;
        private DbCommand? findingCommand;
        private CommandEventData? findingEventData;
        private MetricsListening? metrics;

        /// <summary>True: an OpenTelemetry MeterProvider listens to the guard's meter.</summary>
        [Params(false, true)]
        public bool MeterListening { get; set; }

        // Synchronous on purpose: BenchmarkDotNet 0.14's in-process toolchain does not await a Task-returning setup.
        [GlobalSetup]
        public void Setup() => SetupAsync().GetAwaiter().GetResult();

        private async Task SetupAsync()
        {
            connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            var capture = new CaptureInterceptor();
            var options = new DbContextOptionsBuilder<BenchContext>()
                .UseSqlite(connection)
                .UseSargable(b => b.Mode(SargableMode.Throw))
                .AddInterceptors(capture)
                .Options;
            context = new BenchContext(options);
            await context.Database.EnsureCreatedAsync();
            var id = 1L;
            await context.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);

            guard = context.GetService<IEnumerable<IInterceptor>>().OfType<IDbCommandInterceptor>().Single();
            empty = new EmptyCommandInterceptor();
            command = capture.Command;
            eventData = capture.EventData;

            // No index leads with name, so this lookup is a full scan (SARG0006): logged once, then counted per execution.
            metrics = MetricsListening.StartIf(MeterListening);
            var findingCapture = new CaptureInterceptor();
            loggingContext = new BenchContext(new DbContextOptionsBuilder<BenchContext>()
                .UseSqlite(connection)
                .UseSargable(b => b.Mode(SargableMode.Log).UseLoggerFactory(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
                .AddInterceptors(findingCapture)
                .Options);
            var name = "item 1";
            await loggingContext.Items.AsNoTracking().Where(i => i.Name == name).ToListAsync();
            loggingGuard = loggingContext.GetService<IEnumerable<IInterceptor>>().OfType<IDbCommandInterceptor>().Single();
            findingCommand = findingCapture.Command;
            findingEventData = findingCapture.EventData;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            metrics?.Dispose();
            loggingContext?.Dispose();
            context?.Dispose();
            connection?.Dispose();
        }

        [Benchmark(Baseline = true)]
        public ValueTask<InterceptionResult<DbDataReader>> EmptyInterceptor() =>
            empty!.ReaderExecutingAsync(command!, eventData!, default, CancellationToken.None);

        [Benchmark]
        public ValueTask<InterceptionResult<DbDataReader>> GuardCheckedStatement() =>
            guard!.ReaderExecutingAsync(command!, eventData!, default, CancellationToken.None);

        /// <summary>A Log-mode statement with a finding, already logged: what every later execution of it costs.</summary>
        [Benchmark]
        public ValueTask<InterceptionResult<DbDataReader>> GuardSettledFinding() =>
            loggingGuard!.ReaderExecutingAsync(findingCommand!, findingEventData!, default, CancellationToken.None);

        private sealed class CaptureInterceptor : DbCommandInterceptor
        {
            public DbCommand? Command { get; private set; }

            public CommandEventData? EventData { get; private set; }

            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                if (command.CommandText.Contains("bench_items", System.StringComparison.Ordinal))
                {
                    Command = command;
                    EventData = eventData;
                }

                return new ValueTask<InterceptionResult<DbDataReader>>(result);
            }
        }
    }
}
