using BenchmarkDotNet.Running;
using Sargable.Benchmarks.Deployments;

namespace Sargable.Benchmarks
{
    internal static class Program
    {
        // `dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- --filter '*'`
        // `dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- deployments-verify` (EXPLAIN of every reference query on 2M rows)
        // `dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- write-generated-project DIR` (for analyze-vs-build.sh)
        // `dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- pool-paired-ratios FILE...` (several runs of the paired analyzer suite)
        public static int Main(string[] args)
        {
            if (args is ["write-generated-project", var folder])
            {
                return Analyzers.GeneratedProjectWriter.Write(folder);
            }

            if (args is ["pool-paired-ratios", .. var files])
            {
                return Analyzers.PooledPairs.Run(files, System.Console.Out, Analyzers.PairedCompilerWorkloadConfig.Pairs);
            }

            if (args is ["deployments-verify"])
            {
                return PlanReport.RunAsync().GetAwaiter().GetResult();
            }

            using (DeploymentsHost.PrepareIfSelected(args))
            {
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            }

            return 0;
        }
    }
}
