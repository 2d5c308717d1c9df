namespace Sargable.FrontEnds.Tests
{
    /// <summary>
    /// The suppression texts every front-end must read alike, with the rules left standing. The query behind them is
    /// filtered by a range on updated_at and ordered by created_at with a LIMIT, which breaks SARG0003 (no index
    /// serves filter and order) and SARG0007 (no unique tie-breaker).
    /// </summary>
    public static class AllowCommentCases
    {
        /// <summary>The reason the allowing cases give.</summary>
        public const string Reason = "nightly report over one project";

        /// <summary>Each suppression text (empty: none) and the rules that must still be reported, sorted.</summary>
        public static TheoryData<string, string[]> All => new()
        {
            { string.Empty, new[] { RuleIds.FilterOrderMismatch, RuleIds.NoUniqueTieBreaker } },
            { $"{AllowComment.Marker} {RuleIds.FilterOrderMismatch} {Reason}", new[] { RuleIds.NoUniqueTieBreaker } },
            { $"{AllowComment.Marker} {RuleIds.FilterOrderMismatch}, {RuleIds.NoUniqueTieBreaker} {Reason}", Array.Empty<string>() },
            { $"{AllowComment.Marker} {RuleIds.FilterOrderMismatch}", new[] { RuleIds.FilterOrderMismatch, RuleIds.NoUniqueTieBreaker } },
        };
    }
}
