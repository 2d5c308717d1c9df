using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Generated
{
    /// <summary>
    /// The interval the paired analyzer benchmark reports around its median ratio: checked against the binomial tables,
    /// because a too-narrow interval would make the 5% target look met when it is not.
    /// </summary>
    public sealed class MedianIntervalTests
    {
        [Theory]
        [InlineData(6, 0, 5)] // 1st and 6th of 6: 96.9%
        [InlineData(8, 0, 7)] // 2nd..7th would be 93.0%, under 95%
        [InlineData(9, 1, 7)] // 2nd..8th: 96.1%
        [InlineData(20, 5, 14)] // 6th..15th: 95.9%
        [InlineData(30, 9, 20)] // 10th..21st: 95.7% (the paired suite: 60 pairs, 30 balanced ratios)
        [InlineData(40, 13, 26)] // 14th..27th: 96.2%
        public void Ranks_cover_at_least_95_percent_and_no_more_than_needed(int n, int low, int high) =>
            Assert.Equal((low, high), MedianInterval.Ranks(n));

        [Fact]
        public void Too_few_pairs_for_an_interval_is_an_error_that_says_how_many_are_needed()
        {
            var error = Assert.Throws<InvalidOperationException>(() => MedianInterval.Ranks(5));
            Assert.Contains("at least 6", error.Message, StringComparison.Ordinal);
        }
    }
}
