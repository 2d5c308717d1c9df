using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Sargable.Cli.Tests
{
    /// <summary><c>check-sql --baseline/--write-baseline</c> and <c>--format github</c> with the real engine.</summary>
    public sealed class CheckSqlBaselineTests : IDisposable
    {
        private const string Schema = """
            CREATE TABLE deployments (id bigint PRIMARY KEY, project_id bigint NOT NULL, sha bytea, updated_at timestamptz);
            CREATE INDEX index_deployments_on_project_id ON deployments (project_id);
            """;

        private readonly CliRun cli = new();

        public void Dispose() => cli.Dispose();

        [Fact]
        public async Task A_written_baseline_hides_its_findings_even_after_reformatting()
        {
            cli.File("schema.sql", Schema);
            cli.File("q.sql", "SELECT id FROM deployments WHERE sha = $1;\n");
            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "q.sql", "--write-baseline"));
            cli.File("q.sql", "-- moved and reformatted\n\nselect id\n  from deployments\n where sha = @sha;\n");

            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "q.sql", "--baseline"));

            Assert.Contains("1 statements, 0 findings", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("1 findings are in the baseline and not reported; 0 baseline entries matched nothing", cli.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_new_statement_is_reported_with_a_baseline_and_exits_1()
        {
            cli.File("schema.sql", Schema);
            cli.File("q.sql", "SELECT id FROM deployments WHERE sha = $1;\n");
            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "q.sql", "--write-baseline"));
            cli.File("q.sql", "SELECT id FROM deployments WHERE sha = $1;\nSELECT id FROM deployments WHERE updated_at > $1;\n");

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "--format", "json", "q.sql", "--baseline"));

            Assert.Single(Regex.Matches(cli.Stdout, "\"rule\": \"SARG").Cast<Match>());
            Assert.Contains("updated_at", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_invalid_baseline_exits_2_naming_the_file()
        {
            cli.File("schema.sql", Schema);
            cli.File("q.sql", "SELECT id FROM deployments WHERE sha = $1;\n");
            cli.File("sargable.baseline.json", "{ \"version\": 1 }");

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "q.sql", "--baseline"));

            Assert.Contains("invalid baseline: " + Path.Combine(cli.Directory, "sargable.baseline.json"), cli.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_bare_write_baseline_before_a_sql_file_is_a_usage_error_and_the_file_is_untouched()
        {
            cli.File("schema.sql", Schema);
            var query = cli.File("q.sql", "SELECT id FROM deployments WHERE sha = $1;\n");

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "--write-baseline", "q.sql"));

            Assert.Contains("--write-baseline takes a .json file, not 'q.sql'", cli.Stderr, StringComparison.Ordinal);
            Assert.Equal("SELECT id FROM deployments WHERE sha = $1;\n", File.ReadAllText(query));
        }

        [Fact]
        public async Task GitHub_format_annotates_each_finding_and_ends_with_the_summary()
        {
            cli.File("schema.sql", Schema);
            cli.File("q.sql", "SELECT id FROM deployments WHERE sha = $1;\n");

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "--format", "github", "q.sql"));

            var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Matches("^::warning file=q.sql,line=1,col=34,title=SARG0006::No index on deployments starts with the filtered column sha", lines[0]);
            Assert.Equal("Sargable: 1 statements, 1 findings (0 errors, 1 warnings, 0 infos), 0 parse errors", lines[1]);
        }
    }
}
