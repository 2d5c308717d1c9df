using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Sargable.Registry;
using Sargable.Shapes;
using Sargable.Testing;

namespace Sargable.Cli.Tests
{
    /// <summary>
    /// <c>sargable registry pull</c> records boolean and enum-typed columns, so a lone filter on one gets a partial index
    /// from the pulled registry alone (issue 14, point 4).
    /// </summary>
    public sealed class RegistryPullColumnDomainTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
    {
        private const string Schema = """
            DO $$ BEGIN CREATE TYPE ticket_status AS ENUM ('open', 'archived'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            CREATE TABLE IF NOT EXISTS tickets (id bigint PRIMARY KEY, is_default boolean NOT NULL DEFAULT false, status ticket_status NOT NULL DEFAULT 'open', priority integer NOT NULL DEFAULT 0, dropped_later boolean);
            ALTER TABLE tickets DROP COLUMN IF EXISTS dropped_later;
            INSERT INTO tickets (id, is_default, status) SELECT g, g = 1, CASE WHEN g % 10 = 0 THEN 'archived' ELSE 'open' END::ticket_status FROM generate_series(1, 5000) AS g ON CONFLICT DO NOTHING;
            ANALYZE tickets;
            """;

        private readonly PostgresDatabase database;

        public RegistryPullColumnDomainTests(PostgresDatabase database) => this.database = database;

        public Task InitializeAsync() => database.ExecuteAsync(Schema);

        public Task DisposeAsync() => Task.CompletedTask;

        [Fact]
        public async Task Pulls_boolean_and_pg_enum_columns_and_nothing_else_sorted()
        {
            using var cli = new CliRun();

            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", database.ConnectionString, "--output", "sargable.json"));

            var tickets = RegistryJson.Load(Path.Combine(cli.Directory, "sargable.json")).Find("tickets")!;
            Assert.Equal(
                new[] { ("is_default", ColumnDomain.Boolean), ("status", ColumnDomain.Enumeration) },
                tickets.ColumnDomains.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToArray());
            var json = File.ReadAllText(Path.Combine(cli.Directory, "sargable.json"));
            Assert.Contains("\"is_default\": \"boolean\"", json, StringComparison.Ordinal);
            Assert.True(json.IndexOf("\"is_default\"", StringComparison.Ordinal) < json.IndexOf("\"status\": \"enumeration\"", StringComparison.Ordinal));
        }

        // A bare boolean or a true/false literal is known to be boolean from the SQL itself; a pg enum only from the catalog.
        [Theory]
        [InlineData("SELECT id FROM tickets WHERE status = 'archived'", "ON tickets (id) WHERE status = 'archived'")]
        [InlineData("SELECT id, priority FROM tickets WHERE status = 'open' ORDER BY id", "ON tickets (id) WHERE status = 'open'")]
        public async Task Check_sql_with_the_pulled_registry_suggests_the_partial_index(string sql, string expected)
        {
            using var cli = new CliRun();
            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", database.ConnectionString, "--output", "sargable.json"));
            cli.File("q.sql", sql);

            await cli.Run(engine: null, "check-sql", "--registry", "sargable.json", "q.sql");

            Assert.Contains(expected, cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Check_sql_on_an_integer_column_keeps_the_plain_index()
        {
            using var cli = new CliRun();
            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", database.ConnectionString, "--output", "sargable.json"));
            cli.File("q.sql", "SELECT id FROM tickets WHERE priority = 2");

            await cli.Run(engine: null, "check-sql", "--registry", "sargable.json", "q.sql");

            Assert.Contains("ON tickets (priority)", cli.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(") WHERE priority", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task On_sqlite_only_a_declared_boolean_is_recorded()
        {
            using var cli = new CliRun();
            var file = Path.Combine(cli.Directory, "app.db");
            using (var connection = new SqliteConnection("Data Source=" + file))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE sites (id INTEGER PRIMARY KEY, is_default BOOLEAN NOT NULL, enabled bool, archived INTEGER NOT NULL, status TEXT);";
                command.ExecuteNonQuery();
            }

            SqliteConnection.ClearAllPools();

            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", "Data Source=" + file, "--output", "registry.json"));

            var sites = RegistryJson.Load(Path.Combine(cli.Directory, "registry.json")).Find("sites")!;
            Assert.Equal(
                new[] { ("enabled", ColumnDomain.Boolean), ("is_default", ColumnDomain.Boolean) },
                sites.ColumnDomains.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToArray());
        }
    }
}
