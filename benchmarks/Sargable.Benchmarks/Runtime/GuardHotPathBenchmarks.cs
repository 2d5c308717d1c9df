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
    /// not drift with the load on a shared machine the way two separate round-trip measurements do.
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

        [GlobalSetup]
        public async Task SetupAsync()
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
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            context?.Dispose();
            connection?.Dispose();
        }

        [Benchmark(Baseline = true)]
        public ValueTask<InterceptionResult<DbDataReader>> EmptyInterceptor() =>
            empty!.ReaderExecutingAsync(command!, eventData!, default, CancellationToken.None);

        [Benchmark]
        public ValueTask<InterceptionResult<DbDataReader>> GuardCheckedStatement() =>
            guard!.ReaderExecutingAsync(command!, eventData!, default, CancellationToken.None);

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
