using System.Collections.Generic;
using System.IO;

namespace Sargable.Cli.Reports
{
    /// <summary>
    /// <c>check-sql --format github</c>: one GitHub Actions workflow command per finding and per statement that failed to
    /// parse (<c>::error</c>), then the summary line as plain text. Paths are relative to the working directory.
    /// </summary>
    internal sealed class GitHubReportWriter : IReportWriter
    {
        private readonly string workingDirectory;

        public GitHubReportWriter(string workingDirectory) => this.workingDirectory = workingDirectory;

        public void Write(IReadOnlyList<CheckedFile> files, TextWriter output)
        {
            foreach (var file in files)
            {
                var path = file.Path is null ? null : GitHubCommands.FilePath(workingDirectory, file.Path);
                foreach (var verdict in file.Verdicts)
                {
                    if (verdict.ParseError is { } error)
                    {
                        GitHubCommands.Annotate(output, "error", path, error.Line, error.Column, null, null, "Sargable: statement not parsed", error.Message);
                    }

                    foreach (var finding in verdict.Findings)
                    {
                        var message = finding.SuggestedIndex is null ? finding.Message : finding.Message + " Suggested index: " + finding.SuggestedIndex;
                        GitHubCommands.Annotate(
                            output,
                            GitHubCommands.Level(finding.Severity),
                            path,
                            finding.Location?.Line ?? verdict.Line,
                            finding.Location?.Column ?? verdict.Column,
                            null,
                            null,
                            finding.RuleId,
                            message);
                    }
                }
            }

            output.WriteLine("Sargable: " + ReportSummary.Of(files));
        }
    }
}
