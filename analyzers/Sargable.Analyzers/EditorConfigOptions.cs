using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sargable.Analyzers
{
    /// <summary>
    /// Sargable's <c>.editorconfig</c> options:
    /// <c>sargable.small_tables = environments, projects</c> (tables exempt from SARG0001/SARG0006, matched to entities by
    /// table, DbSet or type name, case-insensitively with underscores ignored) and
    /// <c>sargable.offset_threshold = 1000</c> (SARG0008's constant-offset threshold) and
    /// <c>sargable.large_tables = files, orders</c> (tables never treated as small, whatever the model's lookup-table
    /// inference, the registry's flag or its estimate say).
    /// </summary>
    internal sealed class EditorConfigOptions : IEquatable<EditorConfigOptions>
    {
        public static readonly string SmallTablesKey = RuleIdFormat.ConfigKey("small_tables");
        public static readonly string OffsetThresholdKey = RuleIdFormat.ConfigKey("offset_threshold");
        public static readonly string LargeTablesKey = RuleIdFormat.ConfigKey("large_tables");

        public static readonly EditorConfigOptions Default = new(Array.Empty<string>(), RuleOptions.DefaultOffsetThreshold);

        public EditorConfigOptions(IReadOnlyList<string> smallTables, int offsetThreshold, IReadOnlyList<string>? largeTables = null)
        {
            SmallTables = smallTables;
            OffsetThreshold = offsetThreshold;
            LargeTables = largeTables ?? Array.Empty<string>();
            Key = string.Join(",", smallTables.Select(Normalize).OrderBy(s => s, StringComparer.Ordinal)) + "|" + offsetThreshold.ToString(CultureInfo.InvariantCulture) +
                "|" + string.Join(",", LargeTables.Select(Normalize).OrderBy(s => s, StringComparer.Ordinal));
        }

        public IReadOnlyList<string> SmallTables { get; }

        public IReadOnlyList<string> LargeTables { get; }

        public int OffsetThreshold { get; }

        /// <summary>A stable key for caching engines per distinct option set.</summary>
        public string Key { get; }

        public static EditorConfigOptions Read(AnalyzerOptions options, SyntaxTree tree)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var small = TableList(config, options, SmallTablesKey);
            var large = TableList(config, options, LargeTablesKey);

            var threshold = RuleOptions.DefaultOffsetThreshold;
            if ((config.TryGetValue(OffsetThresholdKey, out var thresholdText) || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(OffsetThresholdKey, out thresholdText)) &&
                int.TryParse(thresholdText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
            {
                threshold = parsed;
            }

            return small.Length == 0 && large.Length == 0 && threshold == RuleOptions.DefaultOffsetThreshold ? Default : new EditorConfigOptions(small, threshold, large);
        }

        private static string[] TableList(AnalyzerConfigOptions config, AnalyzerOptions options, string key) =>
            config.TryGetValue(key, out var text) || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out text)
                ? text.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray()
                : Array.Empty<string>();

        /// <summary>Names compared the way registry files and options are matched to the model: case-insensitive, underscores ignored.</summary>
        public static string Normalize(string name) => name.Replace("_", string.Empty).ToLowerInvariant();

        public bool Equals(EditorConfigOptions? other) => other is not null && Key == other.Key;

        public override bool Equals(object? obj) => Equals(obj as EditorConfigOptions);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
    }
}
