using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Sargable.Cli.Analyze;

namespace Sargable.Cli.Reports.Analysis
{
    /// <summary>
    /// <c>--format sarif</c>: SARIF 2.1.0, one run. Each result carries the baseline fingerprint as
    /// <c>partialFingerprints["sargable/v1"]</c> so code-scanning services track it across moved lines; with
    /// <c>--baseline</c> each result has a <c>baselineState</c> (<c>new</c> or <c>unchanged</c>), and baselined results are
    /// also marked suppressed (kind <c>external</c>). Projects that were not analyzed are tool execution notifications.
    /// </summary>
    internal sealed class AnalysisSarifWriter : IAnalysisReportWriter
    {
        /// <summary>The key of Sargable's fingerprint in <c>partialFingerprints</c>.</summary>
        public const string FingerprintKey = "sargable/v1";

        /// <summary>The notification ID of a project that was not analyzed.</summary>
        public const string LoadFailureNotificationId = "SARG-LOAD";

        public void Write(AnalysisResult result, TextWriter output) => JsonOutput.Write(output, json =>
        {
            var rules = RuleCatalog.All;
            json.WriteStartObject();
            json.WriteString("$schema", SarifReportWriter.SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "Sargable");
            json.WriteString("informationUri", SarifReportWriter.InformationUri);
            json.WriteString("semanticVersion", Version());
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                Text(json, "shortDescription", rule.Title);
                Text(json, "fullDescription", rule.Summary);
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", SarifReportWriter.Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", result.Failures.Count == 0);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var failure in result.Failures)
            {
                json.WriteStartObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", LoadFailureNotificationId);
                json.WriteEndObject();
                json.WriteString("level", "error");
                Text(json, "message", $"{failure.Project} was not analyzed: {failure.Reason} {failure.Remedy}");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                var index = rules.Select((r, i) => (r, i)).FirstOrDefault(p => string.Equals(p.r.Id, finding.RuleId, StringComparison.OrdinalIgnoreCase));
                if (index.r is not null)
                {
                    json.WriteNumber("ruleIndex", index.i);
                }

                json.WriteString("level", SarifReportWriter.Level(finding.Severity));
                Text(json, "message", finding.Message);
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(result.BaseDirectory, finding.Path));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Line);
                json.WriteNumber("startColumn", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("partialFingerprints");
                json.WriteString(FingerprintKey, finding.Fingerprint);
                json.WriteEndObject();
                if (finding.BaselineState != BaselineState.None)
                {
                    json.WriteString("baselineState", finding.BaselineState == BaselineState.New ? "new" : "unchanged");
                }

                if (finding.BaselineState == BaselineState.Unchanged && result.BaselinePath is not null)
                {
                    json.WriteStartArray("suppressions");
                    json.WriteStartObject();
                    json.WriteString("kind", "external");
                    json.WriteString("justification", "Accepted in " + Path.GetFileName(result.BaselinePath) + ".");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartObject("properties");
                json.WriteString("project", finding.Project);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });

        /// <summary>A relative URI (forward slashes, escaped) under the base directory; a file URI otherwise.</summary>
        internal static string Uri(string baseDirectory, string path)
        {
            var full = Path.GetFullPath(path, baseDirectory);
            var relative = Path.GetRelativePath(baseDirectory, full);
            if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return new System.Uri(full).AbsoluteUri;
            }

            return string.Join("/", relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(System.Uri.EscapeDataString));
        }

        private static void Text(Utf8JsonWriter json, string property, string text)
        {
            json.WriteStartObject(property);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        private static string Version()
        {
            var informational = typeof(AnalysisSarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }
}
