namespace Sargable.FrontEnds.Tests
{
    /// <summary>
    /// The suppression texts every front-end must read alike, with the rules left standing. The query behind them is
    /// filtered by a range on updated_at and paged by created_at with OFFSET (a parameter, as EF Core sends Skip), which
    /// breaks SARG0003 (no index serves filter and order), SARG0007 (pages without a unique tie-breaker) and SARG0008
    /// (OFFSET paging); no case allows SARG0008, so it shows that an allow comment leaves the rules it does not name.
    /// </summary>
    public static class AllowCommentCases
    {
        /// <summary>The reason the allowing cases give.</summary>
        public const string Reason = "nightly report over one project";

        /// <summary>Each suppression text (empty: none) and the rules that must still be reported, sorted.</summary>
        public static TheoryData<string, string[]> All => new()
        {
            { string.Empty, new[] { RuleIds.FilterOrderMismatch, RuleIds.NoUniqueTieBreaker, RuleIds.LargeOffset } },
            { $"{AllowComment.Marker} {RuleIds.FilterOrderMismatch} {Reason}", new[] { RuleIds.NoUniqueTieBreaker, RuleIds.LargeOffset } },
            { $"{AllowComment.Marker} {RuleIds.FilterOrderMismatch}, {RuleIds.NoUniqueTieBreaker} {Reason}", new[] { RuleIds.LargeOffset } },
            { $"{AllowComment.Marker} {RuleIds.FilterOrderMismatch}", new[] { RuleIds.FilterOrderMismatch, RuleIds.NoUniqueTieBreaker, RuleIds.LargeOffset } },
        };
    }
}
