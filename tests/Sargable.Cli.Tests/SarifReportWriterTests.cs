using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Sargable.Cli.Reports;
using Sargable.Shapes;

namespace Sargable.Cli.Tests
{
    public sealed class SarifReportWriterTests
    {
        private static readonly string WorkingDirectory = Path.Combine(Path.GetTempPath(), "sargable-sarif-work");

        private static JsonElement Write(params CheckedFile[] files)
        {
            using var output = new StringWriter();
            new SarifReportWriter(WorkingDirectory).Write(files, output);
            return JsonDocument.Parse(output.ToString()).RootElement.Clone();
        }

        private static JsonElement Run(JsonElement root) => Assert.Single(root.GetProperty("runs").EnumerateArray());

        [Fact]
        public void Is_a_sarif_2_1_0_log_with_one_run_and_every_catalog_rule()
        {
            var root = Write(new CheckedFile("q.sql", "x", [Verdicts.Statement(0, 1, 1, "x")]));

            Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            var driver = Run(root).GetProperty("tool").GetProperty("driver");
            Assert.Equal("Sargable", driver.GetProperty("name").GetString());
            Assert.True(Uri.IsWellFormedUriString(driver.GetProperty("informationUri").GetString(), UriKind.Absolute));
            Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));

            var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
            Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
            for (var i = 0; i < rules.Length; i++)
            {
                var descriptor = RuleCatalog.All[i];
                Assert.Equal(descriptor.Title, rules[i].GetProperty("shortDescription").GetProperty("text").GetString());
                Assert.Equal(descriptor.Summary, rules[i].GetProperty("fullDescription").GetProperty("text").GetString());
                Assert.Equal(descriptor.HelpLink, rules[i].GetProperty("helpUri").GetString());
                Assert.Equal(SarifReportWriter.Level(descriptor.DefaultSeverity), rules[i].GetProperty("defaultConfiguration").GetProperty("level").GetString());
                Assert.Matches("^[A-Z][A-Za-z0-9]+$", rules[i].GetProperty("name").GetString());
            }

            Assert.Equal("UnboundedRead", rules[0].GetProperty("name").GetString());
            Assert.Empty(Run(root).GetProperty("results").EnumerateArray());
            var invocation = Assert.Single(Run(root).GetProperty("invocations").EnumerateArray());
            Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        }

        [Fact]
        public void Results_carry_rule_level_message_and_location()
        {
            var root = Write(new CheckedFile("sql/q.sql", "x",
            [
                Verdicts.Statement(
                    0, 1, 1, "x",
                    Verdicts.Finding(RuleIds.LargeOffset, Severity.Error, message: "OFFSET 5000 skips rows.", location: new SourceLocation(10, 4, 7)),
                    Verdicts.Finding(RuleIds.FilterOrderMismatch, Severity.Warning, suggested: "CREATE INDEX CONCURRENTLY ix ON deployments (project_id, updated_at);"),
                    Verdicts.Finding(RuleIds.UnboundedRead, Severity.Info)),
            ]));

            var run = Run(root);
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
            var results = run.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(["error", "warning", "note"], results.Select(r => r.GetProperty("level").GetString()!).ToArray());
            foreach (var result in results)
            {
                var ruleId = result.GetProperty("ruleId").GetString();
                Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
                Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
                var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
                Assert.Equal("sql/q.sql", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            }

            var region = results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal(4, region.GetProperty("startLine").GetInt32());
            Assert.Equal(7, region.GetProperty("startColumn").GetInt32());
            Assert.Equal("OFFSET 5000 skips rows.", results[0].GetProperty("message").GetProperty("text").GetString());
            Assert.EndsWith("Suggested index: CREATE INDEX CONCURRENTLY ix ON deployments (project_id, updated_at);", results[1].GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("deployments", results[1].GetProperty("properties").GetProperty("table").GetString());

            var statementStart = results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal(1, statementStart.GetProperty("startLine").GetInt32());
        }

        [Fact]
        public void Parse_errors_are_error_notifications_of_an_unsuccessful_invocation()
        {
            var root = Write(new CheckedFile(null, "x", [Verdicts.ParseFailure(0, 1, 1, "SELEC", "syntax error at or near \"SELEC\"", 2, 3)]));

            var run = Run(root);
            Assert.Empty(run.GetProperty("results").EnumerateArray());
            var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray());
            Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
            var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
            Assert.Equal("error", notification.GetProperty("level").GetString());
            Assert.Equal("syntax error at or near \"SELEC\"", notification.GetProperty("message").GetProperty("text").GetString());
            Assert.Equal(SarifReportWriter.ParseErrorNotificationId, notification.GetProperty("descriptor").GetProperty("id").GetString());
            var location = notification.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("stdin", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(3, location.GetProperty("region").GetProperty("startColumn").GetInt32());

            var notifications = run.GetProperty("tool").GetProperty("driver").GetProperty("notifications");
            Assert.Equal(SarifReportWriter.ParseErrorNotificationId, notifications[0].GetProperty("id").GetString());
        }

        [Fact]
        public void Artifact_uris_are_relative_inside_the_working_directory_and_file_uris_outside()
        {
            var writer = new SarifReportWriter(WorkingDirectory);

            Assert.Equal("stdin", writer.ArtifactUri(null));
            Assert.Equal("q.sql", writer.ArtifactUri("./q.sql"));
            Assert.Equal("db/my%20queries.sql", writer.ArtifactUri(Path.Combine("db", "my queries.sql")));
            Assert.Equal("db/q.sql", writer.ArtifactUri(Path.Combine(WorkingDirectory, "db", "q.sql")));
            var outside = Path.Combine(Path.GetTempPath(), "elsewhere", "q.sql");
            Assert.Equal(new Uri(outside).AbsoluteUri, writer.ArtifactUri(outside));
            Assert.StartsWith("file:///", writer.ArtifactUri(Path.Combine("..", "up.sql")), StringComparison.Ordinal);
        }
    }
}
