using System;
using System.Collections.Generic;

namespace Sargable
{
    /// <summary>Tunable thresholds and per-rule severities; immutable, shared by every front-end.</summary>
    public sealed class RuleOptions
    {
        /// <summary>The default OFFSET threshold: 1,000 rows.</summary>
        public const int DefaultOffsetThreshold = 1000;

        /// <summary>Ten times the keyset batch SARG0001 suggests (LIMIT 1000): a larger constant LIMIT is a full read.</summary>
        public const long DefaultRowLimitThreshold = 10_000;

        /// <summary>The defaults: catalog severities, every rule on, OFFSET threshold 1,000.</summary>
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

        /// <summary>False when <paramref name="ruleId"/> is switched off.</summary>
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

        /// <summary>The severity of <paramref name="ruleId"/>: its override, else the catalog default.</summary>
        public Severity SeverityOf(string ruleId) =>
            Severities.TryGetValue(ruleId, out var severity) ? severity : RuleCatalog.Get(ruleId).DefaultSeverity;
    }
}
