using System.Collections.Generic;

namespace Sargable.Rules
{
    /// <summary>
    /// The shape rules in evaluation order. Order matters: the most specific diagnosis of an access wins
    /// (a scope-less lookup is not also reported as a missing index, a filter/order mismatch not also as SARG0006).
    /// </summary>
    internal static class ShapeRules
    {
        public static IReadOnlyList<IShapeRule> All { get; } = new IShapeRule[]
        {
            new UnboundedReadRule(),
            new WholeTableAggregateRule(),
            new ScopelessLookupRule(),
            new FilterOrderMismatchRule(),
            new NoIndexForFilterRule(),
            new NoUniqueTieBreakerRule(),
            new LargeOffsetRule(),
        };
    }
}
