using System.Collections.Generic;
using System.Linq;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>
    /// SARG0002: a value bound to a trailing column of a multi-column unique index whose leading (scope) columns are not
    /// bound, e.g. <c>environments.name = $1</c> with unique (project_id, name). The lookup is neither unique nor able to
    /// use that index. Holds through joins and <c>IN (SELECT ...)</c>, since each of those is an access of its own.
    /// </summary>
    internal sealed class ScopelessLookupRule : IShapeRule
    {
        public string Id => RuleIds.ScopelessLookup;

        public void Evaluate(RuleContext context)
        {
            if (!context.Enabled(Id))
            {
                return;
            }

            foreach (var facts in context.Facts)
            {
                if (facts.Table is null || facts.ValueEqual.Count == 0 || IdentifiedByValues(facts))
                {
                    continue;
                }

                foreach (var index in facts.Table.Indexes.Where(i => i.Unique && i.Columns.Count > 1 && i.Where is null))
                {
                    if (TryFindMissingScope(index, facts, out var bound, out var missing))
                    {
                        var scope = string.Join(", ", missing);
                        var message =
                            $"{facts.Access.Table} is looked up by {bound} without {scope}, but {bound} is unique only within {scope} " +
                            $"(unique index {index.Name} on ({string.Join(", ", index.Columns.Select(c => c.Name))})); add the {scope} condition.";
                        var location = facts.Access.Equalities.FirstOrDefault(e => ColumnSet.Same(e.Column, bound))?.Location;
                        context.Report(facts, Id, missing.Concat(new[] { bound }).ToList(), message, location, index.Name);
                        break;
                    }
                }
            }
        }

        /// <summary>True when some unique index has all its columns bound to values: the row is already pinned down.</summary>
        private static bool IdentifiedByValues(AccessFacts facts) =>
            facts.Table!.Indexes.Any(i => i.Unique && i.Where is null && i.Columns.All(c => facts.ValueEqual.Contains(c.Name)));

        private static bool TryFindMissingScope(IndexDefinition index, AccessFacts facts, out string bound, out List<string> missing)
        {
            bound = string.Empty;
            missing = new List<string>();
            for (var j = 1; j < index.Columns.Count; j++)
            {
                if (!facts.ValueEqual.Contains(index.Columns[j].Name))
                {
                    continue;
                }

                for (var i = 0; i < j; i++)
                {
                    if (!facts.Equal.Contains(index.Columns[i].Name))
                    {
                        missing.Add(index.Columns[i].Name);
                    }
                }

                if (missing.Count > 0)
                {
                    bound = index.Columns[j].Name;
                    return true;
                }
            }

            return false;
        }
    }
}
