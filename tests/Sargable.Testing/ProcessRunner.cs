using System;
using System.Diagnostics;

namespace Sargable.Testing
{
    /// <summary>Runs a PostgreSQL helper program to completion; when it fails the cluster is unavailable, with its output as the reason.</summary>
    internal static class ProcessRunner
    {
        public static string Run(string fileName, params string[] arguments) => Run(fileName, TimeSpan.FromMinutes(2), arguments);

        public static string Run(string fileName, TimeSpan timeout, params string[] arguments)
        {
            var info = new ProcessStartInfo(fileName) { WorkingDirectory = "/" };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            ChildProcessResult result;
            try
            {
                result = ChildProcess.Run(info, timeout);
            }
            catch (TimeoutException)
            {
                throw new PostgresUnavailableException($"{ChildProcess.Describe(info)} did not finish within {timeout.TotalSeconds:0} s.");
            }

            if (result.ExitCode != 0)
            {
                throw new PostgresUnavailableException(
                    $"{ChildProcess.Describe(info)} failed with exit code {result.ExitCode}:{Environment.NewLine}{result.Output}");
            }

            return result.Output;
        }
    }
}
