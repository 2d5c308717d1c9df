using System;
using System.Globalization;

namespace Sargable.Registry
{
    /// <summary>
    /// A registry source (JSON file, DDL script) that cannot be turned into an <see cref="IndexRegistry"/>.
    /// The message is one sentence that names the source, the position, the place and the problem, e.g.
    /// <c>registry.json (3,17): tables.deployments.indexes[0].columns must be a non-empty array of column names</c>.
    /// </summary>
    public sealed class RegistryFormatException : FormatException
    {
        /// <summary>A problem described by <paramref name="message"/> alone.</summary>
        public RegistryFormatException(string message)
            : base(message)
        {
            Problem = message;
        }

        /// <summary>A problem described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
        public RegistryFormatException(string message, Exception innerException)
            : base(message, innerException)
        {
            Problem = message;
        }

        /// <summary>A problem at a known place of a named source.</summary>
        /// <param name="sourceName">File path or other name of the source, e.g. <c>registry.json</c>.</param>
        /// <param name="line">1-based line, or 0 when unknown.</param>
        /// <param name="column">1-based column, or 0 when unknown.</param>
        /// <param name="path">Place inside the document (a JSON path such as <c>tables.deployments</c>), or null.</param>
        /// <param name="problem">What is wrong, as the rest of a sentence that starts with the path (or a whole sentence without one).</param>
        /// <param name="innerException">The parser's own error, when there is one.</param>
        public RegistryFormatException(string sourceName, int line, int column, string? path, string problem, Exception? innerException = null)
            : this(Where(sourceName, line, column) + (string.IsNullOrEmpty(path) ? problem : path + " " + problem), sourceName, line, column, path, problem, innerException)
        {
        }

        private RegistryFormatException(string message, string sourceName, int line, int column, string? path, string problem, Exception? innerException)
            : base(message, innerException)
        {
            SourceName = sourceName;
            Line = line;
            Column = column;
            Path = string.IsNullOrEmpty(path) ? null : path;
            Problem = problem;
        }

        /// <summary>File path or name of the source, when known.</summary>
        public string? SourceName { get; }

        /// <summary>1-based line of the problem, or 0 when unknown.</summary>
        public int Line { get; }

        /// <summary>1-based column of the problem, or 0 when unknown.</summary>
        public int Column { get; }

        /// <summary>Place in the document, e.g. <c>tables.deployments.indexes[0].columns</c>; null for the whole document.</summary>
        public string? Path { get; }

        /// <summary>The problem without source and position.</summary>
        public string Problem { get; }

        /// <summary>A document that is not valid JSON: the reader's sentence already names the place.</summary>
        internal static RegistryFormatException InvalidJson(string sourceName, Json.JsonReaderException error) =>
            new(Where(sourceName, error.Position.Line, error.Position.Column) + error.Message, sourceName, error.Position.Line, error.Position.Column, error.Path, error.Message, error);

        private static string Where(string sourceName, int line, int column) =>
            line > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} ({1},{2}): ", sourceName, line, column)
                : sourceName + ": ";
    }
}
