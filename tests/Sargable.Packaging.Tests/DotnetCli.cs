using System.Diagnostics;
using Sargable.Testing;

namespace Sargable.Packaging.Tests
{
    /// <summary>Runs the dotnet CLI as a child process, isolated from the MSBuild state of the test run that started it.</summary>
    internal static class DotnetCli
    {
        /// <summary>Time for one restore, build or tool install on a machine shared with other builds.</summary>
        public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

        /// <summary>Time for packing the whole solution from nothing.</summary>
        public static readonly TimeSpan LongStep = TimeSpan.FromMinutes(12);

        /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and returns its exit code and everything it printed.</summary>
        public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
            RunProgram(DotnetHost(), workingDirectory, timeout, null, arguments);

        /// <summary>Runs a program (an installed tool) with the same isolation; <paramref name="environment"/> adds variables.</summary>
        public static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        {
            var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            // `dotnet test` leaves MSBuild variables behind that would point a nested build at the wrong SDK state.
            foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE", "VSTEST_HOST_DEBUG" })
            {
                info.Environment.Remove(name);
            }

            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            // No build server outlives the call, and no compiler server is shared with the test run's own build.
            info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            info.Environment["UseSharedCompilation"] = "false";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            var result = ChildProcess.Run(info, timeout);
            return (result.ExitCode, result.Output);
        }

        private static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
