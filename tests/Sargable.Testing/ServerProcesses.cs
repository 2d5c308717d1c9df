using System;
using System.Net;
using System.Net.Sockets;

namespace Sargable.Testing
{
    /// <summary>
    /// Running PostgreSQL's programs for a cluster this process owns: as the <c>postgres</c> system user when we are
    /// root (PostgreSQL refuses to run as root), as ourselves otherwise. Shared by the tests' throw-away clusters and
    /// the benchmarks' kept one.
    /// </summary>
    internal static class ServerProcesses
    {
        /// <summary>The system user that owns cluster folders when the process runs as root, and the cluster's superuser.</summary>
        public const string ServerUser = "postgres";

        public static void RunAsServerUser(string program, params string[] arguments) => RunAsServerUser(program, TimeSpan.FromMinutes(2), arguments);

        public static void RunAsServerUser(string program, TimeSpan timeout, params string[] arguments)
        {
            if (!NativeProcess.IsRoot)
            {
                ProcessRunner.Run(program, timeout, arguments);
                return;
            }

            var all = new string[arguments.Length + 4];
            all[0] = "-u";
            all[1] = ServerUser;
            all[2] = "--";
            all[3] = program;
            arguments.CopyTo(all, 4);
            ProcessRunner.Run("runuser", timeout, all);
        }

        /// <summary>Gives the folder to the server user when we are root (the server writes there); a no-op otherwise.</summary>
        public static void GiveToServerUser(string directory)
        {
            if (NativeProcess.IsRoot)
            {
                ProcessRunner.Run("chown", "-R", $"{ServerUser}:{ServerUser}", directory);
            }
        }

        public static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
