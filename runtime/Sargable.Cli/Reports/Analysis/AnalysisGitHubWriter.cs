using System.IO;
using Sargable.Cli.Analyze;

namespace Sargable.Cli.Reports.Analysis
{
    /// <summary>
    /// <c>--format github</c>: one workflow command per reported finding (baselined ones left out), one <c>::error</c>
    /// per project that was not analyzed, then the summary line as plain text.
    /// </summary>
    internal sealed class AnalysisGitHubWriter : IAnalysisReportWriter
    {
        public void Write(AnalysisResult result, TextWriter output)
        {
            foreach (var finding in result.Reported)
            {
                GitHubCommands.Annotate(
                    output,
                    GitHubCommands.Level(finding.Severity),
                    GitHubCommands.FilePath(result.BaseDirectory, finding.Path),
                    finding.Line,
                    finding.Column,
                    finding.EndLine,
                    finding.EndColumn,
                    finding.RuleId,
                    finding.Message);
            }

            foreach (var failure in result.Failures)
            {
                GitHubCommands.Annotate(output, "error", GitHubCommands.FilePath(result.BaseDirectory, failure.Project), 1, 1, null, null, "Sargable: project not analyzed", failure.Reason + " " + failure.Remedy);
            }

            output.WriteLine("Sargable: " + result.Summary());
        }
    }
}
