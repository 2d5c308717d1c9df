using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sargable.EntityFrameworkCore.Tests.Support;
using Sargable.Registry;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>The registry EF Core's model gives, compared with what the database really has.</summary>
    public sealed class PostgresRegistrySourceTests(PostgresCorpusDatabase database) : IClassFixture<PostgresCorpusDatabase>
    {
        [Fact]
        public void The_model_registry_uses_the_snake_case_names_the_database_uses()
        {
            using var db = database.Context(null);
            var registry = EfModelRegistry.Build(db);

            var deployments = registry.Find("deployments")!;
            Assert.NotNull(deployments);
            Assert.Equal("pk_deployments", deployments.PrimaryKey!.Name);
            Assert.Equal(new[] { "id" }, deployments.PrimaryKey.Columns.Select(c => c.Name));
            var scoped = deployments.Indexes.Single(i => i.Name == "ix_deployments_project_id_iid");
            Assert.True(scoped.Unique);
            Assert.Equal(new[] { "project_id", "iid" }, scoped.Columns.Select(c => c.Name));
            Assert.Equal(
                new[] { "project_id", "environment_id", "updated_at", "id" },
                deployments.Indexes.Single(i => i.Name == "ix_deployments_project_id_environment_id_updated_at_id").Columns.Select(c => c.Name));

            // The foreign-key index EF Core adds by convention (release_project_environments.last_deployment_id).
            Assert.Contains(registry.Find("release_project_environments")!.Indexes, i => i.Columns.Select(c => c.Name).SequenceEqual(new[] { "last_deployment_id" }));
        }

        [Fact]
        public async Task The_registry_built_from_the_model_matches_pg_index()
        {
            using var db = database.Context(null);
            var fromModel = EfModelRegistry.Build(db);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var fromCatalog = await DatabaseCatalogRegistry.ReadAsync(connection);

            var modelTables = fromModel.Tables.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(6, modelTables.Count);
            Assert.Equal(modelTables, fromCatalog.Tables.Select(t => t.Name).Where(modelTables.Contains).OrderBy(n => n, StringComparer.Ordinal));
            foreach (var table in fromModel.Tables)
            {
                var live = fromCatalog.Find(table.Name)!;
                Assert.Null(live.Schema);
                Assert.Equal(Describe(table), Describe(live));
            }
        }

        [Fact]
        public async Task The_catalog_carries_row_estimates_after_analyze()
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var catalog = await DatabaseCatalogRegistry.ReadAsync(connection);
            using var db = database.Context(null);
            var deployments = await db.Deployments.LongCountAsync();

            Assert.Equal(deployments, catalog.Find("deployments")!.EstimatedRows);
            Assert.True(catalog.IsSmall(catalog.Find("environments")!));
        }

        [Fact]
        public async Task The_catalog_reads_descending_partial_expression_and_include_columns()
        {
            await database.ExecuteAsync("""
                CREATE TABLE catalog_probe (id bigint PRIMARY KEY, a int NOT NULL, b text NOT NULL, c int);
                CREATE INDEX ix_probe_a_desc ON catalog_probe (a DESC, id) INCLUDE (c) WHERE c IS NOT NULL;
                CREATE INDEX ix_probe_lower_b ON catalog_probe (lower(b));
                CREATE INDEX ix_probe_hash ON catalog_probe USING hash (b);
                """);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var probe = (await DatabaseCatalogRegistry.ReadAsync(connection)).Find("catalog_probe")!;

            var partial = probe.Indexes.Single(i => i.Name == "ix_probe_a_desc");
            Assert.Equal(new[] { "a DESC", "id" }, partial.Columns.Select(c => c.ToString()));
            Assert.Equal(new[] { "c" }, partial.Include);
            Assert.Equal("(c IS NOT NULL)", partial.Where);
            Assert.Equal("lower(b)", Assert.Single(probe.Indexes.Single(i => i.Name == "ix_probe_lower_b").Columns).Name);
            Assert.Equal("hash", probe.Indexes.Single(i => i.Name == "ix_probe_hash").Method);
            Assert.True(probe.PrimaryKey!.Unique);
            Assert.Null(probe.EstimatedRows); // never analyzed: unknown, not empty
        }

        internal static string Describe(RegisteredTable table) =>
            string.Join(
                "\n",
                table.Indexes
                    .OrderBy(i => i.Name, StringComparer.Ordinal)
                    .Select(i => $"{i.Name} ({string.Join(", ", i.Columns)}){(i.Unique ? " unique" : string.Empty)}{(i.PrimaryKey ? " pk" : string.Empty)}"));
    }

    public sealed class SqliteRegistrySourceTests(SqliteCorpusDatabase database) : IClassFixture<SqliteCorpusDatabase>
    {
        [Fact]
        public async Task The_registry_built_from_the_model_matches_the_sqlite_pragmas()
        {
            using var db = database.Context(null);
            var fromModel = EfModelRegistry.Build(db);
            var fromCatalog = await DatabaseCatalogRegistry.ReadAsync(database.Connection);

            foreach (var table in fromModel.Tables)
            {
                var live = fromCatalog.Find(table.Name);
                Assert.NotNull(live);
                Assert.Equal(PostgresRegistrySourceTests.Describe(table), PostgresRegistrySourceTests.Describe(live));
            }
        }

        [Fact]
        public void The_model_registry_marks_enum_columns_so_a_lone_status_filter_gets_a_partial_index()
        {
            using var db = database.Context(null);
            var registry = EfModelRegistry.Build(db);

            Assert.Equal(Shapes.ColumnDomain.Enumeration, registry.Find("deployments")!.ColumnDomains["status"]);
            Assert.False(registry.Find("deployments")!.ColumnDomains.ContainsKey("project_id"));

            // SQL text alone cannot tell status = 2 from an id; the model can.
            var finding = Assert.Single(new SargableEngine(registry).CheckStatement("SELECT d.id FROM deployments AS d WHERE d.status = 2").Findings);
            Assert.Equal(RuleIds.NoIndexForFilter, finding.RuleId);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_id_where_status_2 ON deployments (id) WHERE status = 2", finding.SuggestedIndex);
        }

        [Fact]
        public async Task A_schema_created_and_seeded_through_the_guard_is_not_taken_for_small_tables()
        {
            // EnsureCreated is not checked; the first checked command (seeding) reads the catalog while tables are empty.
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            await using var db = new Core.Tests.EfCorpus.CorpusDbContext(
                CorpusOptions.Build(o => o.UseSqlite(connection), b => b.Mode(SargableMode.Throw).IncludeDatabaseCatalog(), null, shareServiceProvider: false));
            await db.Database.EnsureCreatedAsync();
            await Core.Tests.EfCorpus.CorpusSeed.SeedAsync(db);

            var catalog = await DatabaseCatalogRegistry.ReadAsync(connection);
            Assert.True(catalog.Find("deployments")!.EstimatedRows > 100);
            Assert.Equal(RuleIds.UnboundedRead, (await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.ToListAsync())).RuleId);

            await db.Database.ExecuteSqlRawAsync("CREATE TABLE empty_probe (id INTEGER PRIMARY KEY)");
            Assert.Null((await DatabaseCatalogRegistry.ReadAsync(connection)).Find("empty_probe")!.EstimatedRows);
        }

        [Fact]
        public async Task Sqlite_row_estimates_come_from_the_largest_rowid()
        {
            var catalog = await DatabaseCatalogRegistry.ReadAsync(database.Connection);
            using var db = database.Context(null);
            var maxId = await db.Deployments.MaxAsync(d => d.Id);

            Assert.Equal(maxId, catalog.Find("deployments")!.EstimatedRows);
        }
    }
}
