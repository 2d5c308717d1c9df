using System;
using System.Globalization;
using System.IO;
using Sargable.Testing;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// A PostgreSQL cluster for the deployments benchmarks whose data folder outlives the run, so the 2M-row seed is built
    /// once and reused: <c>SARGABLE_BENCH_PGDATA</c>, else <c>/var/tmp/sargable-bench-&lt;uid&gt;</c>. The run starts the
    /// server on a free loopback port and stops it when done; the data stays. (With <c>SARGABLE_PG</c> the benchmarks use
    /// that server instead and never start one.)
    /// </summary>
    internal sealed class BenchmarkCluster : IDisposable
    {
        private const string ServerUser = ServerProcesses.ServerUser;
        private readonly PostgresBinaries binaries;
        // initdb and a start over a 2M-row cluster (crash recovery after a killed run) can take longer than the tests' 2 minutes.
        private static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(10);
        private bool stopped;

        private BenchmarkCluster(PostgresBinaries binaries, string directory, int port)
        {
            this.binaries = binaries;
            Directory = directory;
            Port = port;
        }

        public string Directory { get; }

        public int Port { get; }

        public string DataDirectory => Path.Combine(Directory, "data");

        public string ConnectionString =>
            $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={ServerUser};Database=postgres;Timeout=30;Command Timeout=3600;Pooling=true";

        public static BenchmarkCluster Start()
        {
            var binaries = PostgresBinaries.Find();
            var directory = Environment.GetEnvironmentVariable("SARGABLE_BENCH_PGDATA") is { Length: > 0 } configured
                ? configured
                : "/var/tmp/sargable-bench-" + NativeProcess.EffectiveUserId.ToString(CultureInfo.InvariantCulture);
            var cluster = new BenchmarkCluster(binaries, directory, ServerProcesses.FreeLoopbackPort());
            if (File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")))
            {
                throw new InvalidOperationException(
                    $"A server is already running on {cluster.DataDirectory} (another benchmark run?). Wait for it to finish, or stop it with pg_ctl stop -D {cluster.DataDirectory} if no run owns it.");
            }

            if (!File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")))
            {
                System.IO.Directory.CreateDirectory(directory);
                ServerProcesses.GiveToServerUser(directory);

                ServerProcesses.RunAsServerUser(binaries.InitDb, LongTimeout, "-D", cluster.DataDirectory, "-A", "trust", "-U", ServerUser, "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
            }

            var options = string.Join(
                ' ',
                "-p", cluster.Port.ToString(CultureInfo.InvariantCulture),
                "-k", cluster.Directory,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "shared_buffers=1GB",
                "-c", "work_mem=16MB",
                "-c", "maintenance_work_mem=512MB",
                "-c", "max_wal_size=8GB",
                "-c", "log_min_messages=warning");
            ServerProcesses.RunAsServerUser(binaries.PgCtl, LongTimeout, "start", "-w", "-t", "120", "-D", cluster.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-o", options);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
            return cluster;
        }

        /// <summary>Stops the server this run started (fast shutdown); the data folder stays for the next run.</summary>
        public void Dispose()
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            Npgsql.NpgsqlConnection.ClearAllPools();
            try
            {
                ServerProcesses.RunAsServerUser(binaries.PgCtl, LongTimeout, "stop", "-m", "fast", "-w", "-t", "60", "-D", DataDirectory);
            }
            catch (Exception e) when (e is PostgresUnavailableException or InvalidOperationException)
            {
                Console.Error.WriteLine("Could not stop the benchmark cluster: " + e.Message);
            }
        }
    }
}
