using System;

namespace Sargable.Cli.Analyze
{
    /// <summary>Whether a finding is in the baseline given with <c>--baseline</c> (SARIF's <c>baselineState</c>).</summary>
    internal enum BaselineState
    {
        /// <summary>No baseline was given.</summary>
        None,

        /// <summary>Not in the baseline: a new finding.</summary>
        New,

        /// <summary>In the baseline: accepted, not reported as a problem.</summary>
        Unchanged,
    }

    /// <summary>One Sargable diagnostic of an analyzed project, in the terms every writer uses.</summary>
    internal sealed class AnalyzedFinding
    {
        public AnalyzedFinding(string ruleId, Severity severity, string message, string project, string path, int line, int column, int endLine, int endColumn, string fingerprint)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Severity = severity;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Project = project ?? throw new ArgumentNullException(nameof(project));
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Fingerprint = fingerprint ?? throw new ArgumentNullException(nameof(fingerprint));
        }

        public string RuleId { get; }

        /// <summary>The severity after the project's <c>.editorconfig</c>.</summary>
        public Severity Severity { get; }

        public string Message { get; }

        /// <summary>The project's name.</summary>
        public string Project { get; }

        /// <summary>The source file's absolute path.</summary>
        public string Path { get; }

        /// <summary>1-based.</summary>
        public int Line { get; }

        /// <summary>1-based, in UTF-16 code units.</summary>
        public int Column { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        /// <summary>The baseline fingerprint (<see cref="Baselines.BaselineFingerprint"/>), also SARIF's partial fingerprint.</summary>
        public string Fingerprint { get; }

        public BaselineState BaselineState { get; set; }
    }
}
