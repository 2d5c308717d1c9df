using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Sargable.Registry;

namespace Sargable.Cli.Tests
{
    /// <summary><c>sargable registry pull</c> against a SQLite file (the second provider).</summary>
    public sealed class RegistryPullSqliteTests
    {
        [Fact]
        public async Task Pulls_a_sqlite_file_with_estimates_from_sqlite_stat1_and_expression_keys()
        {
            using var cli = new CliRun();
            var file = Path.Combine(cli.Directory, "app.db");
            using (var connection = new SqliteConnection("Data Source=" + file))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE media (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT, archived INTEGER NOT NULL DEFAULT 0);
                    CREATE UNIQUE INDEX ix_media_name ON media (name);
                    CREATE INDEX ix_media_live ON media (kind) WHERE archived = 0;
                    CREATE INDEX ix_media_lower_name ON media (lower(name));
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) INSERT INTO media (name) SELECT 'm' || i FROM n;
                    ANALYZE;
                    """;
                command.ExecuteNonQuery();
            }

            SqliteConnection.ClearAllPools();

            Assert.Equal(0, await cli.Run(engine: null, "registry", "pull", "--connection", "Data Source=" + file, "--output", "registry.json"));

            var media = RegistryJson.Load(Path.Combine(cli.Directory, "registry.json")).Find("media")!;
            Assert.Equal(1500, media.EstimatedRows);
            Assert.True(media.Indexes.Single(i => i.Name == "ix_media_name").Unique);
            Assert.Equal("archived = 0", media.Indexes.Single(i => i.Name == "ix_media_live").Where);
            Assert.True(media.Indexes.Single(i => i.Name == "ix_media_lower_name").Columns[0].IsExpression);
            Assert.NotNull(media.PrimaryKey);
        }

        [Fact]
        public async Task A_missing_sqlite_file_is_an_error_and_is_not_created()
        {
            using var cli = new CliRun();
            var file = Path.Combine(cli.Directory, "missing.db");

            Assert.Equal(2, await cli.Run(engine: null, "registry", "pull", "--connection", "Data Source=" + file, "--provider", "sqlite"));

            Assert.StartsWith("sargable: could not open the SQLite file", cli.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(file));
        }

        [Fact]
        public async Task A_connection_string_that_names_no_provider_asks_for_one()
        {
            using var cli = new CliRun();

            Assert.Equal(2, await cli.Run(engine: null, "registry", "pull", "--connection", "Timeout=3"));

            Assert.Equal("sargable: cannot tell the database kind from the connection string; pass --provider postgresql or --provider sqlite.\n", cli.Stderr);
        }

        [Fact]
        public async Task An_unknown_provider_is_a_usage_error()
        {
            using var cli = new CliRun();

            Assert.Equal(2, await cli.Run(engine: null, "registry", "pull", "--connection", "Data Source=x.db", "--provider", "mysql"));

            Assert.Contains("--provider must be postgresql or sqlite, not 'mysql'.", cli.Stderr, StringComparison.Ordinal);
        }
    }
}
