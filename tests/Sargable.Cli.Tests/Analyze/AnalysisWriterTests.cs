using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sargable.Cli.Analyze;
using Sargable.Cli.Reports.Analysis;

namespace Sargable.Cli.Tests.Analyze
{
    /// <summary>The SARIF and GitHub writers of <c>analyze</c>, checked against their formats on a result built in memory.</summary>
    public sealed class AnalysisWriterTests
    {
        private const string Base = "/repo";

        private static readonly Regex WorkflowCommand = new(
            "^::(error|warning|notice) file=[^,:]+,line=[1-9][0-9]*,col=[1-9][0-9]*(,endLine=[1-9][0-9]*)?(,endColumn=[1-9][0-9]*)?,title=[^,:]+::[^\\r\\n]*$",
            RegexOptions.CultureInvariant);

        [Fact]
        public void Sarif_has_the_2_1_0_shape_with_partial_fingerprints_and_baseline_states()
        {
            var result = Result(baseline: true);

            using var sarif = JsonDocument.Parse(Write(new AnalysisSarifWriter(), result));

            var root = sarif.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
            var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(2, results.Count);
            foreach (var item in results)
            {
                Assert.Equal(item.GetProperty("ruleId").GetString(), rules[item.GetProperty("ruleIndex").GetInt32()]);
                Assert.Contains(item.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
                var region = item.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
                Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                Assert.StartsWith("cs:", item.GetProperty("partialFingerprints").GetProperty(AnalysisSarifWriter.FingerprintKey).GetString(), StringComparison.Ordinal);
            }

            Assert.Equal("src/Orders.cs", results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("unchanged", results[0].GetProperty("baselineState").GetString());
            Assert.Equal("external", results[0].GetProperty("suppressions")[0].GetProperty("kind").GetString());
            Assert.Equal("new", results[1].GetProperty("baselineState").GetString());
            Assert.False(results[1].TryGetProperty("suppressions", out _));
        }

        [Fact]
        public void Sarif_has_no_baseline_state_without_a_baseline()
        {
            using var sarif = JsonDocument.Parse(Write(new AnalysisSarifWriter(), Result(baseline: false)));

            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();
            Assert.All(results, r => Assert.False(r.TryGetProperty("baselineState", out _)));
        }

        [Fact]
        public void Sarif_lists_a_project_that_was_not_analyzed_as_an_error_notification()
        {
            var result = new AnalysisResult([], [], [new ProjectFailure("/repo/Broken/Broken.csproj", "it did not load: SDK missing.", "Install it.")], Base);

            using var sarif = JsonDocument.Parse(Write(new AnalysisSarifWriter(), result));

            var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
            Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
            var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
            Assert.Equal("error", notification.GetProperty("level").GetString());
            Assert.Contains("Broken.csproj was not analyzed", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public void GitHub_format_writes_one_workflow_command_per_new_finding_then_the_summary()
        {
            var lines = Write(new AnalysisGitHubWriter(), Result(baseline: true)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(2, lines.Length);
            Assert.Matches(WorkflowCommand, lines[0]);
            Assert.StartsWith("::warning file=src/Service.cs,line=30,col=9,endLine=30,endColumn=20,title=SARG0004::", lines[0], StringComparison.Ordinal);
            Assert.Equal("Sargable: 1 findings (0 errors, 1 warnings, 0 infos) in 1 projects, 1 baselined, 0 gone from the baseline", lines[1]);
        }

        [Fact]
        public void GitHub_format_escapes_percent_line_breaks_commas_and_colons()
        {
            var finding = new AnalyzedFinding(RuleIds.UnboundedRead, Severity.Error, "100% of rows:\nall, read", "App", "/repo/a,b:c.cs", 1, 2, 3, 4, "cs:0");
            var result = new AnalysisResult(["App"], [finding], [], Base);

            var line = Write(new AnalysisGitHubWriter(), result).Split('\n')[0];

            Assert.Matches(WorkflowCommand, line);
            Assert.Equal("::error file=a%2Cb%3Ac.cs,line=1,col=2,endLine=3,title=SARG0001::100%25 of rows:%0Aall, read", line);
        }

        private static AnalysisResult Result(bool baseline)
        {
            var old = new AnalyzedFinding(RuleIds.UnboundedRead, Severity.Warning, "Orders is read whole.", "App", "/repo/src/Orders.cs", 12, 5, 12, 30, "cs:1111");
            var added = new AnalyzedFinding(RuleIds.QueryInLoop, Severity.Warning, "N+1.", "App", "/repo/src/Service.cs", 30, 9, 30, 20, "cs:2222");
            if (baseline)
            {
                old.BaselineState = BaselineState.Unchanged;
                added.BaselineState = BaselineState.New;
            }

            return new AnalysisResult(["App"], [old, added], [], Base) { BaselinePath = baseline ? "/repo/sargable.baseline.json" : null };
        }

        private static string Write(IAnalysisReportWriter writer, AnalysisResult result)
        {
            using var output = new StringWriter { NewLine = "\n" };
            writer.Write(result, output);
            return output.ToString();
        }
    }
}
