using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Sargable.Testing
{
    /// <summary>Finds the PostgreSQL server programs: PATH first, then Debian's versioned folders.</summary>
    public sealed class PostgresBinaries
    {
        private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

        private PostgresBinaries(string directory) => Directory = directory;

        /// <summary>The folder holding initdb, pg_ctl and postgres.</summary>
        public string Directory { get; }

        public string InitDb => Path.Combine(Directory, "initdb");

        public string PgCtl => Path.Combine(Directory, "pg_ctl");

        /// <summary>Returns the first folder that holds every server program, or null.</summary>
        public static PostgresBinaries? TryFind()
        {
            foreach (var candidate in CandidateDirectories())
            {
                if (Required.All(program => File.Exists(Path.Combine(candidate, program))))
                {
                    return new PostgresBinaries(candidate);
                }
            }

            return null;
        }

        public static PostgresBinaries Find() =>
            TryFind() ?? throw new PostgresUnavailableException(
                "No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found on PATH or under /usr/lib/postgresql/*/bin: " +
                "install the PostgreSQL server (for example `apt-get install postgresql`) or set SARGABLE_PG to the connection string " +
                "of a server on which the tests may create their own databases.");

        private static IEnumerable<string> CandidateDirectories()
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var entry in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return entry;
            }

            const string debianRoot = "/usr/lib/postgresql";
            if (!System.IO.Directory.Exists(debianRoot))
            {
                yield break;
            }

            // Newest major version first: "15" before "9.6".
            var versions = System.IO.Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: Version.TryParse(WithMinor(Path.GetFileName(dir)), out var v) ? v : new Version(0, 0)))
                .OrderByDescending(x => x.version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }

        private static string WithMinor(string name) => name.Contains('.', StringComparison.Ordinal) ? name : name + ".0";
    }
}
