using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Sargable.Internal;

namespace Sargable.Explain
{
    /// <summary>
    /// Reads SQLite's <c>EXPLAIN QUERY PLAN</c> rows: <c>SCAN t</c> is a full scan, <c>SEARCH t USING INDEX i (...)</c> an
    /// index read, <c>USE TEMP B-TREE FOR ORDER BY</c> a sort. SQLite gives no row estimates, so sizes come from the
    /// catalog. Index conditions are never copied (they name columns only, but stay out of reports all the same).
    /// </summary>
    internal static class SqlitePlanReader
    {
        private static readonly Regex Scan = new("^SCAN (?:TABLE )?(\\S+)(?: AS (\\S+))?(?: USING (?:COVERING )?INDEX (\\S+))?", RegexOptions.CultureInvariant);
        private static readonly Regex Search = new("^SEARCH (?:TABLE )?(\\S+)(?: AS (\\S+))? USING (?:(?:COVERING )?INDEX (\\S+)|INTEGER PRIMARY KEY|PRIMARY KEY)", RegexOptions.CultureInvariant);

        public static IReadOnlyList<PlanStep> Read(IReadOnlyList<(long Id, long Parent, string Detail)> rows, GuardedStatement statement)
        {
            var steps = new List<PlanStep>();
            var limited = statement.Accesses().Any(a => a.Limit is not null);

            // Without a temp b-tree sort, rows come out in scan order and a LIMIT stops the scan early.
            var sorted = rows.Any(r => r.Detail.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
            string? lastTable = null;
            foreach (var (_, _, detail) in rows)
            {
                var scan = Scan.Match(detail);
                if (scan.Success)
                {
                    var table = Resolve(scan, statement);
                    lastTable ??= table;
                    if (scan.Groups[3].Success)
                    {
                        steps.Add(new PlanStep(PlanStepKind.IndexRead, table) { Index = scan.Groups[3].Value });
                    }
                    else
                    {
                        var access = statement.Accesses().FirstOrDefault(a => string.Equals(a.Table, table, StringComparison.OrdinalIgnoreCase));
                        steps.Add(new PlanStep(PlanStepKind.SequentialScan, table)
                        {
                            UnderLimit = limited && !sorted,
                            Filtered = access?.HasAnyPredicate == true,
                        });
                    }

                    continue;
                }

                var search = Search.Match(detail);
                if (search.Success)
                {
                    var table = Resolve(search, statement);
                    lastTable ??= table;
                    var index = search.Groups[3].Success ? search.Groups[3].Value : "rowid (INTEGER PRIMARY KEY)";
                    steps.Add(new PlanStep(PlanStepKind.IndexRead, table) { Index = index });
                    continue;
                }

                if (detail.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal) && limited)
                {
                    var ordered = statement.Accesses().FirstOrDefault(a => a.OrderBy.Count > 0);
                    steps.Add(new PlanStep(PlanStepKind.Sort, ordered?.Table ?? lastTable)
                    {
                        UnderLimit = true,
                        SortKeys = ordered?.OrderBy.Select(o => o.ToString()).ToList() ?? new List<string>(),
                    });
                }
            }

            return steps;
        }

        // SQLite names the alias when the query gives one ("SCAN d"), else the table.
        private static string Resolve(Match match, GuardedStatement statement)
        {
            var name = match.Groups[1].Value;
            return statement.ResolveTable(name) ?? name;
        }
    }
}
