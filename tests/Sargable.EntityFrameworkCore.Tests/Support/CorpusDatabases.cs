using System;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sargable.Core.Tests.EfCorpus;
using Sargable.Testing;
using Xunit;

namespace Sargable.EntityFrameworkCore.Tests.Support
{
    /// <summary>A database with the deployments schema (snake_case) and the corpus seed, on PostgreSQL or SQLite.</summary>
    public interface ICorpusDatabase
    {
        string Provider { get; }

        /// <summary>A context with the guard configured by <paramref name="guard"/> (null: no guard).</summary>
        CorpusDbContext Context(Action<SargableOptionsBuilder>? guard, SqlRecorder? recorder = null, bool shareServiceProvider = true);

        Task ExecuteAsync(string sql);
    }

    public static class CorpusOptions
    {
        /// <summary>Guard and recorder on top of a provider; tests build many option sets, so EF's provider-count warning only logs.</summary>
        public static DbContextOptions<CorpusDbContext> Build(Action<DbContextOptionsBuilder<CorpusDbContext>> provider, Action<SargableOptionsBuilder>? guard, SqlRecorder? recorder, bool shareServiceProvider)
        {
            var builder = new DbContextOptionsBuilder<CorpusDbContext>();
            provider(builder);
            builder.ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning));
            if (guard is not null)
            {
                builder.UseSargable(guard);
            }

            if (recorder is not null)
            {
                builder.AddInterceptors(recorder);
            }

            if (!shareServiceProvider)
            {
                builder.EnableServiceProviderCaching(false);
            }

            return builder.Options;
        }
    }

    /// <summary>The seeded deployments schema on this test class's own PostgreSQL database.</summary>
    public sealed class PostgresCorpusDatabase : IAsyncLifetime, ICorpusDatabase
    {
        private readonly PostgresDatabase database = new();

        public string Provider => "postgresql";

        public string ConnectionString => database.ConnectionString;

        public async Task InitializeAsync()
        {
            await database.InitializeAsync();
            await using var db = Context(null);
            await db.Database.EnsureCreatedAsync();
            await CorpusSeed.SeedAsync(db);
            await ExecuteAsync("ANALYZE");
        }

        public Task DisposeAsync() => database.DisposeAsync();

        public CorpusDbContext Context(Action<SargableOptionsBuilder>? guard, SqlRecorder? recorder = null, bool shareServiceProvider = true) =>
            new(CorpusOptions.Build(o => o.UseNpgsql(ConnectionString), guard, recorder, shareServiceProvider));

        public Task ExecuteAsync(string sql) => database.ExecuteAsync(sql);
    }

    /// <summary>The seeded deployments schema in a private in-memory SQLite database (one connection, kept open).</summary>
    public sealed class SqliteCorpusDatabase : IAsyncLifetime, ICorpusDatabase
    {
        private readonly SqliteConnection connection = new("Data Source=:memory:");

        public string Provider => "sqlite";

        public SqliteConnection Connection => connection;

        public async Task InitializeAsync()
        {
            await connection.OpenAsync();
            await using var db = Context(null);
            await db.Database.EnsureCreatedAsync();
            await CorpusSeed.SeedAsync(db);
        }

        public Task DisposeAsync() => connection.DisposeAsync().AsTask();

        public CorpusDbContext Context(Action<SargableOptionsBuilder>? guard, SqlRecorder? recorder = null, bool shareServiceProvider = true) =>
            new(CorpusOptions.Build(o => o.UseSqlite(connection), guard, recorder, shareServiceProvider));

        public async Task ExecuteAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
