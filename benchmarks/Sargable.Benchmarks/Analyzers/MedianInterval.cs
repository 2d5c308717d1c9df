using System;
using System.Collections.Generic;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// The distribution-free confidence interval of a median that the paired analyzer benchmark reports around its
    /// ratio. Apart from BenchmarkDotNet so the analyzer tests can check it against the binomial tables.
    /// </summary>
    public static class MedianInterval
    {
        /// <summary>The median of values sorted ascending (the mean of the middle two for an even count).</summary>
        public static double Median(IReadOnlyList<double> sorted) => sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

        /// <summary>
        /// The ranks (0-based, in the sorted sample) of a distribution-free interval of at least 95% for the median: the
        /// k-th smallest and k-th largest of n values, with the largest k for which P(Binomial(n, 1/2) &lt; k) ≤ 2.5%.
        /// </summary>
        public static (int Low, int High) Ranks(int n)
        {
            var k = 0;
            var below = 0.0; // P(X < k + 1) while searching
            var probability = Math.Pow(0.5, n); // P(X = 0)
            while (k < n / 2)
            {
                below += probability;
                if (below > 0.025)
                {
                    break;
                }

                probability *= (double)(n - k) / (k + 1);
                k++;
            }

            if (k == 0)
            {
                throw new InvalidOperationException($"{n} pairs are too few for a 95% interval of the median; measure at least 6.");
            }

            return (k - 1, n - k);
        }
    }
}
