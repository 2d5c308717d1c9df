using System;
using System.Diagnostics;
using System.Text;

namespace Sargable.Testing
{
    /// <summary>Runs a helper program to completion and fails with its output when it fails.</summary>
    internal static class ProcessRunner
    {
        public static string Run(string fileName, params string[] arguments) => Run(fileName, TimeSpan.FromMinutes(2), arguments);

        public static string Run(string fileName, TimeSpan timeout, params string[] arguments)
        {
            var info = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = "/",
            };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            process.StandardInput.Close();
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new PostgresUnavailableException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
            }

            process.WaitForExit();
            lock (output)
            {
                if (process.ExitCode != 0)
                {
                    throw new PostgresUnavailableException(
                        $"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:{Environment.NewLine}{output}");
                }

                return output.ToString();
            }
        }
    }
}
