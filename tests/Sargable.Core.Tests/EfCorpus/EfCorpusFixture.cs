using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Sargable.Testing;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>
    /// The EF Core SQL corpus, captured once per test run on both providers and shared by every test class in the
    /// <see cref="EfCorpusCollection"/>. Use it as:
    /// <code>
    /// [Collection(EfCorpusCollection.Name)]
    /// public sealed class MyTests(EfCorpusFixture corpus)
    /// {
    ///     [Fact] public void X() { foreach (var q in corpus.Statements(EfSqlCorpus.PostgreSql)) { ... q.Sql ... } }
    /// }
    /// </code>
    /// Set SARGABLE_DUMP_EF_CORPUS to a folder to also get ef-corpus.postgresql.sql and ef-corpus.sqlite.sql there.
    /// </summary>
    public sealed class EfCorpusFixture : IAsyncLifetime
    {
        public const string DumpFolderVariable = "SARGABLE_DUMP_EF_CORPUS";

        private readonly PostgresDatabase database = new();
        private EfCorpusCapture? postgreSql;
        private EfCorpusCapture? sqlite;

        public EfCorpusCapture PostgreSql => postgreSql ?? throw new InvalidOperationException("The corpus is not captured yet.");

        public EfCorpusCapture Sqlite => sqlite ?? throw new InvalidOperationException("The corpus is not captured yet.");

        /// <summary>The capture of <paramref name="provider"/>: <see cref="EfSqlCorpus.PostgreSql"/> or <see cref="EfSqlCorpus.Sqlite"/>.</summary>
        public EfCorpusCapture For(string provider) => provider switch
        {
            EfSqlCorpus.PostgreSql => PostgreSql,
            EfSqlCorpus.Sqlite => Sqlite,
            _ => throw new ArgumentException($"Unknown provider '{provider}'; use EfSqlCorpus.PostgreSql or EfSqlCorpus.Sqlite.", nameof(provider)),
        };

        /// <summary>Every command the catalog executed on <paramref name="provider"/>, in execution order.</summary>
        public IReadOnlyList<CapturedQuery> Statements(string provider) => For(provider).Queries;

        public async Task InitializeAsync()
        {
            await database.InitializeAsync().ConfigureAwait(false);
            var capturePostgreSql = EfSqlCorpus.CapturePostgreSqlAsync(database.ConnectionString);
            var captureSqlite = Task.Run(() => EfSqlCorpus.CaptureSqliteAsync());
            postgreSql = await capturePostgreSql.ConfigureAwait(false);
            sqlite = await captureSqlite.ConfigureAwait(false);

            if (Environment.GetEnvironmentVariable(DumpFolderVariable) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                foreach (var capture in new[] { postgreSql, sqlite })
                {
                    await File.WriteAllTextAsync(Path.Combine(folder, $"ef-corpus.{capture.Provider}.sql"), EfSqlCorpus.Dump(capture)).ConfigureAwait(false);
                }
            }
        }

        public Task DisposeAsync() => database.DisposeAsync();
    }

    /// <summary>Test classes that read the EF Core SQL corpus join this collection to share one capture.</summary>
    [CollectionDefinition(Name)]
    public sealed class EfCorpusCollection : ICollectionFixture<EfCorpusFixture>
    {
        public const string Name = "EF Core SQL corpus";
    }
}
