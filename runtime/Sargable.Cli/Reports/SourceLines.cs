using System;
using System.Collections.Generic;
using System.Text;

namespace Sargable.Cli.Reports
{
    /// <summary>Lines of a checked text, for showing the line a diagnostic points at with a caret under its column.</summary>
    internal sealed class SourceLines
    {
        /// <summary>Longer lines are shown as a window of this many characters around the column.</summary>
        public const int MaxWidth = 120;

        private readonly string text;
        private readonly List<int> starts = [0];

        public SourceLines(string text)
        {
            this.text = text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    starts.Add(i + 1);
                }
            }
        }

        /// <summary>The text of a 1-based line without its line break, or null when there is no such line.</summary>
        public string? Line(int line)
        {
            if (line < 1 || line > starts.Count)
            {
                return null;
            }

            var start = starts[line - 1];
            var end = line < starts.Count ? starts[line] : text.Length;
            while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r'))
            {
                end--;
            }

            return text.Substring(start, end - start);
        }

        /// <summary>
        /// The line and a caret line with <c>^</c> under the 1-based column; tabs are kept in the padding so the caret
        /// lines up, long lines are cut to a window around the column (marked with "..."), and control characters are
        /// escaped (<see cref="TerminalText"/>).
        /// </summary>
        public (string Line, string Caret)? Excerpt(int line, int column)
        {
            var full = Line(line);
            if (full is null)
            {
                return null;
            }

            full = full.TrimEnd();
            var index = Math.Clamp(column - 1, 0, full.Length);
            var start = 0;
            var end = full.Length;
            if (full.Length > MaxWidth)
            {
                start = Math.Max(0, index - (MaxWidth / 3));
                end = Math.Min(full.Length, start + MaxWidth);
                start = Math.Max(0, end - MaxWidth);
            }

            var prefix = start > 0 ? "..." : string.Empty;
            var suffix = end < full.Length ? "..." : string.Empty;
            var shown = prefix + TerminalText.Escape(full.Substring(start, end - start)) + suffix;

            // Control characters are shown escaped (several characters wide), so the caret moves past each escape.
            var caret = new StringBuilder(prefix.Length + (index - start) + 1);
            caret.Append(' ', prefix.Length);
            for (var i = start; i < index; i++)
            {
                caret.Append(full[i] == '\t' ? '\t' : ' ', full[i] == '\t' ? 1 : TerminalText.Width(full[i]));
            }

            caret.Append('^');
            return (shown, caret.ToString());
        }
    }
}
