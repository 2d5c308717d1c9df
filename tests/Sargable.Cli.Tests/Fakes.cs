using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Cli.Tests
{
    /// <summary>Hand-built verdicts and findings, so the CLI can be tested before the engine exists.</summary>
    internal static class Verdicts
    {
        public static Finding Finding(
            string rule = RuleIds.FilterOrderMismatch,
            Severity severity = Severity.Warning,
            string table = "deployments",
            string[]? columns = null,
            string message = "No index serves the filter on project_id together with ORDER BY updated_at.",
            string? closest = null,
            string? suggested = null,
            SourceLocation? location = null) =>
            new(rule, severity, table, columns ?? ["project_id", "updated_at"], message)
            {
                ClosestIndex = closest,
                SuggestedIndex = suggested,
                Location = location,
            };

        public static StatementVerdict Statement(int index, int line, int column, string text, params Finding[] findings) =>
            new(index, line, column, text, findings, shape: null, parseError: null);

        public static StatementVerdict ParseFailure(int index, int line, int column, string text, string message, int errorLine, int errorColumn) =>
            new(index, line, column, text, Array.Empty<Finding>(), shape: null, new ParseError(message, errorLine, errorColumn));
    }

    /// <summary>
    /// Stands in for the engine: splits on ';' and reacts to marker words, so exit codes and reports can be tested now.
    /// A statement containing <c>warn</c>, <c>err</c> or <c>info</c> gets a finding of that severity at the word;
    /// <c>broken</c> is a parse error at the word.
    /// </summary>
    internal sealed class FakeEngine
    {
        public List<(IndexRegistry Registry, string Script)> Calls { get; } = [];

        /// <summary>A script on which the fake throws, like an engine with a bug.</summary>
        public string? FailOn { get; init; }

        public IReadOnlyList<StatementVerdict> Check(IndexRegistry registry, string script)
        {
            Calls.Add((registry, script));
            if (script == FailOn)
            {
                throw new InvalidOperationException("engine bug.");
            }

            var verdicts = new List<StatementVerdict>();
            var start = 0;
            while (start < script.Length)
            {
                var end = script.IndexOf(';', start);
                if (end < 0)
                {
                    end = script.Length;
                }

                var text = script.Substring(start, end - start);
                var lead = text.Length - text.TrimStart().Length;
                if (text.Trim().Length > 0)
                {
                    var (line, column) = Position(script, start + lead);
                    var findings = new List<Finding>();
                    ParseError? parseError = null;
                    foreach (var (word, severity) in new[] { ("warn", Severity.Warning), ("err", Severity.Error), ("info", Severity.Info) })
                    {
                        var at = text.IndexOf(word, StringComparison.Ordinal);
                        if (at >= 0)
                        {
                            var (l, c) = Position(script, start + at);
                            findings.Add(Verdicts.Finding(severity: severity, location: new SourceLocation(start + at, l, c)));
                        }
                    }

                    var broken = text.IndexOf("broken", StringComparison.Ordinal);
                    if (broken >= 0)
                    {
                        var (l, c) = Position(script, start + broken);
                        parseError = new ParseError("syntax error at or near \"broken\"", l, c);
                        findings.Clear();
                    }

                    verdicts.Add(new StatementVerdict(verdicts.Count, line, column, text.Trim(), findings, null, parseError));
                }

                start = end + 1;
            }

            return verdicts;
        }

        private static (int Line, int Column) Position(string text, int offset)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, offset - lineStart + 1);
        }
    }

    /// <summary>Runs <c>sargable</c> in-process in a temporary working directory with captured streams.</summary>
    internal sealed class CliRun : IDisposable
    {
        public CliRun() => Directory = System.IO.Directory.CreateTempSubdirectory("sargable-cli-").FullName;

        public string Directory { get; }

        public string Stdin { get; set; } = string.Empty;

        public bool StdinIsTerminal { get; set; }

        public string Stdout { get; private set; } = string.Empty;

        public string Stderr { get; private set; } = string.Empty;

        public string File(string name, string content)
        {
            var path = Path.Combine(Directory, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, content);
            return path;
        }

        /// <summary>Runs with <paramref name="engine"/> standing in for the rules engine, or the real engine when null.</summary>
        public async Task<int> Run(FakeEngine? engine, params string[] args)
        {
            using var output = new StringWriter { NewLine = "\n" };
            using var error = new StringWriter { NewLine = "\n" };
            var console = new CliConsole(new StringReader(Stdin), output, error, Directory, StdinIsTerminal);
            var app = engine is null ? new CliApp(console) : new CliApp(console, engine.Check);
            var code = await app.InvokeAsync(args);
            Stdout = output.ToString();
            Stderr = error.ToString();
            return code;
        }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
