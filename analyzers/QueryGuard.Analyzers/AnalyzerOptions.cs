using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QueryGuard.Analyzers
{
    /// <summary>
    /// QueryGuard's <c>.editorconfig</c> options:
    /// <c>queryguard.small_tables = environments, projects</c> (tables exempt from QG0001/QG0006, matched to entities by
    /// table, DbSet or type name, case-insensitively with underscores ignored) and
    /// <c>queryguard.offset_threshold = 1000</c> (QG0008's constant-offset threshold).
    /// </summary>
    internal sealed class QueryGuardOptions : IEquatable<QueryGuardOptions>
    {
        public const string SmallTablesKey = "queryguard.small_tables";
        public const string OffsetThresholdKey = "queryguard.offset_threshold";

        public static readonly QueryGuardOptions Default = new(Array.Empty<string>(), RuleOptions.DefaultOffsetThreshold);

        public QueryGuardOptions(IReadOnlyList<string> smallTables, int offsetThreshold)
        {
            SmallTables = smallTables;
            OffsetThreshold = offsetThreshold;
            Key = string.Join(",", smallTables.Select(Normalize).OrderBy(s => s, StringComparer.Ordinal)) + "|" + offsetThreshold.ToString(CultureInfo.InvariantCulture);
        }

        public IReadOnlyList<string> SmallTables { get; }

        public int OffsetThreshold { get; }

        /// <summary>A stable key for caching engines per distinct option set.</summary>
        public string Key { get; }

        public static QueryGuardOptions Read(AnalyzerOptions options, SyntaxTree tree)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var small = Array.Empty<string>();
            if (config.TryGetValue(SmallTablesKey, out var smallText) || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(SmallTablesKey, out smallText))
            {
                small = smallText.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
            }

            var threshold = RuleOptions.DefaultOffsetThreshold;
            if ((config.TryGetValue(OffsetThresholdKey, out var thresholdText) || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(OffsetThresholdKey, out thresholdText)) &&
                int.TryParse(thresholdText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
            {
                threshold = parsed;
            }

            return small.Length == 0 && threshold == RuleOptions.DefaultOffsetThreshold ? Default : new QueryGuardOptions(small, threshold);
        }

        /// <summary>Names compared the way registry files and options are matched to the model: case-insensitive, underscores ignored.</summary>
        public static string Normalize(string name) => name.Replace("_", string.Empty).ToLowerInvariant();

        public bool Equals(QueryGuardOptions? other) => other is not null && Key == other.Key;

        public override bool Equals(object? obj) => Equals(obj as QueryGuardOptions);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
    }
}
