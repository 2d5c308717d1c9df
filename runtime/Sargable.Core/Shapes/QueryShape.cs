using System;
using System.Collections.Generic;

namespace Sargable.Shapes
{
    /// <summary>The kind of statement a shape was built from.</summary>
    public enum StatementKind
    {
        Select,
        Insert,
        Update,
        Delete,

        /// <summary>DDL and anything else the rules do not check.</summary>
        Other,
    }

    /// <summary>A rule switched off for one statement, with the reason someone gave.</summary>
    public sealed class RuleSuppression
    {
        public RuleSuppression(string ruleId, string reason)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        }

        public string RuleId { get; }

        public string Reason { get; }

        public override string ToString() => $"{RuleId}: {Reason}";
    }

    /// <summary>
    /// One statement reduced to its table accesses: the plain model every front-end builds and every rule reads.
    /// </summary>
    public sealed class QueryShape
    {
        public QueryShape(StatementKind kind, IReadOnlyList<TableAccess> accesses, IReadOnlyList<RuleSuppression>? suppressions = null)
        {
            Kind = kind;
            Accesses = accesses ?? throw new ArgumentNullException(nameof(accesses));
            Suppressions = suppressions ?? Array.Empty<RuleSuppression>();
            for (var i = 0; i < accesses.Count; i++)
            {
                if (accesses[i].Id != i)
                {
                    throw new ArgumentException($"Access '{accesses[i]}' has id {accesses[i].Id} but stands at position {i}.", nameof(accesses));
                }
            }
        }

        public StatementKind Kind { get; }

        public IReadOnlyList<TableAccess> Accesses { get; }

        public IReadOnlyList<RuleSuppression> Suppressions { get; }

        public bool IsSuppressed(string ruleId)
        {
            foreach (var suppression in Suppressions)
            {
                if (string.Equals(suppression.RuleId, ruleId, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
