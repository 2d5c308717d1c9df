using System.Collections.Generic;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>What the rules ask about one access, computed once: bound column sets and the effective ORDER BY.</summary>
    internal sealed class AccessFacts
    {
        private IReadOnlyList<IndexMatch>? matches;

        public AccessFacts(TableAccess access, RegisteredTable? table, bool small)
        {
            Access = access;
            Table = table;
            Small = small;
            Equal = new ColumnNames();
            ValueEqual = new ColumnNames();
            Range = new ColumnNames();
            Predicated = new ColumnNames();
            foreach (var equality in access.Equalities)
            {
                Equal.Add(equality.Column);
                Predicated.Add(equality.Column);
                if (equality.IsToValue && equality.Kind != EqualityKind.IsNull)
                {
                    ValueEqual.Add(equality.Column);
                }
            }

            foreach (var range in access.Ranges)
            {
                Range.Add(range.Column);
                Predicated.Add(range.Column);
            }

            foreach (var unusable in access.Unusable)
            {
                if (unusable.Column is not null)
                {
                    Predicated.Add(unusable.Column);
                }
            }

            // Columns fixed by equality cannot change the order, so an index need not deliver them.
            var order = new List<OrderColumn>();
            foreach (var column in access.OrderBy)
            {
                if (!Equal.Contains(column.Column))
                {
                    order.Add(column);
                }
            }

            EffectiveOrder = order;
        }

        public TableAccess Access { get; }

        /// <summary>The registry's entry, or null when the registry does not know the table.</summary>
        public RegisteredTable? Table { get; }

        public bool Small { get; }

        /// <summary>Columns bound by any equality, including join and outer columns.</summary>
        public ColumnNames Equal { get; }

        /// <summary>Columns bound by equality to a constant, parameter, list or subquery (not IS NULL).</summary>
        public ColumnNames ValueEqual { get; }

        public ColumnNames Range { get; }

        /// <summary>Every column some predicate mentions.</summary>
        public ColumnNames Predicated { get; }

        /// <summary>The ORDER BY without columns bound by equality.</summary>
        public IReadOnlyList<OrderColumn> EffectiveOrder { get; }

        /// <summary>How each index of the table serves this access, best first; computed once for every rule that asks.</summary>
        public IReadOnlyList<IndexMatch> Matches => matches ??= IndexMatcher.MatchAll(this);

        public bool IsLimited => Access.Limit is not null || Access.Offset is not null;

        /// <summary>Paged or limited with an order: the case where sorting before the limit hurts.</summary>
        public bool IsOrderedAndLimited => Access.OrderBy.Count > 0 && IsLimited && !Access.Aggregated;
    }
}
