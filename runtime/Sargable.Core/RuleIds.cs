namespace Sargable
{
    /// <summary>
    /// The one list of rule identifiers shared by the analyzers, the runtime guard and the CLI.
    /// An identifier is never reused for another meaning.
    /// </summary>
    public static class RuleIds
    {
        /// <summary>Unbounded read of a large table: iterate in keyset batches.</summary>
        public const string UnboundedRead = "SARG0001";

        /// <summary>Lookup on a column unique only within a scope, without the scope.</summary>
        public const string ScopelessLookup = "SARG0002";

        /// <summary>No index serves the filter and the ORDER BY together.</summary>
        public const string FilterOrderMismatch = "SARG0003";

        /// <summary>The same query executed once per item of a loop (N+1).</summary>
        public const string QueryInLoop = "SARG0004";

        /// <summary>Rows deleted or updated one by one.</summary>
        public const string RowByRowWrite = "SARG0005";

        /// <summary>No index serves the filter of a large table.</summary>
        public const string NoIndexForFilter = "SARG0006";

        /// <summary>Paged or limited ORDER BY without a unique tie-breaker.</summary>
        public const string NoUniqueTieBreaker = "SARG0007";

        /// <summary>OFFSET that is a parameter or large: use keyset pagination.</summary>
        public const string LargeOffset = "SARG0008";

        /// <summary>Filtering or counting after materialization.</summary>
        public const string ClientSideEvaluation = "SARG0009";

        /// <summary>Count, Sum, Min, Max or Average over every row of a large table.</summary>
        public const string WholeTableAggregate = "SARG0010";
    }
}
