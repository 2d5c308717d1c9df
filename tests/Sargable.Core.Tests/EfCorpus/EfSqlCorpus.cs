using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>One command EF Core executed: the catalog entry that ran it, the provider, and the command text.</summary>
    public sealed record CapturedQuery(string Name, string Provider, string Sql)
    {
        public override string ToString() => $"[{Provider}] {Name}: {Sql}";
    }

    /// <summary>A catalog entry that threw; the rest of the catalog still ran.</summary>
    public sealed record EfCorpusFailure(string Name, Exception Error)
    {
        public override string ToString() => $"{Name}: {Error.GetType().Name}: {Error.Message}";
    }

    /// <summary>The result of running the whole catalog on one provider.</summary>
    public sealed class EfCorpusCapture
    {
        public EfCorpusCapture(string provider, IReadOnlyList<CapturedQuery> queries, IReadOnlyList<EfCorpusFailure> failures, TimeSpan elapsed)
        {
            Provider = provider;
            Queries = queries;
            Failures = failures;
            Elapsed = elapsed;
        }

        /// <summary>"postgresql" or "sqlite".</summary>
        public string Provider { get; }

        /// <summary>Every executed command in execution order (an N+1 entry contributes one row per execution).</summary>
        public IReadOnlyList<CapturedQuery> Queries { get; }

        /// <summary>Distinct command texts in first-seen order.</summary>
        public IReadOnlyList<string> DistinctSql => Queries.Select(q => q.Sql).Distinct(StringComparer.Ordinal).ToArray();

        /// <summary>Catalog entries that threw; empty when the whole catalog ran.</summary>
        public IReadOnlyList<EfCorpusFailure> Failures { get; }

        /// <summary>Wall time of schema creation, seeding and the catalog run.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The commands one catalog entry executed.</summary>
        public IReadOnlyList<CapturedQuery> For(string entryName) => Queries.Where(q => q.Name == entryName).ToArray();
    }

    /// <summary>
    /// Captures the SQL EF Core really generates for <see cref="EfQueryCatalog"/>: creates the schema on an empty
    /// database, seeds it, runs every entry with a fresh context and records each executed command's text.
    /// Captured live on every run, so the corpus follows EF Core and provider upgrades.
    /// </summary>
    public static class EfSqlCorpus
    {
        public const string PostgreSql = "postgresql";
        public const string Sqlite = "sqlite";

        /// <summary>Runs the catalog on an empty PostgreSQL database (for example <c>PostgresDatabase.ConnectionString</c>).</summary>
        public static Task<EfCorpusCapture> CapturePostgreSqlAsync(string connectionString, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(connectionString);
            return CaptureAsync(PostgreSql, options => options.UseNpgsql(connectionString), cancellationToken);
        }

        /// <summary>Runs the catalog on a private in-memory SQLite database that lives as long as the capture.</summary>
        public static async Task<EfCorpusCapture> CaptureSqliteAsync(CancellationToken cancellationToken = default)
        {
            // An in-memory database exists while a connection to it is open: keep one open for every context.
            await using var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await CaptureAsync(Sqlite, options => options.UseSqlite(connection), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Runs the catalog against the database <paramref name="useProvider"/> points the options at; that database must be
        /// empty. <paramref name="provider"/> labels the captured rows.
        /// </summary>
        public static async Task<EfCorpusCapture> CaptureAsync(
            string provider,
            Action<DbContextOptionsBuilder<CorpusDbContext>> useProvider,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(useProvider);
            var watch = Stopwatch.StartNew();
            var interceptor = new SqlCaptureInterceptor(provider);
            var builder = new DbContextOptionsBuilder<CorpusDbContext>();
            useProvider(builder);
            var options = builder.AddInterceptors(interceptor).Options;

            await using (var db = new CorpusDbContext(options))
            {
                await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                await CorpusSeed.SeedAsync(db, cancellationToken).ConfigureAwait(false);
            }

            var failures = new List<EfCorpusFailure>();
            foreach (var entry in EfQueryCatalog.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var db = new CorpusDbContext(options);
                using var recording = interceptor.Recording(entry.Name);
                try
                {
                    await entry.Run(db).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    failures.Add(new EfCorpusFailure(entry.Name, error));
                }
            }

            return new EfCorpusCapture(provider, interceptor.Captured, failures, watch.Elapsed);
        }

        /// <summary>
        /// Writes a capture as a readable SQL script: one comment line per command naming the entry, then the command.
        /// For looking at what EF generated (for example while writing a rule test); nothing reads it back.
        /// </summary>
        public static void Dump(EfCorpusCapture capture, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(capture);
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteLine($"-- EF Core SQL corpus, {capture.Provider}: {capture.Queries.Count} commands, {capture.DistinctSql.Count} distinct");
            foreach (var failure in capture.Failures)
            {
                writer.WriteLine($"-- FAILED {failure}");
            }

            foreach (var query in capture.Queries)
            {
                writer.WriteLine();
                writer.WriteLine($"-- {query.Name}");
                writer.WriteLine(query.Sql.TrimEnd().EndsWith(';') ? query.Sql.TrimEnd() : query.Sql.TrimEnd() + ";");
            }
        }

        /// <summary><see cref="Dump(EfCorpusCapture, TextWriter)"/> into a string.</summary>
        public static string Dump(EfCorpusCapture capture)
        {
            using var writer = new StringWriter();
            Dump(capture, writer);
            return writer.ToString();
        }
    }
}
