using System;
using System.Collections.Generic;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// The ratios the paired analyzer benchmark reports. Whichever compile runs first in a pair is slower, and the suite
    /// alternates the order, so two consecutive pairs hold one of each order: the geometric mean of their two ratios
    /// cancels what running first costs. Apart from BenchmarkDotNet so the analyzer tests can check it.
    /// </summary>
    public static class BalancedRatios
    {
        /// <summary>
        /// One balanced ratio (candidate over baseline) per two consecutive pairs, sorted. An odd number of pairs is an
        /// error: the last pair would have no partner of the other order.
        /// </summary>
        public static List<double> Of(IReadOnlyList<(double Baseline, double Candidate)> pairs)
        {
            if (pairs.Count % 2 != 0)
            {
                throw new InvalidOperationException($"The paired suite measured {pairs.Count} pairs; it needs an even number, one of each order per balanced ratio.");
            }

            var ratios = new List<double>(pairs.Count / 2);
            for (var i = 0; i < pairs.Count; i += 2)
            {
                ratios.Add(Math.Sqrt(pairs[i].Candidate / pairs[i].Baseline * (pairs[i + 1].Candidate / pairs[i + 1].Baseline)));
            }

            ratios.Sort();
            return ratios;
        }
    }
}
