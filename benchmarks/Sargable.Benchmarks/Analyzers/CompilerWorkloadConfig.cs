using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// The target is the analysis work the analyzers add, so the benchmark measures it where the machine cannot blur it.
    /// On the 2-vCPU development VM a concurrent compile of this project swung between 1.55 s and 2.85 s within one
    /// process (threads woken across cores cost far more there than on one core, the same effect the runtime benchmark
    /// pins against), a spread of ±25% against a 5% bound. So the compiler and the analyzer driver run on one thread
    /// pinned to one core, with blocking GC and a minimum gen-0 budget of 768 MB, the same for all methods. The runtime
    /// does not keep to that budget: measured 2026-12-06, one gen-0 collection per operation on the repository project
    /// and three or four on the services project remain (four or five without the setting), and their pauses are
    /// 10-20% of an operation. Tiered compilation is off: with it, the runtime kept re-compiling the compiler's hot
    /// methods on the same pinned core well past five warm-ups, so early iterations were slower by an amount that
    /// differed per process; without it every method is compiled once, fully optimized, and the second operation is as
    /// fast as the last.
    /// </summary>
    public class CompilerWorkloadConfig : ManualConfig
    {
        /// <summary>Measured operations per process of <see cref="AnalyzerOverheadBenchmarks"/>.</summary>
        public const int Iterations = 8;

        public CompilerWorkloadConfig()
            : this(Iterations)
        {
        }

        protected CompilerWorkloadConfig(int iterations)
        {
            AddDiagnoser(new AnalyzerTimeDiagnoser());
            AddJob(Job.Default
                .WithWarmupCount(2)
                .WithIterationCount(iterations)
                .WithAffinity(new System.IntPtr(1))
                .WithGcConcurrent(false)
                .WithEnvironmentVariables(
                    new EnvironmentVariable("DOTNET_GCgen0size", "0x30000000"),
                    new EnvironmentVariable("DOTNET_TieredCompilation", "0")));
        }
    }

    /// <summary>
    /// The same job for <see cref="PairedAnalyzerOverheadBenchmarks"/>, with more operations: each is one pair, two pairs
    /// give one balanced ratio, and the interval of their median narrows with their number (60 pairs, 30 ratios: the
    /// 10th to the 21st smallest, 95.7%).
    /// </summary>
    public sealed class PairedCompilerWorkloadConfig : CompilerWorkloadConfig
    {
        /// <summary>Measured pairs per process.</summary>
        public const int Pairs = 60;

        public PairedCompilerWorkloadConfig()
            : base(Pairs)
        {
        }
    }
}
