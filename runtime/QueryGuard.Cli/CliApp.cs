using System;
using System.CommandLine;
using System.Threading.Tasks;

namespace QueryGuard.Cli
{
    /// <summary>The command tree of <c>queryguard</c>; commands are added as the engine grows.</summary>
    internal static class CliApp
    {
        public static RootCommand Build()
        {
            var root = new RootCommand("QueryGuard: catches slow query shapes before they reach production.");
            return root;
        }

        public static async Task<int> RunAsync(string[] args)
        {
            ArgumentNullException.ThrowIfNull(args);
            return await Build().Parse(args).InvokeAsync().ConfigureAwait(false);
        }
    }
}
