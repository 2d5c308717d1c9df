using System;
using System.Collections.Generic;

namespace Sargable.Shapes
{
    /// <summary>The kind of statement a shape was built from.</summary>
    public enum StatementKind
    {
        /// <summary>A SELECT (or a WITH ... SELECT).</summary>
        Select,
        /// <summary>An INSERT.</summary>
        Insert,
        /// <summary>An UPDATE.</summary>
        Update,
        /// <summary>A DELETE.</summary>
        Delete,

        /// <summary>DDL and anything else the rules do not check.</summary>
        Other,
    }

    /// <summary>A rule switched off for one statement, with the reason someone gave.</summary>
    public sealed class RuleSuppression
    {
        /// <summary><paramref name="ruleId"/> switched off for <paramref name="reason"/>.</summary>
        public RuleSuppression(string ruleId, string reason)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        }

        /// <summary>The suppressed rule's ID.</summary>
        public string RuleId { get; }

        /// <summary>Why it is suppressed, as written.</summary>
        public string Reason { get; }

        /// <inheritdoc />
        public override string ToString() => $"{RuleId}: {Reason}";
    }

    /// <summary>
    /// One statement reduced to its table accesses: the plain model every front-end builds and every rule reads.
    /// </summary>
    public sealed class QueryShape
    {
        /// <summary>A shape of <paramref name="kind"/> with its accesses and the suppressions its text carries.</summary>
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

        /// <summary>The statement kind.</summary>
        public StatementKind Kind { get; }

        /// <summary>Every base-table access, in order; <see cref="TableAccess.Id"/> is the index here.</summary>
        public IReadOnlyList<TableAccess> Accesses { get; }

        /// <summary>The rules the statement switches off.</summary>
        public IReadOnlyList<RuleSuppression> Suppressions { get; }

        /// <summary>True when the statement suppresses <paramref name="ruleId"/>.</summary>
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
