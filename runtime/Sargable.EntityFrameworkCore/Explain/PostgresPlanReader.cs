using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sargable.Internal;

namespace Sargable.Explain
{
    /// <summary>
    /// Reads <c>EXPLAIN (FORMAT JSON)</c> output into plan steps. Only node types, relation and index names, row
    /// estimates and sort keys are read: filter and index conditions can carry parameter values and are never copied.
    /// </summary>
    internal static class PostgresPlanReader
    {
        private static readonly Regex PlainSortKey = new("^(?:\"?[A-Za-z_][A-Za-z0-9_$]*\"?\\.)?\"?([A-Za-z_][A-Za-z0-9_$]*)\"?( DESC)?(?: NULLS (?:FIRST|LAST))?$", RegexOptions.CultureInvariant);

        public static IReadOnlyList<PlanStep> Read(string json, GuardedStatement statement)
        {
            using var document = JsonDocument.Parse(json);
            var steps = new List<PlanStep>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.TryGetProperty("Plan", out var plan))
                {
                    Walk(plan, underLimit: false, null, steps, statement);
                }
            }

            return steps;
        }

        private static void Walk(JsonElement node, bool underLimit, string? parentTable, List<PlanStep> steps, GuardedStatement statement)
        {
            var type = Text(node, "Node Type") ?? string.Empty;
            var childrenUnderLimit = underLimit;
            switch (type)
            {
                case "Limit":
                    childrenUnderLimit = true;
                    break;
                case "Seq Scan":
                    steps.Add(new PlanStep(PlanStepKind.SequentialScan, Table(node, statement))
                    {
                        UnderLimit = underLimit,
                        Filtered = node.TryGetProperty("Filter", out _),
                    });
                    break;
                // A Bitmap Index Scan names no relation: its Bitmap Heap Scan parent does (parentTable).
                case "Index Scan":
                case "Index Only Scan":
                case "Bitmap Index Scan":
                    steps.Add(new PlanStep(PlanStepKind.IndexRead, Table(node, statement) ?? parentTable) { Index = Text(node, "Index Name") });
                    break;
                case "Sort":
                case "Incremental Sort":
                    steps.Add(new PlanStep(PlanStepKind.Sort, FirstRelation(node, statement))
                    {
                        UnderLimit = underLimit,
                        Rows = node.TryGetProperty("Plan Rows", out var rows) && rows.TryGetInt64(out var n) ? n : null,
                        SortKeys = SortKeys(node),
                    });
                    childrenUnderLimit = false;
                    break;
                case "Aggregate":
                case "Hash":
                case "SetOp":
                case "WindowAgg":
                case "Group":
                    childrenUnderLimit = false;
                    break;
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child, childrenUnderLimit, Table(node, statement) ?? parentTable, steps, statement);
                }
            }
        }

        private static string? Table(JsonElement node, GuardedStatement statement)
        {
            var relation = Text(node, "Relation Name");
            if (relation is null)
            {
                return null;
            }

            return statement.ResolveTable(relation) ?? relation;
        }

        private static string? FirstRelation(JsonElement node, GuardedStatement statement)
        {
            if (Table(node, statement) is { } table)
            {
                return table;
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    if (FirstRelation(child, statement) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        private static IReadOnlyList<string> SortKeys(JsonElement node)
        {
            var keys = new List<string>();
            if (node.TryGetProperty("Sort Key", out var sortKey) && sortKey.ValueKind == JsonValueKind.Array)
            {
                foreach (var key in sortKey.EnumerateArray())
                {
                    // Only plain column references: an expression could contain a parameter's value.
                    var match = PlainSortKey.Match(key.GetString() ?? string.Empty);
                    if (match.Success)
                    {
                        keys.Add(match.Groups[1].Value + match.Groups[2].Value);
                    }
                }
            }

            return keys;
        }

        private static string? Text(JsonElement node, string property) =>
            node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
