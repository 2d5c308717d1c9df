using Sargable.Registry;

namespace Sargable.Rules
{
    /// <summary>How far one index goes in serving one access.</summary>
    internal readonly struct IndexMatch
    {
        public IndexMatch(IndexDefinition index, int equalityPrefix, bool rangeUsed, int orderMatched, bool servesFilter, bool servesOrder, bool pointLookup)
        {
            Index = index;
            EqualityPrefix = equalityPrefix;
            RangeUsed = rangeUsed;
            OrderMatched = orderMatched;
            ServesFilter = servesFilter;
            ServesOrder = servesOrder;
            PointLookup = pointLookup;
        }

        public IndexDefinition Index { get; }

        /// <summary>Leading index columns bound by equality.</summary>
        public int EqualityPrefix { get; }

        /// <summary>True when the column after the equality prefix is range-bound, so the index seeks to the range.</summary>
        public bool RangeUsed { get; }

        /// <summary>ORDER BY columns (those not fixed by equality) delivered in order by the index.</summary>
        public int OrderMatched { get; }

        /// <summary>The index narrows the rows read (an equality prefix or a range on its next column).</summary>
        public bool ServesFilter { get; }

        /// <summary>The index delivers the rows in the required order after its equality prefix.</summary>
        public bool ServesOrder { get; }

        /// <summary>A unique index with every column bound by equality: at most one row.</summary>
        public bool PointLookup { get; }

        /// <summary>
        /// Seeks with the whole filter and delivers the order, so a LIMIT stops early. An index that delivers only the
        /// order does not serve a filter with equality columns: the planner walks it discarding rows until the LIMIT is
        /// met, which reads the whole table for a rare or absent value.
        /// </summary>
        public bool ServesFilterAndOrder(bool hasRange, bool hasOrder, bool hasEquality) =>
            PointLookup || (ServesOrder && (!hasRange || RangeUsed) && (ServesFilter || (hasOrder && OrderMatched > 0 && !hasEquality)));

        /// <summary>Delivers the order without narrowing the rows: a walk that filters as it goes.</summary>
        public bool ServesOnlyOrder => !PointLookup && !ServesFilter && ServesOrder && OrderMatched > 0;

        /// <summary>Closeness for picking the "closest index" to show: longer useful prefix first.</summary>
        public int Score => PointLookup ? 1000 : (EqualityPrefix * 4) + (RangeUsed ? 2 : 0) + (OrderMatched > 0 ? 1 + OrderMatched : 0);
    }
}
