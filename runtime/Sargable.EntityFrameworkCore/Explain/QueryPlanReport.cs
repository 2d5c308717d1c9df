using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Sargable
{
    /// <summary>An index the plan used, on which table.</summary>
    public sealed class PlanIndexUse
    {
        /// <summary><paramref name="index"/> used on <paramref name="table"/>.</summary>
        public PlanIndexUse(string table, string index)
        {
            Table = table ?? throw new ArgumentNullException(nameof(table));
            Index = index ?? throw new ArgumentNullException(nameof(index));
        }

        /// <summary>The table the index belongs to.</summary>
        public string Table { get; }

        /// <summary>The index name.</summary>
        public string Index { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Index} on {Table}";
    }

    /// <summary>
    /// What the database's plan says about one statement (<c>VerifyWithExplain()</c>), in the rules' vocabulary: a
    /// sequential scan of a large table is SARG0001 (no filter) or SARG0006 (a filter no index serves), a sort of many rows
    /// under a LIMIT is SARG0003. Holds no parameter values: filter and index conditions of the plan are never copied.
    /// </summary>
    public sealed class QueryPlanReport
    {
        /// <summary>A plan report from <paramref name="database"/>.</summary>
        public QueryPlanReport(
            string database,
            IReadOnlyList<Finding> findings,
            IReadOnlyList<PlanIndexUse> indexesUsed,
            IReadOnlyList<string> disagreements,
            string? error = null)
        {
            Database = database ?? throw new ArgumentNullException(nameof(database));
            Findings = findings ?? throw new ArgumentNullException(nameof(findings));
            IndexesUsed = indexesUsed ?? throw new ArgumentNullException(nameof(indexesUsed));
            Disagreements = disagreements ?? throw new ArgumentNullException(nameof(disagreements));
            Error = error;
        }

        /// <summary>"PostgreSQL" or "SQLite".</summary>
        public string Database { get; }

        /// <summary>Slow plan nodes as findings, with the same rule IDs the registry uses.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Every index the plan reads, in plan order.</summary>
        public IReadOnlyList<PlanIndexUse> IndexesUsed { get; }

        /// <summary>Where the plan and the registry's verdict disagree, in words.</summary>
        public IReadOnlyList<string> Disagreements { get; }

        /// <summary>
        /// Why no plan could be read (the statement still ran), or null: the error's SQLSTATE (SQLite result code) and a
        /// fixed description, never the database's message, which can quote the parameter value that caused it.
        /// </summary>
        public string? Error { get; }

        /// <summary>One line: the plan's findings, the indexes used and any disagreement.</summary>
        public string Summary
        {
            get
            {
                if (Error is not null)
                {
                    return $"{Database} plan not read: {Error}";
                }

                var text = new StringBuilder(Database).Append(" plan: ");
                text.Append(Findings.Count == 0 ? "no sequential scan of a large table and no large sort under a LIMIT" : string.Join("; ", Findings.Select(f => f.RuleId + " " + f.Message)));
                text.Append(IndexesUsed.Count == 0 ? "; no index used" : "; index used: " + string.Join(", ", IndexesUsed.Select(i => i.ToString()).Distinct(StringComparer.Ordinal)));
                if (Disagreements.Count > 0)
                {
                    text.Append("; ").Append(string.Join(" ", Disagreements));
                }

                return text.ToString();
            }
        }

        /// <inheritdoc />
        public override string ToString() => Summary;
    }
}
