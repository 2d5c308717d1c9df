using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Sargable.Benchmarks.Runtime
{
    /// <summary>
    /// Pins this process to CPU 0 and a private PostgreSQL cluster to CPU 1 for a round-trip benchmark. On a 2-core VM
    /// a query's wake-up costs ~21 µs when client and server share a core and ~66 µs when they do not (pgbench, this
    /// machine), and the scheduler moves both between cores mid-run: the round trip flips between the two, and that
    /// noise is larger than the few tens of nanoseconds being measured. Fixed cores make every round trip the same.
    /// </summary>
    internal static class CpuPinning
    {
        /// <summary>Pins, and says what it did (or why not) in the benchmark's log.</summary>
        public static void PinClientAndServer(string? clusterDirectory)
        {
            var outcome = TryPin(clusterDirectory);
            Console.WriteLine($"// CPU pinning: {outcome}");
        }

        private static string TryPin(string? clusterDirectory)
        {
            if (!OperatingSystem.IsLinux())
            {
                return "not pinned (Linux only).";
            }

            if (Environment.ProcessorCount < 2)
            {
                return "not pinned (one CPU).";
            }

            var pidFile = clusterDirectory is null ? null : Path.Combine(clusterDirectory, "data", "postmaster.pid");
            if (pidFile is null || !File.Exists(pidFile))
            {
                return "not pinned (the server was not started by this run, so it is not ours to move).";
            }

            var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
            var serverCpu = (Environment.ProcessorCount - 1).ToString(CultureInfo.InvariantCulture);
            var server = new List<int> { postmaster };
            server.AddRange(ChildrenOf(postmaster));
            foreach (var pid in server)
            {
                // Backends forked later inherit the postmaster's affinity.
                if (!Taskset(serverCpu, pid, out var error))
                {
                    return $"not pinned (taskset on server pid {pid}: {error}).";
                }
            }

            if (!Taskset("0", Environment.ProcessId, out var selfError))
            {
                return $"server pinned to CPU {serverCpu}, client not ({selfError}).";
            }

            return $"client (pid {Environment.ProcessId}, every thread) on CPU 0, server ({server.Count} processes) on CPU {serverCpu}.";
        }

        private static IEnumerable<int> ChildrenOf(int parent)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                string stat;
                try
                {
                    stat = File.ReadAllText(Path.Combine(directory, "stat"));
                }
                catch (IOException)
                {
                    continue; // exited meanwhile
                }

                // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) && ppid == parent)
                {
                    yield return pid;
                }
            }
        }

        private static bool Taskset(string cpu, int pid, out string error)
        {
            var start = new ProcessStartInfo("taskset", ["-a", "-cp", cpu, pid.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                using var process = Process.Start(start)!;
                var stderr = process.StandardError.ReadToEnd();
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                error = stderr.Trim();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                error = e.Message;
                return false;
            }
        }
    }
}
