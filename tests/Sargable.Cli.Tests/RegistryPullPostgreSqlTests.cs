using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Npgsql;
using Sargable.Registry;
using Sargable.Testing;

namespace Sargable.Cli.Tests
{
    /// <summary><c>sargable registry pull</c> against the private PostgreSQL cluster.</summary>
    public sealed class RegistryPullPostgreSqlTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
    {
        private const string Schema = """
            CREATE TABLE IF NOT EXISTS sites (id bigint PRIMARY KEY, name text NOT NULL, is_default boolean NOT NULL DEFAULT false);
            CREATE TABLE IF NOT EXISTS pages (
                id bigint PRIMARY KEY, site_id bigint NOT NULL, slug text NOT NULL, email text, archived_at timestamptz, body text,
                created timestamptz NOT NULL DEFAULT now());
            CREATE UNIQUE INDEX IF NOT EXISTS index_pages_on_site_id_and_slug ON pages (site_id, slug) INCLUDE (created);
            CREATE INDEX IF NOT EXISTS index_pages_live ON pages (site_id, created DESC) WHERE archived_at IS NULL;
            CREATE INDEX IF NOT EXISTS index_pages_on_lower_email ON pages (lower(email));
            CREATE INDEX IF NOT EXISTS index_pages_on_body_hash ON pages USING hash (body);
            INSERT INTO sites SELECT g, 'site ' || g, g = 1 FROM generate_series(1, 3) AS g ON CONFLICT DO NOTHING;
            INSERT INTO pages (id, site_id, slug) SELECT g, 1 + g % 3, 'p' || g FROM generate_series(1, 5000) AS g ON CONFLICT DO NOTHING;
            ANALYZE sites;
            ANALYZE pages;
            """;

        private readonly PostgresDatabase database;

        public RegistryPullPostgreSqlTests(PostgresDatabase database) => this.database = database;

        public Task InitializeAsync() => database.ExecuteAsync(Schema);

        public Task DisposeAsync() => Task.CompletedTask;

        [Fact]
        public async Task Pulls_unique_partial_include_method_and_expression_keys_with_row_estimates()
        {
            using var cli = new CliRun();

            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", database.ConnectionString, "--output", "sargable.json"));

            var registry = RegistryJson.Load(Path.Combine(cli.Directory, "sargable.json"));
            var pages = registry.Find("pages")!;
            Assert.Equal(5000, pages.EstimatedRows);
            Assert.True(pages.PrimaryKey!.Unique);
            var bySlug = pages.Indexes.Single(i => i.Name == "index_pages_on_site_id_and_slug");
            Assert.True(bySlug.Unique);
            Assert.Equal(new[] { "created" }, bySlug.Include);
            var live = pages.Indexes.Single(i => i.Name == "index_pages_live");
            Assert.Equal("(archived_at IS NULL)", live.Where);
            Assert.True(live.Columns[1].Descending);
            Assert.True(pages.Indexes.Single(i => i.Name == "index_pages_on_lower_email").Columns[0].IsExpression);
            Assert.Equal("hash", pages.Indexes.Single(i => i.Name == "index_pages_on_body_hash").Method);
        }

        [Fact]
        public async Task The_file_is_the_same_on_every_pull_and_ends_with_a_newline()
        {
            using var cli = new CliRun();

            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", database.ConnectionString, "--output", "-"));
            var first = cli.Stdout;
            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", database.ConnectionString, "--provider", "postgresql", "--output", "-"));

            Assert.Equal(first, cli.Stdout);
            Assert.EndsWith("}\n", first, StringComparison.Ordinal);
            Assert.True(first.IndexOf("\"pages\"", StringComparison.Ordinal) < first.IndexOf("\"sites\"", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_missing_database_is_one_sentence_and_exit_code_2()
        {
            using var cli = new CliRun();
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "no_such_database_sargable" }.ToString();

            Assert.Equal(2, await cli.Run(engine: null, "registry", "pull", "--connection", connection, "--output", "sargable.json"));

            Assert.Contains("does not exist", cli.Stderr, StringComparison.Ordinal);
            Assert.Single(cli.Stderr.TrimEnd('\n').Split('\n'));
            Assert.False(File.Exists(Path.Combine(cli.Directory, "sargable.json")));
        }

        [Fact]
        public async Task An_unreachable_server_is_one_sentence_and_exit_code_2()
        {
            using var cli = new CliRun();
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 3 }.ToString();

            Assert.Equal(2, await cli.Run(engine: null, "registry", "pull", "--connection", connection));

            Assert.StartsWith("sargable: could not reach the PostgreSQL server at 127.0.0.1:1", cli.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_user_without_connect_permission_is_told_so_with_exit_code_2()
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var role = "sargable_pull_" + Guid.NewGuid().ToString("N")[..8];
            await database.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'pw'; REVOKE CONNECT ON DATABASE \"{builder.Database}\" FROM PUBLIC;");
            using var cli = new CliRun();
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = "pw" }.ToString();

            Assert.Equal(2, await cli.Run(engine: null, "registry", "pull", "--connection", connection));

            Assert.Contains("SQLSTATE 42501", cli.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("pw", cli.Stderr.Replace("pull", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_malformed_connection_string_is_one_sentence_and_exit_code_2()
        {
            using var cli = new CliRun();

            Assert.Equal(2, await cli.Run(engine: null, "registry", "pull", "--connection", "Host=localhost;NoSuchKeyword=1", "--provider", "postgresql"));

            Assert.StartsWith("sargable: the connection string is not valid for PostgreSQL", cli.Stderr, StringComparison.Ordinal);
        }
    }
}
