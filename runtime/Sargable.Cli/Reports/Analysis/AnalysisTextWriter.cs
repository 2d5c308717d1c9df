using System.IO;
using Sargable.Cli.Analyze;

namespace Sargable.Cli.Reports.Analysis
{
    /// <summary>
    /// The human report: compiler-style <c>file:line:col: severity SARGxxxx: message</c> lines (paths relative to the
    /// working directory), the help link under each, then one summary line. Baselined findings are not listed.
    /// </summary>
    internal sealed class AnalysisTextWriter : IAnalysisReportWriter
    {
        public void Write(AnalysisResult result, TextWriter output)
        {
            foreach (var finding in result.Reported)
            {
                var path = GitHubCommands.FilePath(result.BaseDirectory, finding.Path);
                output.WriteLine($"{path}:{finding.Line}:{finding.Column}: {SeverityNames.Name(finding.Severity)} {finding.RuleId}: {finding.Message}");
                if (RuleIdFormat.IsWellFormed(finding.RuleId))
                {
                    output.WriteLine("  help: " + RuleCatalog.HelpLink(finding.RuleId));
                }
            }

            output.WriteLine(result.Summary());
        }
    }
}
