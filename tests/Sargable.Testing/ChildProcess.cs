using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace Sargable.Testing
{
    /// <summary>What a child process printed: standard output, standard error, and both interleaved as they arrived.</summary>
    public sealed record ChildProcessResult(int ExitCode, string Stdout, string Stderr, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>
    /// Runs a program to completion with its input closed and its output captured; the one place tests start processes
    /// (the PostgreSQL binaries, the dotnet CLI, the built <c>sargable</c> tool).
    /// </summary>
    public static class ChildProcess
    {
        /// <summary>Runs <paramref name="info"/>; past <paramref name="timeout"/> the process tree is killed and a <see cref="TimeoutException"/> carries what it printed.</summary>
        public static ChildProcessResult Run(ProcessStartInfo info, TimeSpan timeout)
        {
            ArgumentNullException.ThrowIfNull(info);
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            info.RedirectStandardInput = true;
            info.UseShellExecute = false;

            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + info.FileName + ".");
            process.StandardInput.Close();
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => Append(stdout, output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(stderr, output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"{Describe(info)} did not finish within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Text(output)}");
            }

            // The parameterless wait also waits for the redirected streams to be read to their end.
            process.WaitForExit();
            lock (output)
            {
                return new ChildProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), output.ToString());
            }
        }

        /// <summary><see cref="Run"/> off the calling thread, for async tests.</summary>
        public static Task<ChildProcessResult> RunAsync(ProcessStartInfo info, TimeSpan timeout) => Task.Run(() => Run(info, timeout));

        /// <summary>The command line, for messages.</summary>
        public static string Describe(ProcessStartInfo info) =>
            info is null ? string.Empty : info.FileName + (info.ArgumentList.Count == 0 ? string.Empty : " " + string.Join(' ', info.ArgumentList));

        private static void Append(StringBuilder stream, StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            // One lock for both streams keeps the interleaved copy in arrival order.
            lock (output)
            {
                stream.AppendLine(line);
                output.AppendLine(line);
            }
        }

        private static string Text(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
