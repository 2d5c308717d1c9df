using System.Collections.Generic;
using System.IO;

namespace Sargable.Cli.Reports
{
    /// <summary>Writes the verdicts of one run in one output format.</summary>
    internal interface IReportWriter
    {
        void Write(IReadOnlyList<CheckedFile> files, TextWriter output);
    }

    internal static class SeverityNames
    {
        /// <summary>"error", "warning", "info": the names used on the command line and in text and JSON reports.</summary>
        public static string Name(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };

        public static bool TryParse(string? name, out Severity severity)
        {
            switch (name)
            {
                case "error":
                    severity = Severity.Error;
                    return true;
                case "warning":
                    severity = Severity.Warning;
                    return true;
                case "info":
                    severity = Severity.Info;
                    return true;
                default:
                    severity = Severity.Warning;
                    return false;
            }
        }
    }
}
