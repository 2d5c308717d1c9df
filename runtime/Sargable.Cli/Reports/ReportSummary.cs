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

        /// <summary>Statements that did not parse, under <c>--on-parse-error fail</c>.</summary>
        public int ParseErrors { get; private set; }

        /// <summary>Statements that did not parse, under <c>--on-parse-error warn</c>; they do not change the exit code.</summary>
        public int ParseWarnings { get; private set; }

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
                        if (file.ParseErrorSeverity == Severity.Warning)
                        {
                            summary.ParseWarnings++;
                        }
                        else
                        {
                            summary.ParseErrors++;
                        }
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

        /// <summary>
        /// <c>N statements, N findings (N errors, N warnings, N infos), N parse errors</c>, with <c>, N parse warnings</c>
        /// added when <c>--on-parse-error warn</c> skipped statements.
        /// </summary>
        public override string ToString() =>
            $"{Statements} statements, {Findings} findings ({Errors} errors, {Warnings} warnings, {Infos} infos), {ParseErrors} parse errors"
            + (ParseWarnings > 0 ? $", {ParseWarnings} parse warnings" : string.Empty);
    }
}
