using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Sargable.Cli.Reports
{
    /// <summary>
    /// GitHub Actions workflow commands (<c>::warning file=F,line=L,col=C,title=T::message</c>) with GitHub's escaping:
    /// <c>%</c>, CR and LF in the message; also <c>:</c> and <c>,</c> in properties. GitHub shows only the first few
    /// annotations of each level per step (docs/cli.md); SARIF upload has no such cap.
    /// </summary>
    internal static class GitHubCommands
    {
        /// <summary>error, warning or notice.</summary>
        public static string Level(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };

        /// <summary>Writes one annotation; <paramref name="file"/> relative to the repository root, forward slashes.</summary>
        public static void Annotate(TextWriter output, string level, string? file, int line, int column, int? endLine, int? endColumn, string title, string message)
        {
            var text = new StringBuilder("::").Append(level).Append(' ');
            var first = true;
            void Property(string name, string value)
            {
                text.Append(first ? string.Empty : ",").Append(name).Append('=').Append(EscapeProperty(value));
                first = false;
            }

            if (file is not null)
            {
                Property("file", file);
                Property("line", line.ToString(CultureInfo.InvariantCulture));
                Property("col", column.ToString(CultureInfo.InvariantCulture));
                if (endLine is { } end)
                {
                    Property("endLine", end.ToString(CultureInfo.InvariantCulture));
                }

                if (endColumn is { } endCol && endLine == line)
                {
                    // GitHub reads endColumn only for single-line annotations.
                    Property("endColumn", endCol.ToString(CultureInfo.InvariantCulture));
                }
            }

            Property("title", title);
            output.Write(text.Append("::").Append(EscapeData(message)).Append('\n').ToString());
        }

        public static string EscapeData(string value) =>
            value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

        public static string EscapeProperty(string value) =>
            EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

        /// <summary>A path for the <c>file=</c> property: relative to <paramref name="baseDirectory"/> with forward slashes.</summary>
        public static string FilePath(string baseDirectory, string path) =>
            Path.GetRelativePath(baseDirectory, Path.GetFullPath(path, baseDirectory)).Replace('\\', '/');
    }
}
