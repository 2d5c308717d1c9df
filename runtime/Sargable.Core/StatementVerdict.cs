using System;
using System.Collections.Generic;
using Sargable.Shapes;

namespace Sargable
{
    /// <summary>Why a statement could not be read, and where.</summary>
    public sealed class ParseError
    {
        /// <summary>A parse error at 1-based <paramref name="line"/> and <paramref name="column"/>.</summary>
        public ParseError(string message, int line, int column)
        {
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Line = line;
            Column = column;
        }

        /// <summary>What the parser could not read.</summary>
        public string Message { get; }

        /// <summary>1-based line in the checked text.</summary>
        public int Line { get; }

        /// <summary>1-based column in the checked text.</summary>
        public int Column { get; }

        /// <inheritdoc />
        public override string ToString() => $"({Line},{Column}): {Message}";
    }

    /// <summary>The verdict on one statement: its findings, or why it could not be parsed.</summary>
    public sealed class StatementVerdict
    {
        /// <summary>The verdict on statement <paramref name="index"/> (0-based) starting at <paramref name="line"/>, <paramref name="column"/>.</summary>
        public StatementVerdict(int index, int line, int column, string text, IReadOnlyList<Finding> findings, QueryShape? shape, ParseError? parseError)
        {
            Index = index;
            Line = line;
            Column = column;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Findings = findings ?? throw new ArgumentNullException(nameof(findings));
            Shape = shape;
            ParseError = parseError;
        }

        /// <summary>0-based position of the statement in the checked text.</summary>
        public int Index { get; }

        /// <summary>1-based line where the statement starts in the checked text.</summary>
        public int Line { get; }

        /// <summary>1-based column where the statement starts.</summary>
        public int Column { get; }

        /// <summary>The statement's text, without the terminating semicolon.</summary>
        public string Text { get; }

        /// <summary>Findings not suppressed in the statement; locations are relative to the checked text.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>The shape the rules saw, or null when the statement could not be parsed.</summary>
        public QueryShape? Shape { get; }

        /// <summary>Why the statement could not be checked, or null when it was parsed.</summary>
        public ParseError? ParseError { get; }
    }
}
