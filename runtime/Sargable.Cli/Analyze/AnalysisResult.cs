using System;
using System.Collections.Generic;
using System.Linq;

namespace Sargable.Cli.Analyze
{
    /// <summary>
    /// The one result every <c>analyze</c> writer reads: the findings (each with its baseline state), the projects
    /// analyzed and those that failed, and what the baseline comparison found.
    /// </summary>
    internal sealed class AnalysisResult
    {
        public AnalysisResult(IReadOnlyList<string> projects, IReadOnlyList<AnalyzedFinding> findings, IReadOnlyList<ProjectFailure> failures, string baseDirectory)
        {
            Projects = projects ?? throw new ArgumentNullException(nameof(projects));
            Findings = findings ?? throw new ArgumentNullException(nameof(findings));
            Failures = failures ?? throw new ArgumentNullException(nameof(failures));
            BaseDirectory = baseDirectory ?? throw new ArgumentNullException(nameof(baseDirectory));
        }

        /// <summary>Names of the projects that were analyzed.</summary>
        public IReadOnlyList<string> Projects { get; }

        /// <summary>Every finding, sorted by file, line, column and rule; baselined ones too (see <see cref="Reported"/>).</summary>
        public IReadOnlyList<AnalyzedFinding> Findings { get; }

        public IReadOnlyList<ProjectFailure> Failures { get; }

        /// <summary>Paths in reports are relative to this folder when they lie inside it.</summary>
        public string BaseDirectory { get; }

        /// <summary>The baseline file compared against, or null.</summary>
        public string? BaselinePath { get; init; }

        /// <summary>Baseline entries no finding matched any more (fixed or changed).</summary>
        public int Disappeared { get; init; }

        /// <summary>The findings that count: all of them without a baseline, the new ones with one.</summary>
        public IEnumerable<AnalyzedFinding> Reported => Findings.Where(f => f.BaselineState != BaselineState.Unchanged);

        /// <summary>Findings the baseline accepted.</summary>
        public int Baselined => Findings.Count(f => f.BaselineState == BaselineState.Unchanged);

        public int CountAtOrAbove(Severity severity) => Reported.Count(f => f.Severity >= severity);

        /// <summary><c>N findings (N errors, N warnings, N infos) in N projects[, N baselined, N gone from the baseline][, N projects not analyzed]</c>.</summary>
        public string Summary()
        {
            var reported = Reported.ToList();
            var text = $"{reported.Count} findings ({reported.Count(f => f.Severity == Severity.Error)} errors, " +
                $"{reported.Count(f => f.Severity == Severity.Warning)} warnings, {reported.Count(f => f.Severity == Severity.Info)} infos) in {Projects.Count} projects";
            if (BaselinePath is not null)
            {
                text += $", {Baselined} baselined, {Disappeared} gone from the baseline";
            }

            if (Failures.Count > 0)
            {
                text += $", {Failures.Count} projects not analyzed";
            }

            return text;
        }
    }
}
