using System.Collections.Generic;

namespace Sargable.Cli.Reports
{
    /// <summary>Counts over all checked inputs.</summary>
    internal sealed class ReportSummary
    {
        public int Statements { get; private set; }

        public int Findings => Errors + Warnings + Infos;

        public int Errors { get; private set; }

        public int Warnings { get; private set; }

        public int Infos { get; private set; }

        public int ParseErrors { get; private set; }

        public static ReportSummary Of(IReadOnlyList<CheckedFile> files)
        {
            var summary = new ReportSummary();
            foreach (var file in files)
            {
                foreach (var verdict in file.Verdicts)
                {
                    summary.Statements++;
                    if (verdict.ParseError is not null)
                    {
                        summary.ParseErrors++;
                    }

                    foreach (var finding in verdict.Findings)
                    {
                        switch (finding.Severity)
                        {
                            case Severity.Error:
                                summary.Errors++;
                                break;
                            case Severity.Warning:
                                summary.Warnings++;
                                break;
                            default:
                                summary.Infos++;
                                break;
                        }
                    }
                }
            }

            return summary;
        }

        public int CountAtOrAbove(Severity severity) =>
            (severity <= Severity.Error ? Errors : 0) + (severity <= Severity.Warning ? Warnings : 0) + (severity <= Severity.Info ? Infos : 0);

        /// <summary><c>N statements, N findings (N errors, N warnings, N infos), N parse errors</c>.</summary>
        public override string ToString() =>
            $"{Statements} statements, {Findings} findings ({Errors} errors, {Warnings} warnings, {Infos} infos), {ParseErrors} parse errors";
    }
}
