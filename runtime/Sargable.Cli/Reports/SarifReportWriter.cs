using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace Sargable.Cli.Reports
{
    /// <summary>
    /// SARIF 2.1.0 (docs/cli.md): one run, every catalog rule in <c>tool.driver.rules</c>, one result per finding.
    /// Statements that failed to parse are tool execution notifications (level error) of the run's invocation,
    /// not results: they say the file could not be analysed, not that it has a slow query.
    /// </summary>
    internal sealed class SarifReportWriter : IReportWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string InformationUri = "https://github.com/sargable/sargable";
        public const string ParseErrorNotificationId = "SARG-PARSE";

        private static readonly Dictionary<string, string> RuleNames = typeof(RuleIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.OrdinalIgnoreCase);

        private readonly string workingDirectory;

        /// <param name="workingDirectory">Artifact URIs are made relative to this directory when the file lies inside it.</param>
        public SarifReportWriter(string workingDirectory) => this.workingDirectory = workingDirectory;

        /// <summary>SARIF's level for a severity: error, warning or note.</summary>
        public static string Level(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        };

        public void Write(IReadOnlyList<CheckedFile> files, TextWriter output) => JsonOutput.Write(output, json =>
        {
            var rules = RuleCatalog.All;
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            WriteTool(json, rules);

            var parseErrors = files.SelectMany(f => f.Verdicts.Where(v => v.ParseError is not null).Select(v => (File: f, Error: v.ParseError!))).ToList();
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", parseErrors.All(e => e.File.ParseErrorSeverity != Severity.Error));
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var (file, error) in parseErrors)
            {
                json.WriteStartObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", ParseErrorNotificationId);
                json.WriteNumber("index", 0);
                json.WriteEndObject();
                json.WriteString("level", SeverityNames.Name(file.ParseErrorSeverity));
                WriteMessage(json, error.Message);
                WriteLocations(json, file, error.Line, error.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var file in files)
            {
                foreach (var verdict in file.Verdicts)
                {
                    foreach (var finding in verdict.Findings)
                    {
                        WriteResult(json, rules, file, verdict, finding);
                    }
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });

        private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
        {
            var version = ToolVersion();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "Sargable");
            json.WriteString("informationUri", InformationUri);
            json.WriteString("version", version);
            json.WriteString("semanticVersion", version);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", RuleNames.TryGetValue(rule.Id, out var name) ? name : rule.Id);
                WriteText(json, "shortDescription", rule.Title);
                WriteText(json, "fullDescription", rule.Summary);
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notifications");
            json.WriteStartObject();
            json.WriteString("id", ParseErrorNotificationId);
            json.WriteString("name", "ParseError");
            WriteText(json, "shortDescription", "A statement could not be parsed, so no rule checked it");
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", "error");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private void WriteResult(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules, CheckedFile file, StatementVerdict verdict, Finding finding)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            var ruleIndex = IndexOf(rules, finding.RuleId);
            if (ruleIndex >= 0)
            {
                json.WriteNumber("ruleIndex", ruleIndex);
            }

            json.WriteString("level", Level(finding.Severity));
            WriteMessage(json, finding.SuggestedIndex is null ? finding.Message : finding.Message + " Suggested index: " + finding.SuggestedIndex);
            WriteLocations(json, file, finding.Location?.Line ?? verdict.Line, finding.Location?.Column ?? verdict.Column);
            json.WriteStartObject("partialFingerprints");
            json.WriteString(Analysis.AnalysisSarifWriter.FingerprintKey, Baselines.BaselineFingerprint.ForSql(verdict.Text));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("table", finding.Table);
            json.WriteStartArray("columns");
            foreach (var column in finding.Columns)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
            json.WriteString("closestIndex", finding.ClosestIndex);
            json.WriteString("suggestedIndex", finding.SuggestedIndex);
            json.WriteNumber("statementIndex", verdict.Index);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private void WriteLocations(Utf8JsonWriter json, CheckedFile file, int line, int column)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ArtifactUri(file.Path));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, line));
            json.WriteNumber("startColumn", Math.Max(1, column));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        /// <summary>A relative URI (forward slashes, escaped) for files under the working directory; a file URI otherwise; "stdin" for standard input.</summary>
        internal string ArtifactUri(string? path)
        {
            if (path is null)
            {
                return CheckedFile.StdinName;
            }

            var full = Path.GetFullPath(path, workingDirectory);
            var relative = Path.GetRelativePath(workingDirectory, full);
            if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return new Uri(full).AbsoluteUri;
            }

            var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return string.Join("/", segments.Select(Uri.EscapeDataString));
        }

        private static void WriteMessage(Utf8JsonWriter json, string text) => WriteText(json, "message", text);

        private static void WriteText(Utf8JsonWriter json, string property, string text)
        {
            json.WriteStartObject(property);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        private static int IndexOf(IReadOnlyList<RuleDescriptor> rules, string id)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (string.Equals(rules[i].Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        private static string ToolVersion()
        {
            var informational = typeof(SarifReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }
}
