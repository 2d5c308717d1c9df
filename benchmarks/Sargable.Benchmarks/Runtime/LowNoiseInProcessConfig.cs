using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Sargable.Benchmarks.Runtime
{
    /// <summary>
    /// One in-process job with many iterations, for ratios far smaller than the noise of a database round trip: every
    /// benchmark of the class runs in this process against the same connections, so the baseline and the variants
    /// differ only in the code under test.
    /// </summary>
    public sealed class LowNoiseInProcessConfig : ManualConfig
    {
        public LowNoiseInProcessConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(10)
                .WithIterationCount(40)
                .WithId("InProcess-40"));
        }
    }
}
