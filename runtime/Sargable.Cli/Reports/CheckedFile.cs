using System;
using System.Collections.Generic;

namespace Sargable.Cli.Reports
{
    /// <summary>One checked input: where it came from, its text (for excerpts) and the engine's verdicts.</summary>
    internal sealed class CheckedFile
    {
        /// <summary>The name reports use for standard input.</summary>
        public const string StdinName = "stdin";

        public CheckedFile(string? path, string text, IReadOnlyList<StatementVerdict> verdicts, Severity parseErrorSeverity = Severity.Error)
        {
            if (parseErrorSeverity is not (Severity.Error or Severity.Warning))
            {
                throw new ArgumentOutOfRangeException(nameof(parseErrorSeverity), parseErrorSeverity, "A statement that does not parse is an error or a warning.");
            }

            Path = path;
            ParseErrorSeverity = parseErrorSeverity;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Verdicts = verdicts ?? throw new ArgumentNullException(nameof(verdicts));
        }

        /// <summary>The path as given on the command line, or null for standard input.</summary>
        public string? Path { get; }

        public string DisplayName => Path ?? StdinName;

        public string Text { get; }

        public IReadOnlyList<StatementVerdict> Verdicts { get; }

        /// <summary>
        /// <see cref="Severity.Error"/> (<c>--on-parse-error fail</c>, the run fails) or <see cref="Severity.Warning"/>
        /// (<c>--on-parse-error warn</c>: reported, the statement is skipped and the exit code ignores it).
        /// </summary>
        public Severity ParseErrorSeverity { get; }
    }
}
