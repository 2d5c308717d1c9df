using System.Globalization;
using System.Linq;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>SARG0008: an OFFSET that is a parameter or larger than the threshold; every skipped row is still read.</summary>
    internal sealed class LargeOffsetRule : IShapeRule
    {
        public string Id => RuleIds.LargeOffset;

        public void Evaluate(RuleContext context)
        {
            if (!context.Enabled(Id) || !context.Facts.Any(f => f.Access.Offset is not null))
            {
                return;
            }

            foreach (var block in context.Blocks)
            {
                // The OFFSET belongs to the block; report it once, on the access that carries the order (or the first).
                var facts = block.FirstOrDefault(f => f.Access.Offset is not null && f.Access.OrderBy.Count > 0) ?? block.FirstOrDefault(f => f.Access.Offset is not null);
                if (facts is null || facts.Small)
                {
                    continue;
                }

                var offset = facts.Access.Offset!;
                string what;
                if (offset.Kind == RowCountKind.Constant)
                {
                    if (offset.Value is not { } value || value <= context.Options.OffsetThreshold)
                    {
                        continue;
                    }

                    what = $"OFFSET {value.ToString(CultureInfo.InvariantCulture)} on {facts.Access.Table} reads and discards {value.ToString("N0", CultureInfo.InvariantCulture)} rows";
                }
                else
                {
                    what = $"OFFSET on {facts.Access.Table} is {(offset.Kind == RowCountKind.Parameter ? "a parameter" : "computed")}, so deep pages read and discard every skipped row";
                }

                var order = facts.Access.OrderBy.Select(o => o.Column).ToList();
                if (order.Count == 0)
                {
                    order.AddRange(IndexSuggestion.UniqueKey(facts));
                }

                var keyset = order.Count == 1
                    ? $"WHERE {order[0]} > @last_{order[0]}"
                    : $"WHERE ({string.Join(", ", order)}) > ({string.Join(", ", order.Select(c => "@last_" + c))})";
                var message = $"{what}; page by key instead ({keyset} ORDER BY {string.Join(", ", order)} LIMIT n).";
                context.Report(facts, Id, order, message, offset.Location ?? facts.Access.Location);
            }
        }
    }
}
