using System.IO;
using Sargable.Cli.Reports;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Cli.Tests
{
    public sealed class TextReportWriterTests
    {
        private const string Script = "SELECT id FROM deployments\nWHERE project_id = $1 ORDER BY updated_at LIMIT 50;\nSELECT FROM WHERE;\n";

        private static string Write(IndexRegistry? registry, params CheckedFile[] files)
        {
            using var output = new StringWriter { NewLine = "\n" };
            new TextReportWriter(registry).Write(files, output);
            return output.ToString();
        }

        [Fact]
        public void Writes_each_finding_with_caret_indexes_and_help_then_the_summary()
        {
            var finding = Verdicts.Finding(
                closest: "index_deployments_on_project_id",
                suggested: "CREATE INDEX CONCURRENTLY index_deployments_on_project_id_updated_at ON deployments (project_id, updated_at);",
                location: new SourceLocation(27 + 31, 2, 32));
            var file = new CheckedFile("queries.sql", Script,
            [
                Verdicts.Statement(0, 1, 1, "SELECT id FROM deployments\nWHERE project_id = $1 ORDER BY updated_at LIMIT 50", finding),
                Verdicts.ParseFailure(1, 3, 1, "SELECT FROM WHERE", "syntax error at or near \"WHERE\"", 3, 13),
            ]);

            var text = Write(null, file);

            Assert.Equal(
                "queries.sql:2:32: warning SARG0003: No index serves the filter on project_id together with ORDER BY updated_at.\n" +
                "  WHERE project_id = $1 ORDER BY updated_at LIMIT 50;\n" +
                "                                 ^\n" +
                "  closest index: index_deployments_on_project_id\n" +
                "  suggested: CREATE INDEX CONCURRENTLY index_deployments_on_project_id_updated_at ON deployments (project_id, updated_at);\n" +
                $"  help: {RuleCatalog.HelpLink(RuleIds.FilterOrderMismatch)}\n" +
                "\n" +
                "queries.sql:3:13: error: syntax error at or near \"WHERE\"\n" +
                "  SELECT FROM WHERE;\n" +
                "              ^\n" +
                "\n" +
                "2 statements, 1 findings (0 errors, 1 warnings, 0 infos), 1 parse errors\n",
                text);
        }

        [Fact]
        public void Omits_absent_index_lines_and_falls_back_to_the_statement_start()
        {
            var file = new CheckedFile(null, "  SELECT * FROM events;", [Verdicts.Statement(0, 1, 3, "SELECT * FROM events", Verdicts.Finding(RuleIds.UnboundedRead, Severity.Info, "events", [], "events is read whole."))]);

            var text = Write(null, file);

            Assert.Equal(
                "stdin:1:3: info SARG0001: events is read whole.\n" +
                "    SELECT * FROM events;\n" +
                "    ^\n" +
                $"  help: {RuleCatalog.HelpLink(RuleIds.UnboundedRead)}\n" +
                "\n" +
                "1 statements, 1 findings (0 errors, 0 warnings, 1 infos), 0 parse errors\n",
                text);
        }

        [Fact]
        public void Describes_the_closest_index_with_its_columns_when_the_registry_knows_it()
        {
            var registry = new IndexRegistry([new RegisteredTable("deployments", [new IndexDefinition("ix_project", [new IndexColumn("project_id"), new IndexColumn("created_at", descending: true)])], schema: "public")]);
            var file = new CheckedFile("a.sql", "SELECT 1", [Verdicts.Statement(0, 1, 1, "SELECT 1", Verdicts.Finding(table: "public.deployments", closest: "ix_project"))]);

            Assert.Contains("  closest index: ix_project (project_id, created_at DESC)\n", Write(registry, file), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Counts_every_severity_over_all_files()
        {
            var a = new CheckedFile("a.sql", "x", [Verdicts.Statement(0, 1, 1, "x", Verdicts.Finding(severity: Severity.Error), Verdicts.Finding(severity: Severity.Warning))]);
            var b = new CheckedFile("b.sql", "y", [Verdicts.Statement(0, 1, 1, "y"), Verdicts.Statement(1, 1, 1, "y", Verdicts.Finding(severity: Severity.Info))]);

            var text = Write(null, a, b);

            Assert.EndsWith("\n3 statements, 3 findings (1 errors, 1 warnings, 1 infos), 0 parse errors\n", text, System.StringComparison.Ordinal);
            Assert.Contains("a.sql:1:1: error SARG0003:", text, System.StringComparison.Ordinal);
            Assert.Contains("b.sql:1:1: info SARG0003:", text, System.StringComparison.Ordinal);
        }

        [Fact]
        public void An_empty_input_writes_only_the_summary()
        {
            Assert.Equal("0 statements, 0 findings (0 errors, 0 warnings, 0 infos), 0 parse errors\n", Write(null, new CheckedFile(null, string.Empty, [])));
        }
    }
}
