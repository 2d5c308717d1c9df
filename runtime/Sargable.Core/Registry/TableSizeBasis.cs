namespace Sargable.Registry
{
    /// <summary>What the engine knew about a table's size when it judged an access (shown with every finding).</summary>
    public enum TableSizeBasis
    {
        /// <summary>No registry entry, estimate or inference: the table is treated as large.</summary>
        Unknown,

        /// <summary>A row estimate from the registry (a live-catalog snapshot such as <c>sargable registry pull</c>).</summary>
        RowEstimate,

        /// <summary>Declared small: <c>"small": true</c> in the registry or listed in <c>small_tables</c>.</summary>
        DeclaredSmall,

        /// <summary>Declared large: listed in <c>large_tables</c>, which overrides every inference and estimate.</summary>
        DeclaredLarge,

        /// <summary>Inferred from the EF model as a lookup or configuration table (seeded, key/value, referenced only).</summary>
        InferredLookup,
    }
}
