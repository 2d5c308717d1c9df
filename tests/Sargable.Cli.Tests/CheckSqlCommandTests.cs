using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Sargable.Cli.Tests
{
    /// <summary>
    /// <c>sargable check-sql</c> end to end, in-process. Tests that need findings use <see cref="FakeEngine"/>;
    /// tests passing no engine run the real one and must stop before reaching it (usage and input errors).
    /// </summary>
    public sealed class CheckSqlCommandTests : IDisposable
    {
        private readonly CliRun cli = new();

        public void Dispose() => cli.Dispose();

        // ---- usage errors: exit code 2, one sentence on stderr, nothing on stdout ----

        [Theory]
        [InlineData(new[] { "check-sql", "--registry", "r.json", "--schema", "s.sql", "q.sql" }, "sargable: --registry and --schema cannot be used together; give the index registry one way.")]
        [InlineData(new[] { "check-sql", "--format", "xml", "q.sql" }, "sargable: --format must be text, json, sarif or github, not 'xml'.")]
        [InlineData(new[] { "check-sql", "--fail-on", "never", "q.sql" }, "sargable: --fail-on must be info, warning or error, not 'never'.")]
        [InlineData(new[] { "check-sql", "--colour", "q.sql" }, "sargable: '--colour' is not an option of check-sql (to check a file whose name starts with '-', write ./--colour).")]
        [InlineData(new[] { "check-sql", "-", "-" }, "sargable: '-' (standard input) can be given only once.")]
        [InlineData(new[] { "check-sql", "--registry" }, "sargable: Required argument missing for option: '--registry'.")]
        public async Task Usage_errors_exit_2_with_a_sentence_and_a_pointer_to_help(string[] args, string firstLine)
        {
            var code = await cli.Run(engine: null, args);

            Assert.Equal(2, code);
            Assert.Equal(firstLine, cli.Stderr.Split('\n')[0]);
            Assert.Contains("Run 'sargable check-sql --help' for usage.", cli.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, cli.Stdout);
        }

        [Fact]
        public async Task No_command_is_a_usage_error()
        {
            Assert.Equal(2, await cli.Run(engine: null));
            Assert.Contains("Run 'sargable --help' for usage.", cli.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Help_is_not_an_error()
        {
            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--help"));
            Assert.Contains("--registry <FILE.json>", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("--fail-on <info|warning|error>", cli.Stdout, StringComparison.Ordinal);
            Assert.Equal(string.Empty, cli.Stderr);
        }

        [Fact]
        public async Task No_files_and_an_interactive_terminal_is_a_usage_error_instead_of_a_hang()
        {
            cli.StdinIsTerminal = true;

            Assert.Equal(2, await cli.Run(engine: null, "check-sql"));
            Assert.Equal("sargable: no input: pass SQL files, or pipe SQL into standard input (use '-' to read a terminal).\n", cli.Stderr);
        }

        // ---- inputs that cannot be read: exit code 2 before anything is checked ----

        [Fact]
        public async Task A_missing_file_names_the_path_and_nothing_is_checked()
        {
            var engine = new FakeEngine();
            cli.File("good.sql", "SELECT 1");

            Assert.Equal(2, await cli.Run(engine, "check-sql", "good.sql", "missing.sql", "gone/also.sql"));

            Assert.Equal(
                "sargable: cannot read the SQL file 'missing.sql': the file does not exist.\n" +
                "sargable: cannot read the SQL file 'gone/also.sql': the file does not exist.\n",
                cli.Stderr);
            Assert.Empty(engine.Calls);
            Assert.Equal(string.Empty, cli.Stdout);
        }

        [Fact]
        public async Task A_directory_is_not_a_sql_file()
        {
            Directory.CreateDirectory(Path.Combine(cli.Directory, "queries"));

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "queries"));
            Assert.Equal("sargable: cannot read the SQL file 'queries': it is a directory, not a file.\n", cli.Stderr);
        }

        [Fact]
        public async Task A_missing_registry_or_schema_file_is_named()
        {
            cli.File("q.sql", "SELECT 1");

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "--registry", "nope.json", "q.sql"));
            Assert.Equal("sargable: cannot read the registry 'nope.json': the file does not exist.\n", cli.Stderr);

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "--schema", "nope.sql", "q.sql"));
            Assert.Equal("sargable: cannot read the schema 'nope.sql': the file does not exist.\n", cli.Stderr);
        }

        [Fact]
        public async Task An_invalid_registry_is_reported_with_file_position_and_path()
        {
            var engine = new FakeEngine();
            cli.File("registry.json", "{\n  \"tables\": {\n    \"deployments\": { \"indexes\": [ { \"name\": \"ix\", \"columns\": [] } ] }\n  }\n}");
            cli.File("q.sql", "SELECT 1");

            Assert.Equal(2, await cli.Run(engine, "check-sql", "--registry", "registry.json", "q.sql"));

            Assert.Equal(
                "sargable: invalid registry: registry.json (3,62): tables.deployments.indexes[0].columns must be a non-empty array of column names.\n",
                cli.Stderr);
            Assert.Empty(engine.Calls);
        }

        [Fact]
        public async Task Registry_json_that_is_not_json_is_reported_with_position()
        {
            cli.File("registry.json", "{ \"tables\": { } ");

            Assert.Equal(2, await cli.Run(new FakeEngine(), "check-sql", "--registry", "registry.json", "-"));
            Assert.StartsWith("sargable: invalid registry: registry.json (1,17): invalid JSON: the object that starts at (1,1) is not closed", cli.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_registry_reaches_the_engine()
        {
            var engine = new FakeEngine();
            cli.File("registry.json", "{\"tables\": {\"deployments\": {\"indexes\": [{\"name\": \"ix\", \"columns\": [\"project_id\"]}]}}}");
            cli.File("q.sql", "SELECT 1");

            Assert.Equal(0, await cli.Run(engine, "check-sql", "--registry", "registry.json", "q.sql"));

            var (registry, script) = Assert.Single(engine.Calls);
            Assert.Equal("ix", registry.Find("deployments")!.Indexes.Single().Name);
            Assert.Equal("SELECT 1", script);
        }

        [Fact]
        public async Task Without_a_registry_the_engine_gets_an_empty_one()
        {
            var engine = new FakeEngine();
            cli.Stdin = "SELECT 1";

            Assert.Equal(0, await cli.Run(engine, "check-sql"));
            Assert.Empty(Assert.Single(engine.Calls).Registry.Tables);
        }

        [Fact]
        public async Task An_engine_failure_is_exit_2_with_the_input_named_and_no_report()
        {
            cli.File("a.sql", "SELECT 1;");
            cli.File("b.sql", "SELECT 2;");
            var engine = new FakeEngine { FailOn = "SELECT 2;" };

            Assert.Equal(2, await cli.Run(engine, "check-sql", "a.sql", "b.sql"));

            Assert.Equal("sargable: could not check 'b.sql': the rules engine failed (InvalidOperationException: engine bug).\n", cli.Stderr);
            Assert.Equal(string.Empty, cli.Stdout);
        }

        // ---- exit codes and --fail-on ----

        [Theory]
        [InlineData("SELECT 1;", null, 0)]
        [InlineData("SELECT warn;", null, 1)]
        [InlineData("SELECT info;", null, 0)]
        [InlineData("SELECT info;", "info", 1)]
        [InlineData("SELECT warn;", "info", 1)]
        [InlineData("SELECT warn;", "warning", 1)]
        [InlineData("SELECT warn;", "error", 0)]
        [InlineData("SELECT err;", "error", 1)]
        [InlineData("SELECT err;", null, 1)]
        [InlineData("SELECT broken;", null, 2)]
        [InlineData("SELECT broken; SELECT err;", "error", 2)]
        [InlineData("SELECT broken;", "error", 2)]
        public async Task Exit_code_follows_fail_on_and_parse_errors_win(string sql, string? failOn, int expected)
        {
            cli.File("q.sql", sql);
            var args = failOn is null ? new[] { "check-sql", "q.sql" } : new[] { "check-sql", "--fail-on", failOn, "q.sql" };

            Assert.Equal(expected, await cli.Run(new FakeEngine(), args));
            Assert.Equal(string.Empty, cli.Stderr);
            Assert.EndsWith(" parse errors\n", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Findings_in_any_of_several_files_fail_the_run()
        {
            cli.File("a.sql", "SELECT 1;");
            cli.File("b.sql", "SELECT warn;");

            Assert.Equal(1, await cli.Run(new FakeEngine(), "check-sql", "a.sql", "b.sql"));
            Assert.StartsWith("b.sql:1:8: warning SARG0003:", cli.Stdout, StringComparison.Ordinal);
            Assert.EndsWith("2 statements, 1 findings (0 errors, 1 warnings, 0 infos), 0 parse errors\n", cli.Stdout, StringComparison.Ordinal);
        }

        // ---- inputs and formats ----

        [Fact]
        public async Task Reads_standard_input_when_no_file_is_given_and_for_dash()
        {
            var engine = new FakeEngine();
            cli.Stdin = "SELECT warn;";
            cli.File("a.sql", "SELECT 1;");

            Assert.Equal(1, await cli.Run(engine, "check-sql", "--format", "json", "a.sql", "-"));

            Assert.Equal(["SELECT 1;", "SELECT warn;"], engine.Calls.Select(c => c.Script).ToArray());
            var statements = JsonDocument.Parse(cli.Stdout).RootElement.GetProperty("statements").EnumerateArray().ToArray();
            Assert.Equal("a.sql", statements[0].GetProperty("file").GetString());
            Assert.False(statements[1].TryGetProperty("file", out _));
            Assert.Equal("warning", statements[1].GetProperty("findings")[0].GetProperty("severity").GetString());
        }

        [Fact]
        public async Task Text_report_points_at_the_file_line_and_column()
        {
            cli.Stdin = "SELECT 1;\nSELECT a\n  FROM t WHERE warn;";

            Assert.Equal(1, await cli.Run(new FakeEngine(), "check-sql"));

            Assert.StartsWith(
                "stdin:3:16: warning SARG0003: No index serves the filter on project_id together with ORDER BY updated_at.\n" +
                "    FROM t WHERE warn;\n" +
                "                 ^\n",
                cli.Stdout,
                StringComparison.Ordinal);
        }

        [Fact]
        public async Task Parse_errors_are_reported_and_exit_2()
        {
            cli.File("q.sql", "SELECT 1;\nSELECT broken;");

            Assert.Equal(2, await cli.Run(new FakeEngine(), "check-sql", "q.sql"));
            Assert.StartsWith("q.sql:2:8: error: syntax error at or near \"broken\"\n  SELECT broken;\n         ^\n", cli.Stdout, StringComparison.Ordinal);
            Assert.EndsWith("2 statements, 0 findings (0 errors, 0 warnings, 0 infos), 1 parse errors\n", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Sarif_output_uses_paths_relative_to_the_working_directory()
        {
            cli.File(Path.Combine("db", "q.sql"), "SELECT err;");

            Assert.Equal(1, await cli.Run(new FakeEngine(), "check-sql", "--format", "sarif", Path.Combine(cli.Directory, "db", "q.sql")));

            var run = JsonDocument.Parse(cli.Stdout).RootElement.GetProperty("runs")[0];
            var result = Assert.Single(run.GetProperty("results").EnumerateArray());
            Assert.Equal("error", result.GetProperty("level").GetString());
            Assert.Equal("db/q.sql", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }

        [Fact]
        public async Task An_empty_input_is_zero_statements_and_success()
        {
            cli.File("empty.sql", string.Empty);

            Assert.Equal(0, await cli.Run(new FakeEngine(), "check-sql", "empty.sql"));
            Assert.Equal("0 statements, 0 findings (0 errors, 0 warnings, 0 infos), 0 parse errors\n", cli.Stdout);
        }
    }
}
