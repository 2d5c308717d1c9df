using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Sargable.Cli.Reports
{
    /// <summary>
    /// The machine report (docs/cli.md): <c>{ "statements": [ ... ] }</c> over all inputs, in input order;
    /// statements read from a file carry <c>"file"</c>, statements read from standard input do not.
    /// </summary>
    internal sealed class JsonReportWriter : IReportWriter
    {
        public void Write(IReadOnlyList<CheckedFile> files, TextWriter output) => JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("statements");
            foreach (var file in files)
            {
                foreach (var verdict in file.Verdicts)
                {
                    WriteStatement(json, file, verdict);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

        private static void WriteStatement(Utf8JsonWriter json, CheckedFile file, StatementVerdict verdict)
        {
            json.WriteStartObject();
            if (file.Path is not null)
            {
                json.WriteString("file", file.Path);
            }

            json.WriteNumber("index", verdict.Index);
            json.WriteNumber("line", verdict.Line);
            json.WriteNumber("column", verdict.Column);
            json.WriteString("text", verdict.Text);
            if (verdict.ParseError is { } parseError)
            {
                json.WriteStartObject("parseError");
                json.WriteString("severity", SeverityNames.Name(file.ParseErrorSeverity));
                json.WriteString("message", parseError.Message);
                json.WriteNumber("line", parseError.Line);
                json.WriteNumber("column", parseError.Column);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("parseError");
            }

            json.WriteStartArray("findings");
            foreach (var finding in verdict.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.RuleId);
                json.WriteString("severity", SeverityNames.Name(finding.Severity));
                json.WriteString("table", finding.Table);
                json.WriteStartArray("columns");
                foreach (var column in finding.Columns)
                {
                    json.WriteStringValue(column);
                }

                json.WriteEndArray();
                json.WriteString("message", finding.Message);
                json.WriteString("closestIndex", finding.ClosestIndex);
                json.WriteString("suggestedIndex", finding.SuggestedIndex);
                json.WriteString("sizeBasis", SizeBasisName(finding.SizeBasis));
                json.WriteString("sizeKnowledge", finding.SizeNote);
                json.WriteNumber("line", finding.Location?.Line ?? verdict.Line);
                json.WriteNumber("column", finding.Location?.Column ?? verdict.Column);
                json.WriteString("helpUri", finding.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        /// <summary>The stable JSON spelling of <see cref="Registry.TableSizeBasis"/> (camelCase, like every other key).</summary>
        private static string SizeBasisName(Registry.TableSizeBasis basis) => basis switch
        {
            Registry.TableSizeBasis.RowEstimate => "rowEstimate",
            Registry.TableSizeBasis.DeclaredSmall => "declaredSmall",
            Registry.TableSizeBasis.DeclaredLarge => "declaredLarge",
            Registry.TableSizeBasis.InferredLookup => "inferredLookup",
            _ => "unknown",
        };
    }
}
