using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Internal
{
    /// <summary>
    /// The <c>db.query.summary</c> of a command (OpenTelemetry database conventions): its operation and the tables it
    /// reads or writes, such as <c>SELECT deployments environments</c>. Built from the parsed shape, never from the text,
    /// so no literal or parameter can reach it; only tables the registry knows are named, at most <see cref="MaxTables"/>.
    /// </summary>
    internal static class QuerySummary
    {
        /// <summary>Tables named per summary; more would make a series per join combination.</summary>
        public const int MaxTables = 3;

        /// <summary>The conventions' upper bound on a summary's length.</summary>
        public const int MaxLength = 255;

        /// <summary>The summary of <paramref name="verdicts"/>, or null when no statement of the command could be read.</summary>
        public static string? Of(IReadOnlyList<StatementVerdict> verdicts, IndexRegistry registry)
        {
            string? first = null;
            var same = true;
            var read = 0;
            foreach (var verdict in verdicts)
            {
                if (verdict.Shape is not { } shape || Operation(shape.Kind) is not { } operation)
                {
                    continue;
                }

                var summary = Of(operation, shape, registry);
                read++;
                if (first is null)
                {
                    first = summary;
                }
                else if (!string.Equals(first, summary, StringComparison.Ordinal))
                {
                    same = false;
                }
            }

            if (read <= 1 || first is null)
            {
                return first;
            }

            // Several statements in one command: a batch, named by its statements' summary when they all share one.
            return same ? Truncate("BATCH " + first) : "BATCH";
        }

        private static string Of(string operation, QueryShape shape, IndexRegistry registry)
        {
            var text = new StringBuilder(operation);
            var named = new List<string>(MaxTables);
            foreach (var access in shape.Accesses)
            {
                if (named.Count == MaxTables)
                {
                    break;
                }

                if (registry.Find(access.Table, access.Schema) is { } table && !named.Contains(table.Name, StringComparer.OrdinalIgnoreCase))
                {
                    named.Add(table.Name);
                    text.Append(' ').Append(table.Name);
                }
            }

            return Truncate(text.ToString());
        }

        private static string? Operation(StatementKind kind) => kind switch
        {
            StatementKind.Select => "SELECT",
            StatementKind.Insert => "INSERT",
            StatementKind.Update => "UPDATE",
            StatementKind.Delete => "DELETE",
            _ => null,
        };

        private static string Truncate(string summary) => summary.Length <= MaxLength ? summary : summary.Substring(0, MaxLength);
    }
}
