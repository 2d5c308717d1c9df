using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;
using Sargable.Testing;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>The deployments schema with 200,000 deployments in 100 projects and 1,000 environments, seeded in SQL.</summary>
    public sealed class LargePostgresDatabase : IAsyncLifetime, ICorpusDatabase
    {
        public const int Deployments = 200_000;

        private readonly PostgresDatabase database = new();

        public string Provider => "postgresql";

        public async Task InitializeAsync()
        {
            await database.InitializeAsync();
            await using (var db = Context(null))
            {
                await db.Database.EnsureCreatedAsync();
            }

            await database.ExecuteAsync($"""
                INSERT INTO namespaces (name, path) VALUES ('root', 'root');
                INSERT INTO projects (namespace_id, name) SELECT 1, 'project ' || g FROM generate_series(1, 100) AS g;
                INSERT INTO environments (project_id, name) SELECT 1 + (g - 1) % 100, 'env ' || g FROM generate_series(1, 1000) AS g;
                INSERT INTO deployments (iid, project_id, environment_id, ref, sha, status, action, created_at, updated_at, finished_at)
                SELECT (g - 1) / 100 + 1, 1 + (g - 1) % 100, 1 + (g - 1) % 1000, 'refs/heads/branch-' || (g % 5000), '\x00'::bytea, (g % 7)::smallint, 1::smallint,
                       timestamptz '2025-01-01' + g * interval '1 minute', timestamptz '2025-01-01' + g * interval '1 minute', NULL
                  FROM generate_series(1, {Deployments}) AS g;
                ANALYZE;
                """);
        }

        public Task DisposeAsync() => database.DisposeAsync();

        public CorpusDbContext Context(Action<SargableOptionsBuilder>? guard, SqlRecorder? recorder = null, bool shareServiceProvider = true) =>
            new(CorpusOptions.Build(o => o.UseNpgsql(database.ConnectionString), guard, recorder, shareServiceProvider));

        public Task ExecuteAsync(string sql) => database.ExecuteAsync(sql);
    }

    /// <summary>The same data set on SQLite, seeded with a recursive CTE.</summary>
    public sealed class LargeSqliteDatabase : IAsyncLifetime, ICorpusDatabase
    {
        private readonly SqliteConnection connection = new("Data Source=:memory:");

        public string Provider => "sqlite";

        public async Task InitializeAsync()
        {
            await connection.OpenAsync();
            await using (var db = Context(null))
            {
                await db.Database.EnsureCreatedAsync();
            }

            await ExecuteAsync($"""
                INSERT INTO namespaces (name, path) VALUES ('root', 'root');
                WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 100) INSERT INTO projects (namespace_id, name) SELECT 1, 'project ' || x FROM g;
                WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 1000) INSERT INTO environments (project_id, name) SELECT 1 + (x - 1) % 100, 'env ' || x FROM g;
                WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {LargePostgresDatabase.Deployments})
                INSERT INTO deployments (iid, project_id, environment_id, ref, sha, status, action, created_at, updated_at, finished_at)
                SELECT (x - 1) / 100 + 1, 1 + (x - 1) % 100, 1 + (x - 1) % 1000, 'refs/heads/branch-' || (x % 5000), x'00', x % 7, 1,
                       '2025-01-01 00:00:00', '2025-01-01 00:00:00', NULL
                  FROM g;
                """);
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

    /// <summary>
    /// VerifyWithExplain on 200,000 rows: the plan's sequential scan is reported next to the registry's verdict, and
    /// disappears once the suggested index exists. Each context gets a fresh guard (no service-provider caching), since
    /// a guard explains each statement only once.
    /// </summary>
    public abstract class ExplainTests
    {
        protected ExplainTests(ICorpusDatabase database)
        {
            Database = database;
        }

        protected ICorpusDatabase Database { get; }

        protected abstract string DatabaseName { get; }

        [Fact]
        public async Task A_sequential_scan_is_reported_and_disappears_once_the_suggested_index_exists()
        {
            var reference = "refs/heads/branch-42";
            string suggested;
            await using (var before = Fresh())
            {
                var error = await Assert.ThrowsAsync<InefficientQueryError>(() => before.Deployments.Where(d => d.Ref == reference).ToListAsync());

                Assert.Equal(RuleIds.NoIndexForFilter, error.RuleId);
                var plan = Assert.IsType<QueryPlanReport>(error.Plan);
                Assert.Equal(DatabaseName, plan.Database);
                var scan = Assert.Single(plan.Findings);
                Assert.Equal(RuleIds.NoIndexForFilter, scan.RuleId);
                Assert.Equal("deployments", scan.Table);
                Assert.Contains("sequentially", scan.Message, StringComparison.Ordinal);
                Assert.Equal(error.SuggestedIndex, scan.SuggestedIndex);
                Assert.Empty(plan.Disagreements);
                Assert.Contains("plan:", error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(reference, error.Message, StringComparison.Ordinal);
                suggested = error.SuggestedIndex!;
            }

            // Run the DDL the error suggested, as a developer would.
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_ref ON deployments (ref)", suggested);
            await Database.ExecuteAsync(RunnableHere(suggested));
            try
            {
                var logs = new LogCollector();
                await using var after = Fresh(b => b.UseLoggerFactory(logs)); // the catalog now lists the index

                Assert.NotEmpty(await after.Deployments.Where(d => d.Ref == reference).ToListAsync());
                Assert.Empty(logs.Guard);
                var statement = Assert.Single(GuardStatements(after), s => s.Plan is not null);
                Assert.Empty(statement.Plan!.Findings);
                Assert.Contains(statement.Plan.IndexesUsed, i => i.Index == "index_deployments_on_ref");
            }
            finally
            {
                await Database.ExecuteAsync("DROP INDEX index_deployments_on_ref");
            }
        }

        [Fact]
        public async Task A_plan_that_scans_where_the_registry_expects_an_index_is_a_disagreement()
        {
            // The model declares (environment_id, finished_at, id); the database lacks it here. The other index with
            // environment_id in it goes too, so the planner has nothing but a sequential scan.
            var environmentId = 17L;
            await Database.ExecuteAsync("DROP INDEX ix_deployments_environment_id_finished_at_id");
            await Database.ExecuteAsync("DROP INDEX ix_deployments_project_id_environment_id_updated_at_id");
            try
            {
                await using var db = Fresh();
                var error = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.Where(d => d.EnvironmentId == environmentId).ToListAsync());

                Assert.Equal(RuleIds.NoIndexForFilter, error.RuleId);
                Assert.StartsWith($"The {DatabaseName} plan scans deployments", error.Finding.Message, StringComparison.Ordinal);
                var disagreement = Assert.Single(error.Plan!.Disagreements);
                Assert.Contains("registry finds an index for deployments", disagreement, StringComparison.Ordinal);

                // In Log mode the plan's own finding is logged, and the disagreement as a warning of its own.
                var logs = new LogCollector();
                await using var logging = Fresh(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));
                Assert.NotEmpty(await logging.Deployments.Where(d => d.EnvironmentId == environmentId).ToListAsync());
                Assert.Equal("database plan", Assert.Single(logs.Findings(RuleIds.NoIndexForFilter))["Source"]);
                var plan = Assert.Single(logs.Guard, e => e.EventId == SargableDiagnostics.Plan);
                Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, plan.Level);
                Assert.Contains(disagreement, plan.Message, StringComparison.Ordinal);
            }
            finally
            {
                await Database.ExecuteAsync(CreateIndex("ix_deployments_environment_id_finished_at_id", "deployments (environment_id, finished_at, id)"));
                await Database.ExecuteAsync(CreateIndex("ix_deployments_project_id_environment_id_updated_at_id", "deployments (project_id, environment_id, updated_at, id)"));
            }
        }

        [Fact]
        public async Task In_log_mode_a_confirming_plan_travels_with_the_registry_finding()
        {
            var logs = new LogCollector();
            var reference = "refs/heads/branch-7";
            await using var db = Fresh(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));

            Assert.NotEmpty(await db.Deployments.Where(d => d.Ref == reference).ToListAsync());

            var entry = Assert.Single(logs.Guard);
            Assert.Equal(RuleIds.NoIndexForFilter, entry.EventId.Name);
            Assert.Equal("registry", entry["Source"]);
            Assert.Contains($"The {DatabaseName} plan scans deployments", (string)entry["Plan"]!, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_served_statement_reports_the_index_it_used_in_log_mode()
        {
            var logs = new LogCollector();
            var projectId = 3L;
            await using var db = Fresh(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));

            Assert.Equal(10, (await db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).Take(10).ToListAsync()).Count);

            Assert.Empty(logs.Guard);
            var statement = Assert.Single(GuardStatements(db), s => s.Plan is not null);
            Assert.Contains(statement.Plan!.IndexesUsed, i => i.Index == "ix_deployments_project_id_iid" && i.Table == "deployments");
            Assert.Empty(statement.Plan.Findings);
        }

        [Fact]
        public async Task A_sort_of_many_rows_under_a_limit_is_SARG0003_from_the_plan_too()
        {
            var projectId = 7L;
            await using var db = Fresh();

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() =>
                db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(10).ToListAsync());

            Assert.Equal(RuleIds.FilterOrderMismatch, error.RuleId);
            var sort = Assert.Single(error.Plan!.Findings);
            Assert.Equal(RuleIds.FilterOrderMismatch, sort.RuleId);
            Assert.Equal("deployments", sort.Table);
            Assert.Contains("before the LIMIT", sort.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Explain_runs_in_the_commands_transaction_with_its_parameters_sync()
        {
            // An index created in the transaction and not committed: only EXPLAIN in the same transaction can use it.
            var reference = "refs/heads/branch-99";
            using var db = Fresh();
            using var transaction = db.Database.BeginTransaction();
            using (var create = db.Database.GetDbConnection().CreateCommand())
            {
                // Past EF Core, so the guard's first command (and catalog read) is the query below, in the transaction.
                create.Transaction = transaction.GetDbTransaction();
                create.CommandText = "CREATE INDEX ix_deployments_ref_uncommitted ON deployments (ref)";
                create.ExecuteNonQuery();
            }

            Assert.NotEmpty(db.Deployments.Where(d => d.Ref == reference).ToList());

            var statement = Assert.Single(GuardStatements(db), s => s.Plan is not null);
            Assert.Contains(statement.Plan!.IndexesUsed, i => i.Index == "ix_deployments_ref_uncommitted");
            Assert.Equal(1, db.Deployments.Count(d => d.Id == 1)); // the transaction is still usable
            transaction.Rollback();
        }

        protected abstract string CreateIndex(string name, string on);

        /// <summary>The suggested DDL as this database runs it (SQLite has no CONCURRENTLY).</summary>
        protected abstract string RunnableHere(string suggestedIndex);

        private CorpusDbContext Fresh(Action<SargableOptionsBuilder>? more = null) =>
            Database.Context(
                b =>
                {
                    b.Mode(SargableMode.Throw).VerifyWithExplain().IncludeDatabaseCatalog();
                    more?.Invoke(b);
                },
                shareServiceProvider: false);

        private static System.Collections.Generic.IEnumerable<Internal.GuardedStatement> GuardStatements(CorpusDbContext db)
        {
            var guard = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Internal.GuardRuntime>(db).For(db.Model, db.Database.GetDbConnection());
            return guard.Statements.Snapshot();
        }
    }

    public sealed class PostgresExplainTests(LargePostgresDatabase database) : ExplainTests(database), IClassFixture<LargePostgresDatabase>
    {
        protected override string DatabaseName => "PostgreSQL";

        protected override string CreateIndex(string name, string on) => $"CREATE INDEX {name} ON {on}; ANALYZE deployments";

        protected override string RunnableHere(string suggestedIndex) => suggestedIndex;
    }

    public sealed class SqliteExplainTests(LargeSqliteDatabase database) : ExplainTests(database), IClassFixture<LargeSqliteDatabase>
    {
        protected override string DatabaseName => "SQLite";

        protected override string CreateIndex(string name, string on) => $"CREATE INDEX {name} ON {on}";

        protected override string RunnableHere(string suggestedIndex) => suggestedIndex.Replace(" CONCURRENTLY", string.Empty, StringComparison.Ordinal);
    }
}
