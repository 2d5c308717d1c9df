using System.IO;
using System.Linq;
using Sargable.Cli.Analyze;

namespace Sargable.Cli.Reports.Analysis
{
    /// <summary>
    /// <c>--format json</c> (docs/cli.md): the projects analyzed, every finding with its fingerprint and baseline state
    /// (baselined ones too, marked <c>unchanged</c>), the projects that failed with reason and remedy, and the counts.
    /// </summary>
    internal sealed class AnalysisJsonWriter : IAnalysisReportWriter
    {
        public void Write(AnalysisResult result, TextWriter output) => JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("projects");
            foreach (var project in result.Projects)
            {
                json.WriteStringValue(project);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.RuleId);
                json.WriteString("severity", SeverityNames.Name(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("project", finding.Project);
                json.WriteString("path", GitHubCommands.FilePath(result.BaseDirectory, finding.Path));
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteString("fingerprint", finding.Fingerprint);
                if (finding.BaselineState != BaselineState.None)
                {
                    json.WriteString("baselineState", finding.BaselineState == BaselineState.New ? "new" : "unchanged");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("failures");
            foreach (var failure in result.Failures)
            {
                json.WriteStartObject();
                json.WriteString("project", failure.Project);
                json.WriteString("reason", failure.Reason);
                json.WriteString("remedy", failure.Remedy);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var reported = result.Reported.ToList();
            json.WriteStartObject("summary");
            json.WriteNumber("findings", reported.Count);
            json.WriteNumber("errors", reported.Count(f => f.Severity == Severity.Error));
            json.WriteNumber("warnings", reported.Count(f => f.Severity == Severity.Warning));
            json.WriteNumber("infos", reported.Count(f => f.Severity == Severity.Info));
            json.WriteNumber("baselined", result.Baselined);
            json.WriteNumber("goneFromBaseline", result.Disappeared);
            json.WriteNumber("projectsNotAnalyzed", result.Failures.Count);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
