using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Generated
{
    /// <summary>
    /// The paired analyzer benchmark's ratio: a penalty for running first in a pair must cancel, or the reported
    /// overhead would depend on which order happened to be measured more often.
    /// </summary>
    public sealed class BalancedRatiosTests
    {
        [Fact]
        public void A_penalty_for_running_first_cancels_across_two_pairs_of_opposite_order()
        {
            // True cost 1.03; whichever compile runs first is 8% slower. Pair 1: baseline first; pair 2: candidate first.
            const double Baseline = 2.0;
            const double Candidate = 2.0 * 1.03;
            var pairs = new[]
            {
                (Baseline * 1.08, Candidate),
                (Baseline, Candidate * 1.08),
                (Baseline * 1.08, Candidate),
                (Baseline, Candidate * 1.08),
            };

            var ratios = BalancedRatios.Of(pairs);

            Assert.Equal(2, ratios.Count);
            Assert.All(ratios, ratio => Assert.Equal(1.03, ratio, 9));
        }

        [Fact]
        public void Ratios_come_sorted_for_the_median_and_its_interval()
        {
            var ratios = BalancedRatios.Of(new[] { (1.0, 1.2), (1.0, 1.2), (1.0, 1.0), (1.0, 1.0) });

            Assert.Equal(new[] { 1.0, 1.2 }, ratios.Select(r => Math.Round(r, 9)));
        }

        [Fact]
        public void An_odd_number_of_pairs_is_an_error_that_says_why()
        {
            var error = Assert.Throws<InvalidOperationException>(() => BalancedRatios.Of(new[] { (1.0, 1.0), (1.0, 1.0), (1.0, 1.0) }));
            Assert.Contains("even number", error.Message, StringComparison.Ordinal);
        }
    }
}
