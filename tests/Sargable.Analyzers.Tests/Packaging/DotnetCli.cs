using System.Diagnostics;
using System.Text;

namespace Sargable.Analyzers.Tests.Packaging
{
    /// <summary>Runs the dotnet CLI as a child process, isolated from the MSBuild state of the test run that started it.</summary>
    internal static class DotnetCli
    {
        public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
            };
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

            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
            process.StandardInput.Close();
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s:{Environment.NewLine}{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }
}
