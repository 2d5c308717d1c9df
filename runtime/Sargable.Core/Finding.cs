using System;
using System.Collections.Generic;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable
{
    /// <summary>One rule violation in one statement: what, where, and the index that would fix it.</summary>
    public sealed class Finding
    {
        /// <summary>A finding of <paramref name="ruleId"/> on <paramref name="table"/> and <paramref name="columns"/>, with its message.</summary>
        public Finding(string ruleId, Severity severity, string table, IReadOnlyList<string> columns, string message)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Severity = severity;
            Table = table ?? throw new ArgumentNullException(nameof(table));
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        /// <summary>The rule's ID (<c>SARG0003</c>).</summary>
        public string RuleId { get; }

        /// <summary>How serious the finding is, after the options' per-rule severities.</summary>
        public Severity Severity { get; }

        /// <summary>The table the finding is about.</summary>
        public string Table { get; }

        /// <summary>The columns involved, most relevant first.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>One sentence that names the columns and the problem.</summary>
        public string Message { get; }

        /// <summary>Name of the existing index that comes closest to serving the access, if any.</summary>
        public string? ClosestIndex { get; init; }

        /// <summary>Runnable DDL for an index that would serve the access, when an index is the fix.</summary>
        public string? SuggestedIndex { get; init; }

        /// <summary>Where the finding points in the source (a column or table reference), when known.</summary>
        public SourceLocation? Location { get; init; }

        /// <summary>The access the finding is about (<see cref="TableAccess.Id"/>), or null for whole-statement findings.</summary>
        public int? AccessId { get; init; }

        /// <summary>
        /// The ORDER BY a fix writes, when the fix is an order rather than an index: SARG0003's range column closed by the
        /// primary key or smallest unique index, SARG0007's order with the tie-breaker appended. Front-ends pass it on; they never recompute it.
        /// </summary>
        public IReadOnlyList<OrderColumn>? SuggestedOrder { get; init; }

        /// <summary>What the table-size judgement rested on (registry estimate, declaration, inferred lookup table, unknown).</summary>
        public TableSizeBasis SizeBasis { get; init; }

        /// <summary>The size knowledge in words ("registry estimate 2,000,000 rows"), for messages, logs and reports.</summary>
        public string? SizeNote { get; init; }

        /// <summary>The rule's documentation page.</summary>
        public string HelpLink => RuleCatalog.HelpLink(RuleId);

        /// <inheritdoc />
        public override string ToString() => $"{RuleId} {Severity}: {Message}";
    }
}
