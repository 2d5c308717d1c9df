using System.IO;
using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Generated
{
    /// <summary>
    /// Pooling runs of the paired analyzer benchmark: only the measured pairs of each run count, each run's pairs are
    /// balanced within that run, and a file that is cut short or out of order is refused with its name and line.
    /// </summary>
    public sealed class PooledPairsTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("sargable-pooled-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Fact]
        public void Warm_ups_before_the_measured_pairs_are_left_out()
        {
            var pairs = PooledPairs.Read("run.txt", new[] { "9 1 empty-first", "2 2.06 sargable-first", "2 2.06 empty-first" }, measured: 2);

            Assert.Equal(new[] { (2.0, 2.06), (2.0, 2.06) }, pairs);
        }

        [Fact]
        public void Each_run_gets_a_row_and_the_pool_a_median_between_them()
        {
            // Run 1 costs 2%, run 2 costs 6%: three balanced ratios each, too few for an interval on their own; the
            // pooled median of all six lies between them.
            var one = Write("one.txt", "2 2.04 empty-first", "2 2.04 sargable-first", "2 2.04 empty-first", "2 2.04 sargable-first", "2 2.04 empty-first", "2 2.04 sargable-first");
            var two = Write("two.txt", "2 2.12 empty-first", "2 2.12 sargable-first", "2 2.12 empty-first", "2 2.12 sargable-first", "2 2.12 empty-first", "2 2.12 sargable-first");
            var output = new StringWriter();

            // 6 ratios in all: the smallest n with a 95% interval of the median.
            Assert.Equal(0, PooledPairs.Run(new[] { one, two }, output, measured: 6));

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.EndsWith("one.txt | 3 | 1.020 | too few ratios for an interval |", lines[^3], StringComparison.Ordinal);
            Assert.EndsWith("two.txt | 3 | 1.060 | too few ratios for an interval |", lines[^2], StringComparison.Ordinal);
            Assert.Equal("| pooled (2 runs) | 6 | 1.040 | 1.020–1.060 |", lines[^1]);
        }

        [Fact]
        public void A_run_cut_short_is_refused_with_its_name()
        {
            var error = Assert.Throws<InvalidDataException>(() => PooledPairs.Read("short.txt", new[] { "2 2 empty-first" }, measured: 60));

            Assert.Contains("short.txt", error.Message, StringComparison.Ordinal);
            Assert.Contains("60", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Two_pairs_in_the_same_order_are_refused_with_the_line()
        {
            var error = Assert.Throws<InvalidDataException>(() => PooledPairs.Read("run.txt", new[] { "2 2 empty-first", "2 2 empty-first" }, measured: 2));

            Assert.StartsWith("run.txt:2:", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("2 x empty-first")]
        [InlineData("2 2")]
        [InlineData("0 2 empty-first")]
        [InlineData("2 2 first")]
        public void A_malformed_line_is_refused_with_the_line(string line)
        {
            var error = Assert.Throws<InvalidDataException>(() => PooledPairs.Read("run.txt", new[] { "2 2 sargable-first", line }, measured: 2));

            Assert.StartsWith("run.txt:2:", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_file_ends_with_one_sentence_and_exit_2()
        {
            var output = new StringWriter();

            Assert.Equal(2, PooledPairs.Run(new[] { Path.Combine(folder, "none.txt") }, output, measured: 2));
            Assert.StartsWith("pool-paired-ratios: ", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("none.txt", output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("| run", output.ToString(), StringComparison.Ordinal);
        }

        private string Write(string name, params string[] lines)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllLines(path, lines);
            return path;
        }
    }
}
