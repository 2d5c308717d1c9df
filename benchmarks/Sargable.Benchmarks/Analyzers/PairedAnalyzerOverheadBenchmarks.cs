using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// The whole cost Sargable adds to a compile (its actions, the analyzer driver's work for them, and the collections
    /// its allocations cause), measured so that the VM's drift cannot blur it. <see cref="AnalyzerOverheadBenchmarks"/>
    /// compares processes minutes apart, and on the development VM the speed of a process moved by up to 1.8× between
    /// them. Here every operation compiles the generated project twice in one process, seconds apart: once with the
    /// empty analyzer and once with Sargable, the order alternating between operations, each compile after a full
    /// blocking collection so both start from the same heap. Whichever compile runs first in a pair is slower (measured
    /// 2026-12-06: Sargable's ratio read 1.09-1.11 when it ran first and 0.97-0.99 when it ran second), so the ratio
    /// is taken over two consecutive pairs, one of each order: the geometric mean of their two ratios, in which that
    /// effect cancels. The "Paired ratio" column (<see cref="AnalyzerTimeDiagnoser"/>) is the median of those balanced
    /// ratios with a distribution-free 95% interval. Target: at most 1.05 on both projects.
    /// <c>dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- --filter '*PairedAnalyzerOverhead*'</c>
    /// </summary>
    /// <remarks>BenchmarkDotNet's own Mean here is the time of a pair and the collections between its compiles; read the columns.</remarks>
    [Config(typeof(PairedCompilerWorkloadConfig))]
    public class PairedAnalyzerOverheadBenchmarks
    {
        private readonly List<(double Empty, double Sargable, bool SargableFirst)> pairs = new();
        private GeneratedCompileWorkload? workload;
        private ImmutableArray<DiagnosticAnalyzer> sargable;
        private ImmutableArray<DiagnosticAnalyzer> empty;

        /// <summary>The generated project (see <see cref="GeneratedCompileWorkload.For"/>).</summary>
        [Params("services", "repositories")]
        public string Project { get; set; } = "services";

        [GlobalSetup]
        public void Setup()
        {
            workload = GeneratedCompileWorkload.For(Project);
            sargable = ImmutableArray.Create<DiagnosticAnalyzer>(new Sargable.Analyzers.SargableAnalyzer());
            empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        }

        [Benchmark(Description = "compile + empty analyzer and compile + Sargable, paired")]
        public async Task<int> EmptyAndSargable()
        {
            // Alternating the order cancels what running first or second does to a compile (a collection inherited
            // from the other one, caches warmed by it).
            var sargableFirst = pairs.Count % 2 == 1;
            var (first, firstCount) = await TimeAsync(sargableFirst ? sargable : empty).ConfigureAwait(false);
            var (second, secondCount) = await TimeAsync(sargableFirst ? empty : sargable).ConfigureAwait(false);
            pairs.Add(sargableFirst ? (second, first, true) : (first, second, false));
            return firstCount + secondCount;
        }

        [GlobalCleanup]
        public void WritePairs()
        {
            if (pairs.Count > 0 && Environment.GetEnvironmentVariable(AnalyzerTimeDiagnoser.FolderVariable) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllLines(
                    AnalyzerTimeDiagnoser.PairsFileFor(folder, Project),
                    pairs.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Empty:R} {pair.Sargable:R} {(pair.SargableFirst ? "sargable-first" : "empty-first")}")));
            }
        }

        private async Task<(double Seconds, int Diagnostics)> TimeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            var count = await workload!.RunAsync(analyzers).ConfigureAwait(false);
            return (clock.Elapsed.TotalSeconds, count);
        }
    }
}
