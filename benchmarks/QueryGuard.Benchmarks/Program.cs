using BenchmarkDotNet.Running;

namespace QueryGuard.Benchmarks
{
    internal static class Program
    {
        // `dotnet run -c Release --project benchmarks/QueryGuard.Benchmarks -- --filter '*'`
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
