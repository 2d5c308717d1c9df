using System.IO;
using System.Linq;
using System.Text.Json;
using Sargable.Cli.Reports;
using Sargable.Shapes;

namespace Sargable.Cli.Tests
{
    public sealed class JsonReportWriterTests
    {
        private static JsonElement Write(params CheckedFile[] files)
        {
            using var output = new StringWriter();
            new JsonReportWriter().Write(files, output);
            return JsonDocument.Parse(output.ToString()).RootElement.Clone();
        }

        private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

        [Fact]
        public void Writes_the_documented_shape_with_the_specified_fields()
        {
            var finding = Verdicts.Finding(
                columns: ["updated_at", "id"],
                closest: "index_deployments_on_project_id",
                suggested: "CREATE INDEX CONCURRENTLY ix ON deployments (project_id, updated_at, id);",
                location: new SourceLocation(40, 2, 31));
            var root = Write(new CheckedFile(null, "SELECT ...", [Verdicts.Statement(0, 1, 1, "SELECT ... WHERE a > 1", finding)]));

            Assert.Equal(["statements"], Names(root));
            var statement = Assert.Single(root.GetProperty("statements").EnumerateArray());
            Assert.Equal(["index", "line", "column", "text", "parseError", "findings"], Names(statement));
            Assert.Equal(0, statement.GetProperty("index").GetInt32());
            Assert.Equal(1, statement.GetProperty("line").GetInt32());
            Assert.Equal(JsonValueKind.Null, statement.GetProperty("parseError").ValueKind);
            Assert.Equal("SELECT ... WHERE a > 1", statement.GetProperty("text").GetString());

            var f = Assert.Single(statement.GetProperty("findings").EnumerateArray());
            Assert.Equal(["rule", "severity", "table", "columns", "message", "closestIndex", "suggestedIndex", "sizeBasis", "sizeKnowledge", "line", "column", "helpUri"], Names(f));
            Assert.Equal("SARG0003", f.GetProperty("rule").GetString());
            Assert.Equal("warning", f.GetProperty("severity").GetString());
            Assert.Equal("deployments", f.GetProperty("table").GetString());
            Assert.Equal(["updated_at", "id"], f.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray());
            Assert.Equal(finding.Message, f.GetProperty("message").GetString());
            Assert.Equal("index_deployments_on_project_id", f.GetProperty("closestIndex").GetString());
            Assert.Equal("CREATE INDEX CONCURRENTLY ix ON deployments (project_id, updated_at, id);", f.GetProperty("suggestedIndex").GetString());
            Assert.Equal(2, f.GetProperty("line").GetInt32());
            Assert.Equal(31, f.GetProperty("column").GetInt32());
            Assert.Equal(RuleCatalog.HelpLink(RuleIds.FilterOrderMismatch), f.GetProperty("helpUri").GetString());
        }

        [Fact]
        public void Parse_errors_absent_indexes_and_locations_and_severities()
        {
            var root = Write(new CheckedFile("q.sql", "x",
            [
                Verdicts.ParseFailure(0, 1, 1, "SELEC 1", "syntax error at or near \"SELEC\"", 1, 1),
                Verdicts.Statement(1, 3, 5, "SELECT 2", Verdicts.Finding(severity: Severity.Error), Verdicts.Finding(severity: Severity.Info)),
            ]));

            var statements = root.GetProperty("statements").EnumerateArray().ToArray();
            Assert.Equal(2, statements.Length);
            Assert.Equal("q.sql", statements[0].GetProperty("file").GetString());
            Assert.Equal("file", Names(statements[0])[0]);
            var parseError = statements[0].GetProperty("parseError");
            Assert.Equal(["severity", "message", "line", "column"], Names(parseError));
            Assert.Equal("error", parseError.GetProperty("severity").GetString());
            Assert.Equal("syntax error at or near \"SELEC\"", parseError.GetProperty("message").GetString());
            Assert.Empty(statements[0].GetProperty("findings").EnumerateArray());

            var findings = statements[1].GetProperty("findings").EnumerateArray().ToArray();
            Assert.Equal("error", findings[0].GetProperty("severity").GetString());
            Assert.Equal("info", findings[1].GetProperty("severity").GetString());
            Assert.Equal(JsonValueKind.Null, findings[0].GetProperty("closestIndex").ValueKind);
            Assert.Equal(JsonValueKind.Null, findings[0].GetProperty("suggestedIndex").ValueKind);
            Assert.Equal(3, findings[0].GetProperty("line").GetInt32());
            Assert.Equal(5, findings[0].GetProperty("column").GetInt32());
        }

        [Fact]
        public void Concatenates_inputs_in_order_and_marks_each_statement_with_its_file()
        {
            var root = Write(
                new CheckedFile("a.sql", "x", [Verdicts.Statement(0, 1, 1, "a0"), Verdicts.Statement(1, 2, 1, "a1")]),
                new CheckedFile(null, "y", [Verdicts.Statement(0, 1, 1, "s0")]),
                new CheckedFile("b.sql", "z", [Verdicts.Statement(0, 1, 1, "b0")]));

            var statements = root.GetProperty("statements").EnumerateArray().ToArray();
            Assert.Equal(["a0", "a1", "s0", "b0"], statements.Select(s => s.GetProperty("text").GetString()!).ToArray());
            Assert.Equal("a.sql", statements[1].GetProperty("file").GetString());
            Assert.False(statements[2].TryGetProperty("file", out _));
            Assert.Equal("b.sql", statements[3].GetProperty("file").GetString());
            Assert.Equal(0, statements[3].GetProperty("index").GetInt32());
        }

        [Fact]
        public void Is_indented_with_readable_sql()
        {
            using var output = new StringWriter();
            new JsonReportWriter().Write([new CheckedFile(null, "x", [Verdicts.Statement(0, 1, 1, "SELECT 1 WHERE a <> 'b' & c")])], output);
            var text = output.ToString();

            Assert.StartsWith("{\n  \"statements\": [\n    {\n", text, System.StringComparison.Ordinal);
            Assert.Contains("\"SELECT 1 WHERE a <> 'b' & c\"", text, System.StringComparison.Ordinal);
            Assert.EndsWith("}\n", text, System.StringComparison.Ordinal);
            Assert.Equal("{\n  \"statements\": []\n}\n", WriteEmpty());
        }

        private static string WriteEmpty()
        {
            using var output = new StringWriter();
            new JsonReportWriter().Write([], output);
            return output.ToString();
        }
    }
}
