using System;
using System.Collections.Generic;

namespace Sargable.Cli.Reports
{
    /// <summary>One checked input: where it came from, its text (for excerpts) and the engine's verdicts.</summary>
    internal sealed class CheckedFile
    {
        /// <summary>The name reports use for standard input.</summary>
        public const string StdinName = "stdin";

        public CheckedFile(string? path, string text, IReadOnlyList<StatementVerdict> verdicts)
        {
            Path = path;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Verdicts = verdicts ?? throw new ArgumentNullException(nameof(verdicts));
        }

        /// <summary>The path as given on the command line, or null for standard input.</summary>
        public string? Path { get; }

        public string DisplayName => Path ?? StdinName;

        public string Text { get; }

        public IReadOnlyList<StatementVerdict> Verdicts { get; }
    }
}
