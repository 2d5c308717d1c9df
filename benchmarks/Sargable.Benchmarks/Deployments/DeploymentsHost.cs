using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// Prepares the deployments data set once in BenchmarkDotNet's parent process when the run selects a deployments
    /// suite, hands its connection string to the child processes (<see cref="BenchData.ConnectionVariable"/>), and stops
    /// the benchmark cluster after the run (the data stays for the next one).
    /// </summary>
    internal static class DeploymentsHost
    {
        public static IDisposable? PrepareIfSelected(string[] args)
        {
            if (args.Contains("--list") || !Selected(args))
            {
                return null;
            }

            var (connectionString, cluster) = BenchData.OpenAsync(Console.WriteLine).GetAwaiter().GetResult();
            Environment.SetEnvironmentVariable(BenchData.ConnectionVariable, connectionString);
            return cluster;
        }

        private static bool Selected(string[] args)
        {
            var names = typeof(DeploymentsBenchmark).Assembly.GetTypes()
                .Where(t => t.IsSubclassOf(typeof(DeploymentsBenchmark)) && !t.IsAbstract)
                .Select(t => t.FullName!)
                .ToList();
            var filters = args.SkipWhile(a => a is not ("--filter" or "-f")).Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
            return filters.Any(filter =>
            {
                var pattern = new Regex("^" + Regex.Escape(filter).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$");
                return names.Any(name => pattern.IsMatch(name) || pattern.IsMatch(name + ".Benchmark"));
            });
        }
    }
}
