using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sargable.Registry;

namespace Sargable.Cli.Reports
{
    /// <summary>
    /// The human report: compiler-style <c>file:line:col: severity SARGxxxx: message</c> lines, each with the source line,
    /// a caret, the closest and suggested index and the help link; then one summary line. Text that comes from the
    /// checked file is printed through <see cref="TerminalText"/>.
    /// </summary>
    internal sealed class TextReportWriter : IReportWriter
    {
        private const string Indent = "  ";

        private readonly IndexRegistry? registry;

        /// <param name="registry">When given, the closest index is shown with its columns.</param>
        public TextReportWriter(IndexRegistry? registry = null) => this.registry = registry;

        public void Write(IReadOnlyList<CheckedFile> files, TextWriter output)
        {
            foreach (var file in files)
            {
                var lines = new SourceLines(file.Text);
                var name = TerminalText.Escape(file.DisplayName);
                var parseSeverity = SeverityNames.Name(file.ParseErrorSeverity);
                foreach (var verdict in file.Verdicts)
                {
                    if (verdict.ParseError is { } parseError)
                    {
                        output.WriteLine($"{name}:{parseError.Line}:{parseError.Column}: {parseSeverity}: {TerminalText.Escape(parseError.Message)}");
                        WriteExcerpt(output, lines, parseError.Line, parseError.Column);
                        output.WriteLine();
                    }

                    foreach (var finding in verdict.Findings)
                    {
                        var line = finding.Location?.Line ?? verdict.Line;
                        var column = finding.Location?.Column ?? verdict.Column;
                        output.WriteLine($"{name}:{line}:{column}: {SeverityNames.Name(finding.Severity)} {finding.RuleId}: {TerminalText.Escape(finding.Message)}");
                        WriteExcerpt(output, lines, line, column);
                        if (finding.ClosestIndex is { } closest)
                        {
                            output.WriteLine($"{Indent}closest index: {TerminalText.Escape(DescribeIndex(finding.Table, closest))}");
                        }

                        if (finding.SuggestedIndex is { } suggested)
                        {
                            var suggestedLines = suggested.Trim().Split('\n').Select(l => TerminalText.Escape(l.TrimEnd('\r')));
                            output.WriteLine($"{Indent}suggested: {string.Join("\n" + Indent + Indent, suggestedLines)}");
                        }

                        output.WriteLine($"{Indent}help: {finding.HelpLink}");
                        output.WriteLine();
                    }
                }
            }

            output.WriteLine(ReportSummary.Of(files).ToString());
        }

        private static void WriteExcerpt(TextWriter output, SourceLines lines, int line, int column)
        {
            if (lines.Excerpt(line, column) is { } excerpt)
            {
                output.WriteLine(Indent + excerpt.Line);
                output.WriteLine(Indent + excerpt.Caret);
            }
        }

        private string DescribeIndex(string table, string indexName)
        {
            var dot = table.LastIndexOf('.');
            var known = registry?.Find(table) ?? (dot > 0 ? registry?.Find(table.Substring(dot + 1), table.Substring(0, dot)) : null);
            var index = known?.Indexes.FirstOrDefault(i => string.Equals(i.Name, indexName, StringComparison.OrdinalIgnoreCase));
            return index is null ? indexName : $"{index.Name} ({string.Join(", ", index.Columns)})";
        }
    }
}
