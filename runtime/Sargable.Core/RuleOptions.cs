using System;
using System.Collections.Generic;

namespace Sargable
{
    /// <summary>Tunable thresholds and per-rule severities; immutable, shared by every front-end.</summary>
    public sealed class RuleOptions
    {
        public const int DefaultOffsetThreshold = 1000;

        public static RuleOptions Default { get; } = new();

        /// <summary>A constant OFFSET above this is SARG0008; a parameter OFFSET always is.</summary>
        public int OffsetThreshold { get; init; } = DefaultOffsetThreshold;

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
