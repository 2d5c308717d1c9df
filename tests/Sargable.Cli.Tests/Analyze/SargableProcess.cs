using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Sargable.Testing;

namespace Sargable.Cli.Tests.Analyze
{
    /// <summary>The exit code and output of one <c>sargable</c> run.</summary>
    public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>
    /// Runs the built <c>sargable</c> tool as its own process, as a user does: MSBuildLocator needs a process without
    /// MSBuild assemblies of its own, which the test host is not.
    /// </summary>
    internal static class SargableProcess
    {
        public static string ToolPath => Path.Combine(RepositoryPaths.Root, "runtime", "Sargable.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "sargable.dll");

        public static Task<ProcessResult> Run(string workingDirectory, params string[] args) => Exec(workingDirectory, "dotnet", [ToolPath, .. args]);

        public static async Task<ProcessResult> Exec(string workingDirectory, string fileName, params string[] args)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // Keep the child's MSBuild away from the test host's build servers and terminal logger.
            start.Environment["MSBUILDTERMINALLOGGER"] = "off";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var process = Process.Start(start) ?? throw new InvalidOperationException(fileName + " did not start.");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new ProcessResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
