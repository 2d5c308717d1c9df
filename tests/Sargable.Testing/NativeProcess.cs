using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace Sargable.Testing
{
    /// <summary>The few POSIX process facts the cluster fixture needs (Linux /proc and libc).</summary>
    internal static partial class NativeProcess
    {
        public const int SigInt = 2;
        public const int SigQuit = 3;

        public static bool IsRoot => geteuid() == 0;

        public static uint EffectiveUserId => geteuid();

        /// <summary>Start time of a process in clock ticks since boot, or null when it does not exist; guards against reused pids.</summary>
        public static long? StartTime(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                // The command name in parentheses may contain spaces; fields are counted after its closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[19], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            catch (FormatException)
            {
                return null;
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

        public static void Signal(int pid, int signal) => _ = kill(pid, signal);

        private static bool IsZombie(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[stat.LastIndexOf(')')..].StartsWith(") Z", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        }

        [LibraryImport("libc", SetLastError = true)]
        private static partial uint geteuid();

        [LibraryImport("libc", SetLastError = true)]
        private static partial int kill(int pid, int sig);
    }
}
