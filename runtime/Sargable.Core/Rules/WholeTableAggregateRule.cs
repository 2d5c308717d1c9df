using System.Collections.Generic;
using System.Linq;

namespace Sargable.Rules
{
    /// <summary>
    /// SARG0010: COUNT/SUM/MIN/MAX/AVG (or GROUP BY, DISTINCT) over every row of a large table. The answer is one row or a
    /// few, so it is not an unbounded read (SARG0001), but its cost still grows with the table: worth knowing, rarely urgent.
    /// </summary>
    internal sealed class WholeTableAggregateRule : IShapeRule
    {
        public string Id => RuleIds.WholeTableAggregate;

        public void Evaluate(RuleContext context)
        {
            if (!context.Enabled(Id))
            {
                return;
            }

            foreach (var facts in context.WholeTableReads)
            {
                var access = facts.Access;
                if (!UnboundedReadRule.IsWholeTableAggregate(access))
                {
                    continue;
                }

                var key = IndexSuggestion.UniqueKey(facts);
                var message =
                    $"{access.Table} is aggregated over all of its rows ({context.Registry.DescribeSize(facts.Table)}), so the cost grows with the table; " +
                    "filter it, keep a maintained counter, or use Any() when only existence matters.";
                context.Report(facts, Id, new List<string>(key), message, access.Location);
            }
        }
    }
}
