using System;
using System.Collections.Generic;

namespace Sargable
{
    /// <summary>Tunable thresholds and per-rule severities; immutable, shared by every front-end.</summary>
    public sealed class RuleOptions
    {
        public const int DefaultOffsetThreshold = 1000;

        /// <summary>Ten times the keyset batch SARG0001 suggests (LIMIT 1000): a larger constant LIMIT is a full read.</summary>
        public const long DefaultRowLimitThreshold = 10_000;

        public static RuleOptions Default { get; } = new();

        /// <summary>A constant OFFSET above this is SARG0008; a parameter OFFSET always is.</summary>
        public int OffsetThreshold { get; init; } = DefaultOffsetThreshold;

        /// <summary>
        /// A constant LIMIT (or FETCH FIRST) above this does not bound a read for SARG0001: <c>LIMIT 1000000000</c> fetches
        /// every row. A parameter LIMIT still bounds it (its value is the application's page size).
        /// </summary>
        public long RowLimitThreshold { get; init; } = DefaultRowLimitThreshold;

        /// <summary>Severity per rule ID where it differs from the catalog default.</summary>
        public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Rule IDs that are switched off entirely.</summary>
        public IReadOnlyCollection<string> DisabledRules { get; init; } = Array.Empty<string>();

        public bool IsEnabled(string ruleId)
        {
            foreach (var disabled in DisabledRules)
            {
                if (string.Equals(disabled, ruleId, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }

        public Severity SeverityOf(string ruleId) =>
            Severities.TryGetValue(ruleId, out var severity) ? severity : RuleCatalog.Get(ruleId).DefaultSeverity;
    }
}
