using System.Globalization;
using System.Text;

namespace Sargable.Cli.Reports
{
    /// <summary>
    /// Makes text from a checked file safe to print on a terminal: C0 and C1 control characters (except tab), DEL and
    /// the bidirectional formatting characters are written as <c>\x1B</c> or <c>\u202E</c>, so a SQL file cannot
    /// retitle or clear the terminal, ring its bell, or reorder what the reader sees (CVE-2021-42574, "Trojan Source").
    /// </summary>
    internal static class TerminalText
    {
        /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
        public static string Escape(string text)
        {
            var first = 0;
            while (first < text.Length && !IsUnsafe(text[first]))
            {
                first++;
            }

            if (first == text.Length)
            {
                return text;
            }

            var escaped = new StringBuilder(text.Length + 8);
            escaped.Append(text, 0, first);
            for (var i = first; i < text.Length; i++)
            {
                Append(escaped, text[i]);
            }

            return escaped.ToString();
        }

        /// <summary>How many characters <paramref name="c"/> takes once escaped.</summary>
        public static int Width(char c) => !IsUnsafe(c) ? 1 : c <= '\u00FF' ? 4 : 6;

        public static void Append(StringBuilder output, char c)
        {
            if (!IsUnsafe(c))
            {
                output.Append(c);
            }
            else if (c <= '\u00FF')
            {
                output.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        public static bool IsUnsafe(char c) =>
            (c < ' ' && c != '\t')
            || (c >= '\u007F' && c <= '\u009F')
            || c == '\u061C'
            || c == '\u200E' || c == '\u200F'
            || (c >= '\u202A' && c <= '\u202E')
            || (c >= '\u2066' && c <= '\u2069');
    }
}
