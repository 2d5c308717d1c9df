using System.IO;
using Sargable.Cli.Analyze;

namespace Sargable.Cli.Reports.Analysis
{
    /// <summary>Writes the result of one <c>analyze</c> run in one output format.</summary>
    internal interface IAnalysisReportWriter
    {
        void Write(AnalysisResult result, TextWriter output);
    }
}
