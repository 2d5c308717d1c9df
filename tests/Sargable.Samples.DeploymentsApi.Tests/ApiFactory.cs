using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sargable.Deployments;
using Sargable.Deployments.Tests;
using Sargable.Testing;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>
    /// The API in Development (guard in Throw mode) on this class's own PostgreSQL database, created and seeded with
    /// <see cref="TestSeed"/> before the app starts. Counts the SQL commands EF Core executes, per request.
    /// </summary>
    public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime, IApiHost
    {
        private readonly PostgresDatabase database = new();

        public CommandCounter Commands { get; } = new();

        public ErrorLog Errors { get; } = new();

        public bool IsPostgres => true;

        /// <summary>The connection string the app uses (its pool is shared with any connection opened with the same string).</summary>
        public string ConnectionString => database.ConnectionString + PoolSettings;

        /// <summary>Extra connection-string settings for the app's pool.</summary>
        protected virtual string PoolSettings => string.Empty;

        public Task ExecuteAsync(string sql) => database.ExecuteAsync(sql);

        public async Task<long> ScalarAsync(string sql)
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return System.Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async Task InitializeAsync()
        {
            await database.InitializeAsync();
            var options = new DbContextOptionsBuilder<DeploymentsDbContext>().UseNpgsql(database.ConnectionString).Options;
            await using (var db = new DeploymentsDbContext(options))
            {
                await db.Database.EnsureCreatedAsync();
            }

            await database.ExecuteAsync(TestSeed.Sql + "\nANALYZE;");
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            await database.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("postgres", ConnectionString);
            builder.ConfigureLogging(logging => logging
                .AddProvider(Commands)
                .AddProvider(Errors)
                .AddFilter<CommandCounter>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information));
        }
    }

    /// <summary>The app on PostgreSQL with a pool of one connection that gives up after a second, to exhaust it on purpose.</summary>
    public sealed class TinyPoolApiFactory : ApiFactory
    {
        protected override string PoolSettings => ";Maximum Pool Size=1;Timeout=1";
    }

    /// <summary>Counts EF Core's "command executed" log events (20101); parameter values are not logged or kept.</summary>
    public sealed class CommandCounter : ILoggerProvider
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CommandCounter owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category == "Microsoft.EntityFrameworkCore.Database.Command";

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (eventId.Id == 20101)
                {
                    Interlocked.Increment(ref owner.count);
                }
            }
        }
    }
}
