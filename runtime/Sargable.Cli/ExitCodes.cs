using System.Collections.Generic;
using Sargable.Cli.Analyze;
using Sargable.Cli.Reports;

namespace Sargable.Cli
{
    /// <summary>The process exit codes of <c>sargable</c> (docs/cli.md).</summary>
    internal static class ExitCodes
    {
        /// <summary>Every input was checked and nothing is at or above the <c>--fail-on</c> severity.</summary>
        public const int Success = 0;

        /// <summary>At least one finding is at or above the <c>--fail-on</c> severity.</summary>
        public const int Findings = 1;

        /// <summary>
        /// The check could not be done as asked: a usage error, an unreadable file, an invalid registry, schema or baseline,
        /// a statement that failed to parse (unless <c>--on-parse-error warn</c>), a project that <c>analyze</c> could not
        /// load or compile, or an internal error.
        /// </summary>
        public const int Failure = 2;

        /// <summary>
        /// The exit code for a completed check: parse errors win over findings; parse warnings
        /// (<c>--on-parse-error warn</c>) count for neither.
        /// </summary>
        public static int For(IReadOnlyList<CheckedFile> files, Severity failOn)
        {
            var summary = ReportSummary.Of(files);
            if (summary.ParseErrors > 0)
            {
                return Failure;
            }

            return summary.CountAtOrAbove(failOn) > 0 ? Findings : Success;
        }

        /// <summary>The exit code for a completed <c>analyze</c>: a project that was not analyzed wins over findings; baselined findings never count.</summary>
        public static int For(AnalysisResult result, Severity failOn)
        {
            if (result.Failures.Count > 0)
            {
                return Failure;
            }

            return result.CountAtOrAbove(failOn) > 0 ? Findings : Success;
        }
    }
}
