using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Sargable.Testing;

namespace Sargable.Cli.Tests.Analyze
{
    /// <summary>
    /// Runs the built <c>sargable</c> tool as its own process, as a user does: MSBuildLocator needs a process without
    /// MSBuild assemblies of its own, which the test host is not.
    /// </summary>
    internal static class SargableProcess
    {
        public static string ToolPath => Path.Combine(RepositoryPaths.Root, "runtime", "Sargable.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "sargable.dll");

        public static Task<ChildProcessResult> Run(string workingDirectory, params string[] args) => Exec(workingDirectory, "dotnet", [ToolPath, .. args]);

        public static async Task<ChildProcessResult> Exec(string workingDirectory, string fileName, params string[] args)
        {
            var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // Keep the child's MSBuild away from the test host's build servers and terminal logger.
            start.Environment["MSBUILDTERMINALLOGGER"] = "off";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            return await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(10));
        }
    }
}
