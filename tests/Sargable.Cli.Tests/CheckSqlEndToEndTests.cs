using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Sargable.Cli.Tests
{
    /// <summary><c>sargable check-sql</c> with the real engine: parser, shapes, rules and the DDL or JSON registry.</summary>
    public sealed class CheckSqlEndToEndTests : IDisposable
    {
        private const string Schema = """
            CREATE TABLE environments (id bigint PRIMARY KEY, project_id bigint NOT NULL, name text NOT NULL,
                CONSTRAINT index_environments_on_project_id_and_name UNIQUE (project_id, name));
            CREATE TABLE deployments (id bigint PRIMARY KEY, iid integer, project_id bigint, environment_id bigint,
                sha bytea, updated_at timestamptz, finished_at timestamptz);
            CREATE INDEX index_deployments_on_project_and_env_and_updated_at_id ON deployments (project_id, environment_id, updated_at, id);
            """;

        private const string Queries = """
            -- listing of one environment
            SELECT deployments.* FROM deployments
            WHERE deployments.project_id = $1 AND deployments.environment_id = $2 AND deployments.updated_at <= $3
            ORDER BY deployments.id LIMIT 20;
            SELECT id FROM deployments WHERE sha = $1;
            """;

        private readonly CliRun cli = new();

        public void Dispose() => cli.Dispose();

        [Fact]
        public async Task Text_report_shows_rule_caret_closest_index_suggestion_and_help()
        {
            cli.File("schema.sql", Schema);
            cli.File("q.sql", Queries);

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "q.sql"));

            var lines = cli.Stdout.Split('\n');
            var qg0003 = Array.FindIndex(lines, l => l.StartsWith("q.sql:3:75: warning SARG0003: deployments is filtered by a range on updated_at but ordered by id", StringComparison.Ordinal));
            Assert.True(qg0003 >= 0, cli.Stdout);
            Assert.Equal(new string(' ', 2 + 74) + "^", lines[qg0003 + 2]);
            Assert.Contains("  closest index: index_deployments_on_project_and_env_and_updated_at_id", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("q.sql:5:34: warning SARG0006: No index on deployments starts with the filtered column sha", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("  suggested: CREATE INDEX CONCURRENTLY index_deployments_on_sha ON deployments (sha)", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("  help: " + RuleCatalog.HelpLink(RuleIds.FilterOrderMismatch), cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("2 statements, 2 findings (0 errors, 2 warnings, 0 infos), 0 parse errors", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_lone_boolean_filter_on_a_large_table_suggests_a_partial_index()
        {
            cli.File("registry.json", """
                { "version": 1, "tables": { "sites": { "estimatedRows": 500000,
                  "indexes": [ { "name": "sites_pkey", "columns": ["id"], "primaryKey": true } ] } } }
                """);
            cli.File("q.sql", "SELECT id FROM sites WHERE is_default;\nSELECT id FROM sites WHERE NOT (is_default);\nSELECT id FROM sites WHERE status = 2;");

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--registry", "registry.json", "q.sql"));

            Assert.Contains("  suggested: CREATE INDEX CONCURRENTLY index_sites_on_id_where_is_default ON sites (id) WHERE is_default\n", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("  suggested: CREATE INDEX CONCURRENTLY index_sites_on_id_where_not_is_default ON sites (id) WHERE NOT is_default\n", cli.Stdout, StringComparison.Ordinal);

            // SQL text does not tell an enumeration from any other integer, so status = 2 gets the plain index.
            Assert.Contains("  suggested: CREATE INDEX CONCURRENTLY index_sites_on_status ON sites (status)\n", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_registry_that_marks_an_enumeration_column_gets_the_partial_index_for_a_literal()
        {
            cli.File("registry.json", """
                { "version": 1, "tables": { "sites": { "estimatedRows": 500000, "columns": { "status": "enumeration" },
                  "indexes": [ { "name": "sites_pkey", "columns": ["id"], "primaryKey": true } ] } } }
                """);
            cli.File("q.sql", "SELECT id FROM sites WHERE status = 2;\nSELECT id FROM sites WHERE status = $1;");

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--registry", "registry.json", "q.sql"));

            Assert.Contains("  suggested: CREATE INDEX CONCURRENTLY index_sites_on_id_where_status_2 ON sites (id) WHERE status = 2\n", cli.Stdout, StringComparison.Ordinal);

            // A parameter's value is unknown: no predicate to write, so the plain index.
            Assert.Contains("  suggested: CREATE INDEX CONCURRENTLY index_sites_on_status ON sites (status)\n", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_lone_boolean_filter_on_a_small_table_is_not_reported()
        {
            cli.File("registry.json", """
                { "version": 1, "tables": { "sites": { "estimatedRows": 12,
                  "indexes": [ { "name": "sites_pkey", "columns": ["id"], "primaryKey": true } ] } } }
                """);
            cli.File("q.sql", "SELECT id FROM sites WHERE is_default = true;");

            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--registry", "registry.json", "q.sql"));
            Assert.Contains("1 statements, 0 findings", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fail_on_error_lets_warnings_pass()
        {
            cli.File("schema.sql", Schema);
            cli.File("q.sql", Queries);

            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "--fail-on", "error", "q.sql"));
        }

        [Fact]
        public async Task Unparsable_sql_exits_2_with_the_parsers_position_given_once()
        {
            cli.File("q.sql", "SELECT 1;\nSELECT id FROM WHERE x;");

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "q.sql"));
            Assert.Contains("q.sql:2:16: error: expected a table name", cli.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("Line 2", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_unclosed_block_comment_is_a_parse_error_at_its_start_not_the_end_of_the_file()
        {
            cli.File("q.sql", "SELECT 1;\n/* never closed\nSELECT * FROM deployments;");

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "q.sql"));
            Assert.Contains("q.sql:2:1: error: unterminated block comment: expected '*/' but found end of input.", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("2 statements, 0 findings (0 errors, 0 warnings, 0 infos), 1 parse errors", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task On_parse_error_warn_reports_a_warning_checks_the_rest_and_exits_on_findings_alone()
        {
            cli.File("q.sql", "SELECT id FROM WHERE x;\nSELECT * FROM audit_events;");

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--on-parse-error", "warn", "q.sql"));
            Assert.Contains("q.sql:1:16: warning: expected a table name", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("q.sql:2:15: warning SARG0001: audit_events", cli.Stdout, StringComparison.Ordinal);
            Assert.EndsWith("2 statements, 1 findings (0 errors, 1 warnings, 0 infos), 0 parse errors, 1 parse warnings\n", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task On_parse_error_warn_with_only_unparsable_statements_exits_0()
        {
            cli.File("q.sql", "SELECT id FROM WHERE x;");

            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--on-parse-error", "warn", "q.sql"));
        }

        [Fact]
        public async Task On_parse_error_fail_is_the_default()
        {
            cli.File("q.sql", "SELECT id FROM WHERE x;");

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "--on-parse-error", "fail", "q.sql"));
            Assert.Contains("q.sql:1:16: error: ", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task On_parse_error_warn_marks_the_json_parse_error_as_a_warning()
        {
            cli.File("q.sql", "SELECT id FROM WHERE x;");

            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--on-parse-error", "warn", "--format", "json", "q.sql"));
            using var document = JsonDocument.Parse(cli.Stdout);
            var parseError = document.RootElement.GetProperty("statements")[0].GetProperty("parseError");
            Assert.Equal("warning", parseError.GetProperty("severity").GetString());
        }

        [Fact]
        public async Task On_parse_error_warn_makes_the_sarif_notification_a_warning_and_the_run_successful()
        {
            cli.File("q.sql", "SELECT id FROM WHERE x;");

            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "--on-parse-error", "warn", "--format", "sarif", "q.sql"));
            using var document = JsonDocument.Parse(cli.Stdout);
            var invocation = document.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
            Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
            Assert.Equal("warning", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("level").GetString());
        }

        [Fact]
        public async Task Control_characters_from_the_sql_file_are_escaped_in_the_text_report()
        {
            // ESC ] 0 ; title BEL retitles a terminal, ESC [ 2 J clears it, U+202E reverses the text after it.
            cli.File("q.sql", "SELECT * FROM \"audit\u001B]0;pwned\u0007\u001B[2J\u202Eevents\";");

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "q.sql"));
            Assert.DoesNotContain(cli.Stdout, c => c is '\u001B' or '\u0007' or '\u202E');
            Assert.Contains("audit\\x1B]0;pwned\\x07\\x1B[2J\\u202Eevents", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_report_has_the_documented_fields()
        {
            cli.File("schema.sql", Schema);
            cli.Stdin = Queries;

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "--format", "json"));

            using var document = JsonDocument.Parse(cli.Stdout);
            var statements = document.RootElement.GetProperty("statements").EnumerateArray().ToList();
            Assert.Equal(2, statements.Count);
            Assert.Equal(1, statements[0].GetProperty("line").GetInt32());
            var finding = statements[1].GetProperty("findings").EnumerateArray().Single();
            Assert.Equal("SARG0006", finding.GetProperty("rule").GetString());
            Assert.Equal("warning", finding.GetProperty("severity").GetString());
            Assert.Equal("deployments", finding.GetProperty("table").GetString());
            Assert.Equal(new[] { "sha" }, finding.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_sha ON deployments (sha)", finding.GetProperty("suggestedIndex").GetString());
            Assert.Equal(JsonValueKind.Null, statements[1].GetProperty("parseError").ValueKind);
        }

        [Fact]
        public async Task Sarif_report_carries_rule_level_and_region()
        {
            cli.File("schema.sql", Schema);
            cli.File("q.sql", Queries);

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "--format", "sarif", "q.sql"));

            using var document = JsonDocument.Parse(cli.Stdout);
            var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var qg0003 = results.Single(r => r.GetProperty("ruleId").GetString() == "SARG0003");
            Assert.Equal("warning", qg0003.GetProperty("level").GetString());
            var region = qg0003.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal((3, 75), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
        }

        [Fact]
        public async Task A_small_table_in_a_json_registry_is_exempt_from_full_scan_rules()
        {
            cli.File("registry.json", """{ "tables": { "settings": { "small": true, "indexes": [] }, "audit_events": { "small": false, "indexes": [] } } }""");
            cli.Stdin = "SELECT * FROM settings;\nSELECT * FROM audit_events;";

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--registry", "registry.json"));
            Assert.DoesNotContain("SARG0001: settings", cli.Stdout, StringComparison.Ordinal);
            Assert.Contains("stdin:2:15: warning SARG0001: audit_events is read with no filter and no row limit", cli.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_invalid_schema_script_exits_2_naming_the_file_and_position()
        {
            cli.File("schema.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX ON (a);");
            cli.File("q.sql", "SELECT 1");

            Assert.Equal(2, await cli.Run(engine: null, "check-sql", "--schema", "schema.sql", "q.sql"));
            Assert.StartsWith("sargable: cannot load the schema 'schema.sql': Line 2", cli.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_readmes_sample_reports_its_four_slow_queries_and_passes_the_fixed_ones()
        {
            var root = Sargable.Testing.RepositoryPaths.Root;
            var schema = System.IO.Path.Combine(root, "samples", "sql", "schema.sql");
            var queries = System.IO.Path.Combine(root, "samples", "sql", "queries.sql");

            Assert.Equal(1, await cli.Run(engine: null, "check-sql", "--schema", schema, "--format", "json", queries));

            using var document = JsonDocument.Parse(cli.Stdout);
            var rules = document.RootElement.GetProperty("statements").EnumerateArray()
                .SelectMany(s => s.GetProperty("findings").EnumerateArray().Select(f => (s.GetProperty("line").GetInt32(), f.GetProperty("rule").GetString()!)))
                .ToList();
            // A statement starts at its leading comments (they belong to it, as EF's tags do).
            Assert.Equal(new[] { (1, "SARG0002"), (16, "SARG0003"), (26, "SARG0008"), (32, "SARG0001") }, rules);
        }

        [Fact]
        public async Task Empty_input_and_comment_only_files_have_no_statements()
        {
            cli.File("empty.sql", "-- nothing here\n/* nor here */\n");

            Assert.Equal(0, await cli.Run(engine: null, "check-sql", "empty.sql"));
            Assert.Contains("0 statements, 0 findings", cli.Stdout, StringComparison.Ordinal);
        }
    }
}
