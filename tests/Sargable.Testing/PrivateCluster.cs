using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Threading;

namespace Sargable.Testing
{
    /// <summary>
    /// A throw-away PostgreSQL cluster in a fresh temp folder, on a free loopback port, owned by this process.
    /// It is stopped and deleted when the process exits; a watchdog does the same if the process is killed,
    /// and the next run removes anything a killed run still left.
    /// </summary>
    [SupportedOSPlatform("linux")]
    internal sealed class PrivateCluster : IDisposable
    {
        private const string ServerUser = ServerProcesses.ServerUser;
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

        private readonly PostgresBinaries binaries;
        private int disposed;

        private PrivateCluster(PostgresBinaries binaries, string directory, int port)
        {
            this.binaries = binaries;
            Directory = directory;
            Port = port;
        }

        public string Directory { get; }

        public int Port { get; }

        public string DataDirectory => Path.Combine(Directory, "data");

        public string SocketDirectory => Path.Combine(Directory, "sock");

        public string ConnectionString =>
            $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={ServerUser};Database=postgres;Pooling=true;Timeout=30;Command Timeout=300";

        /// <summary>Folder under which this user's clusters live; root's must be reachable by the postgres user.</summary>
        public static string BaseDirectory =>
            NativeProcess.IsRoot
                ? "/tmp/sargable-pg-0"
                : Path.Combine(Path.GetTempPath(), "sargable-pg-" + NativeProcess.EffectiveUserId.ToString(CultureInfo.InvariantCulture));

        public static PrivateCluster Start()
        {
            var binaries = PostgresBinaries.Find();
            RemoveStaleClusters();
            var baseDirectory = BaseDirectory;
            System.IO.Directory.CreateDirectory(baseDirectory);
            if (NativeProcess.IsRoot)
            {
                File.SetUnixFileMode(baseDirectory, (UnixFileMode)Convert.ToInt32("755", 8));
            }

            var ownerPid = Environment.ProcessId;
            var directory = Path.Combine(baseDirectory, $"run-{ownerPid}-{Guid.NewGuid():N}"[..24]);
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "owner"), OwnerStamp(ownerPid));
            StartWatchdog(ownerPid, directory);

            try
            {
                System.IO.Directory.CreateDirectory(Path.Combine(directory, "sock"));
                ServerProcesses.GiveToServerUser(directory);

                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                ServerProcesses.RunAsServerUser(
                    binaries.InitDb,
                    "-D", Path.Combine(directory, "data"),
                    "-A", "trust",
                    "-U", ServerUser,
                    "-E", "UTF8",
                    "--locale=C",
                    "--no-sync",
                    "--no-instructions");

                // A port taken between probing and binding makes the start fail: probe again a few times.
                for (var attempt = 1; ; attempt++)
                {
                    var cluster = new PrivateCluster(binaries, directory, ServerProcesses.FreeLoopbackPort());
                    try
                    {
                        cluster.StartServer();
                        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
                        return cluster;
                    }
                    catch (PostgresUnavailableException) when (attempt < 3)
                    {
                        Thread.Sleep(200);
                    }
                }
            }
            catch
            {
                StopAndDelete(directory);
                throw;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                StopAndDelete(Directory);
            }
        }

        /// <summary>Removes clusters whose owning process is gone (a run killed before it could clean up).</summary>
        public static void RemoveStaleClusters()
        {
            var baseDirectory = BaseDirectory;
            if (!System.IO.Directory.Exists(baseDirectory))
            {
                return;
            }

            foreach (var directory in System.IO.Directory.GetDirectories(baseDirectory, "run-*"))
            {
                if (!OwnerIsAlive(directory))
                {
                    StopAndDelete(directory);
                }
            }
        }

        private static bool OwnerIsAlive(string directory)
        {
            try
            {
                var stamp = File.ReadAllText(Path.Combine(directory, "owner")).Trim().Split(' ');
                var pid = int.Parse(stamp[0], CultureInfo.InvariantCulture);
                return stamp.Length == 2 && OwnerStamp(pid) == string.Join(' ', stamp);
            }
            catch (IOException)
            {
                // A folder without a readable stamp is young (being created) or broken; judge broken ones by age.
                return System.IO.Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-1);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static string OwnerStamp(int pid) =>
            pid.ToString(CultureInfo.InvariantCulture) + " " + (NativeProcess.StartTime(pid)?.ToString(CultureInfo.InvariantCulture) ?? "gone");

        private void StartServer()
        {
            var options = string.Join(
                ' ',
                "-p", Port.ToString(CultureInfo.InvariantCulture),
                "-k", SocketDirectory,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=300",
                "-c", "shared_buffers=256MB",
                "-c", "max_wal_size=4GB",
                "-c", "log_min_messages=warning");
            ServerProcesses.RunAsServerUser(
                binaries.PgCtl,
                "start",
                "-w",
                "-t", "60",
                "-D", DataDirectory,
                "-l", Path.Combine(Directory, "server.log"),
                "-o", options);
        }

        private static void StopAndDelete(string directory)
        {
            var pidFile = Path.Combine(directory, "data", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(ReadFirstLine(pidFile), NumberStyles.None, CultureInfo.InvariantCulture, out var postmaster))
            {
                // SIGINT is PostgreSQL's fast shutdown; escalate to immediate shutdown if it lingers.
                NativeProcess.Signal(postmaster, NativeProcess.SigInt);
                if (!WaitForExit(postmaster, StopTimeout / 2))
                {
                    NativeProcess.Signal(postmaster, NativeProcess.SigQuit);
                    WaitForExit(postmaster, StopTimeout / 2);
                }
            }

            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (IOException)
            {
                // Removed concurrently by the watchdog: the folder is gone or going either way.
            }
        }

        private static string ReadFirstLine(string path)
        {
            try
            {
                using var reader = new StreamReader(path);
                return reader.ReadLine() ?? string.Empty;
            }
            catch (IOException)
            {
                return string.Empty;
            }
        }

        private static bool WaitForExit(int pid, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (NativeProcess.IsAlive(pid))
            {
                if (watch.Elapsed > timeout)
                {
                    return false;
                }

                Thread.Sleep(50);
            }

            return true;
        }

        /// <summary>
        /// A detached shell that outlives a killed test process (own session, so Ctrl-C does not reach it),
        /// waits for the owner to vanish, then stops the server and deletes the folder.
        /// </summary>
        private static void StartWatchdog(int ownerPid, string directory)
        {
            const string script = """
                exec </dev/null >/dev/null 2>&1
                owner="$1"; dir="$2"
                while kill -0 "$owner" 2>/dev/null; do sleep 0.5; done
                pidfile="$dir/data/postmaster.pid"
                if [ -f "$pidfile" ]; then
                  pm=$(head -n 1 "$pidfile")
                  kill -INT "$pm" 2>/dev/null
                  i=0
                  while kill -0 "$pm" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
                  kill -QUIT "$pm" 2>/dev/null
                  sleep 0.5
                fi
                rm -rf "$dir"
                """;
            var info = new ProcessStartInfo("setsid")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "-f", "sh", "-c", script, "sargable-pg-watchdog", ownerPid.ToString(CultureInfo.InvariantCulture), directory })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info) ?? throw new PostgresUnavailableException("Could not start the cluster watchdog (setsid sh).");
            process.WaitForExit();
        }
    }
}
