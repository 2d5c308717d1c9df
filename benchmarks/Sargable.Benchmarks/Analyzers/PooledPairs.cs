using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// Pools the raw pairs of several runs of the paired analyzer benchmark into one median and interval. One run's
    /// interval covers the spread between its pairs, not between runs: on the development VM four runs of the same code
    /// read repositories 1.041-1.049 and, on the previous commit that morning, 1.025 and 1.034. Pooling every run of a commit (never a
    /// chosen few) measures that spread too.
    /// <c>dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- pool-paired-ratios FILE...</c>, each FILE an
    /// <c>analyzer-times-&lt;project&gt;-paired.txt</c> kept from one run.
    /// </summary>
    public static class PooledPairs
    {
        /// <summary>The fewest values with a 95% interval of their median (<see cref="MedianInterval.Ranks"/>).</summary>
        private const int MinimumForInterval = 6;

        /// <summary>One run's measured pairs: the last <paramref name="measured"/> lines of its file, in the order measured.</summary>
        public static List<(double Baseline, double Candidate)> Read(string path, IReadOnlyList<string> lines, int measured)
        {
            if (lines.Count < measured)
            {
                throw new InvalidDataException($"{path}: {lines.Count} pairs, but a run measures {measured}; was the run stopped early?");
            }

            var pairs = new List<(double, double)>(measured);
            string? previousOrder = null;
            for (var i = lines.Count - measured; i < lines.Count; i++)
            {
                var parts = lines[i].Split(' ');
                if (parts.Length != 3 || !TryParse(parts[0], out var baseline) || !TryParse(parts[1], out var candidate) ||
                    parts[2] is not ("empty-first" or "sargable-first"))
                {
                    throw new InvalidDataException($"{path}:{i + 1}: expected \"<empty seconds> <Sargable seconds> empty-first|sargable-first\".");
                }

                // Balanced ratios pair consecutive operations of opposite order; anything else would not cancel the
                // first-compile penalty.
                if (parts[2] == previousOrder)
                {
                    throw new InvalidDataException($"{path}:{i + 1}: two consecutive pairs ran in the same order ({parts[2]}); the suite alternates it.");
                }

                previousOrder = parts[2];
                pairs.Add((baseline, candidate));
            }

            return pairs;
        }

        /// <summary>
        /// Each run's balanced ratios, then all of them together: median and 95% interval. <paramref name="measured"/> is
        /// the pairs a run measures (<c>PairedCompilerWorkloadConfig.Pairs</c>); the lines before them are warm-ups.
        /// </summary>
        public static int Run(IReadOnlyList<string> files, TextWriter output, int measured)
        {
            if (files.Count == 0)
            {
                output.WriteLine("pool-paired-ratios: give the analyzer-times-<project>-paired.txt file of each run to pool.");
                return 2;
            }

            // Every file is read before anything is printed, so a bad one leaves no half-written table behind.
            var runs = new List<(string File, List<double> Ratios)>();
            foreach (var file in files)
            {
                try
                {
                    runs.Add((file, BalancedRatios.Of(Read(file, File.ReadAllLines(file), measured))));
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException)
                {
                    output.WriteLine($"pool-paired-ratios: {error.Message}");
                    return 2;
                }
            }

            var pooled = new List<double>();
            output.WriteLine("| run | balanced ratios | median | 95% interval |");
            output.WriteLine("| --- | --- | --- | --- |");
            foreach (var (file, ratios) in runs)
            {
                output.WriteLine(Row(file, ratios));
                pooled.AddRange(ratios);
            }

            pooled.Sort();
            output.WriteLine(Row($"pooled ({files.Count} runs)", pooled));
            return 0;
        }

        private static string Row(string name, List<double> sorted)
        {
            var median = MedianInterval.Median(sorted);
            if (sorted.Count < MinimumForInterval)
            {
                return string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted.Count} | {median:F3} | too few ratios for an interval |");
            }

            var (low, high) = MedianInterval.Ranks(sorted.Count);
            return string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted.Count} | {median:F3} | {sorted[low]:F3}–{sorted[high]:F3} |");
        }

        private static bool TryParse(string text, out double seconds) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds > 0 && !double.IsInfinity(seconds);
    }
}
