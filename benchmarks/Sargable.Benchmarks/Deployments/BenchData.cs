using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sargable.Deployments;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// The benchmark data set, realistic and skewed, loaded with binary COPY into database
    /// <c>sargable_bench_deployments</c> and reused while its marker row says <see cref="Version"/>:
    /// <list type="bullet">
    /// <item>a group tree 10 levels deep with 2,000 groups; 1,000 projects in its lower levels;</item>
    /// <item>10 environments per project (production, staging, review/1..8): 10,000;</item>
    /// <item>2,055,361 deployments in creation order over 2025: 10 hot production environments with 50,000 each,
    /// typical production and staging environments with 600, review environments with 39 (one empty scratch
    /// environment); the 100 projects with id % 10 == 7 are stale (every deployment in 2019–2020), among them project 7
    /// whose production holds 50,000;</item>
    /// <item>20 releases per project (20,000) and 20 release_project_environments rows per environment (200,000); the
    /// empty scratch environment's 20 have no deployment yet (releases planned, never shipped).</item>
    /// </list>
    /// </summary>
    internal static class BenchData
    {
        public const string Version = "deployments-bench-v2 2055361/1000/10000/2000/200000";
        public const string DatabaseName = "sargable_bench_deployments";
        public const int Projects = 1000;
        public const int Groups = 2000;
        public const int EnvironmentsPerProject = 10;
        public const int ReleasesPerProject = 20;

        /// <summary>Environment variable through which the parent process hands the prepared database to BenchmarkDotNet's children.</summary>
        public const string ConnectionVariable = "SARGABLE_BENCH_DEPLOYMENTS_DB";

        /// <summary>Project 101's production: 50,000 deployments over the year.</summary>
        public const long HotProject = 101;
        public const long HotEnvironment = 1001;

        /// <summary>Project 2's production: 600 deployments over the year.</summary>
        public const long TypicalProject = 2;
        public const long TypicalEnvironment = 11;

        /// <summary>Project 7's production: 50,000 deployments, all in 2019–2020.</summary>
        public const long StaleProject = 7;
        public const long StaleEnvironment = 61;

        /// <summary>Project 1000's review/8: empty, the scratch environment of the delete benchmark.</summary>
        public const long ScratchProject = 1000;
        public const long ScratchEnvironment = 10_000;

        public static readonly DateTime YearStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        public static readonly DateTime YearEnd = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime StaleStart = new(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime StaleEnd = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Deployments the environment holds.</summary>
        public static int DeploymentsOf(long environmentId)
        {
            var project = (environmentId - 1) / EnvironmentsPerProject + 1;
            var index = (environmentId - 1) % EnvironmentsPerProject;
            return environmentId == ScratchEnvironment ? 0
                : index == 0 && (project % 100 == 1 || project == StaleProject) ? 50_000
                : index <= 1 ? 600
                : 39;
        }

        public static bool IsStale(long projectId) => projectId % 10 == 7;

        /// <summary>The parent of group g (1-based) in the 10-level tree: level sizes 1, 4, 12, 36, 108, 220, 300, 400, 450, 469.</summary>
        public static IReadOnlyList<(long Id, long? Parent, int Level)> GroupTree()
        {
            int[] sizes = [1, 4, 12, 36, 108, 220, 300, 400, 450, 469];
            var groups = new List<(long, long?, int)>();
            long next = 1;
            var previous = new List<long>();
            for (var level = 0; level < sizes.Length; level++)
            {
                var current = new List<long>();
                for (var i = 0; i < sizes[level]; i++)
                {
                    var id = next++;
                    groups.Add((id, level == 0 ? null : previous[i % previous.Count], level + 1));
                    current.Add(id);
                }

                previous = current;
            }

            return groups;
        }

        /// <summary>The prepared database's connection string: the parent's, or prepared here (starting the cluster when needed).</summary>
        public static async Task<(string ConnectionString, IDisposable? Cluster)> OpenAsync(TextWriterLog log)
        {
            if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } prepared)
            {
                return (prepared, null);
            }

            IDisposable? cluster = null;
            string admin;
            if (Environment.GetEnvironmentVariable("SARGABLE_PG") is { Length: > 0 } external)
            {
                admin = external;
            }
            else
            {
                var started = BenchmarkCluster.Start();
                cluster = started;
                admin = started.ConnectionString;
                log($"benchmark cluster: {started.DataDirectory} on port {started.Port}");
            }

            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName, CommandTimeout = 3600 }.ConnectionString;
            await EnsureSeededAsync(admin, connectionString, log);
            return (connectionString, cluster);
        }

        private static async Task EnsureSeededAsync(string admin, string connectionString, TextWriterLog log)
        {
            // The marker holds the data version and a hash of the schema EF Core creates: a changed index reseeds.
            string script;
            await using (var db = new DeploymentsDbContext(new DbContextOptionsBuilder<DeploymentsDbContext>().UseNpgsql(connectionString).Options))
            {
                script = db.Database.GenerateCreateScript();
            }

            var version = Version + " schema " + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)))[..12];
            await using (var server = new NpgsqlConnection(admin))
            {
                await server.OpenAsync();
                var exists = await Scalar(server, $"SELECT count(*) FROM pg_database WHERE datname = '{DatabaseName}'") is long n && n > 0;
                if (exists && await CurrentVersionAsync(connectionString) == version)
                {
                    log($"deployments data {version}: reused");
                    return;
                }

                NpgsqlConnection.ClearAllPools();
                await Execute(server, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
                await Execute(server, $"CREATE DATABASE {DatabaseName} TEMPLATE template0 ENCODING 'UTF8'");
            }

            var watch = Stopwatch.StartNew();
            log("seeding the deployments data set (once; later runs reuse it)...");
            var statements = script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var statement in statements.Where(s => !s.Contains("INDEX", StringComparison.Ordinal)))
            {
                await Execute(connection, statement);
            }

            // Foreign keys are checked once at the end (ALTER TABLE ... VALIDATE would re-check anyway): as superuser,
            // skip the per-row triggers while copying.
            try
            {
                await Execute(connection, "SET session_replication_role = replica");
            }
            catch (PostgresException)
            {
                log("not a superuser: foreign keys are checked row by row while copying (slower)");
            }

            await CopyAsync(connection, log);
            await Execute(connection, "SET session_replication_role = DEFAULT");
            await Execute(connection, "SET maintenance_work_mem = '512MB'");
            foreach (var statement in statements.Where(s => s.Contains("INDEX", StringComparison.Ordinal)))
            {
                await Execute(connection, statement);
            }

            log($"indexes built at {watch.Elapsed.TotalSeconds:0} s");
            foreach (var table in new[] { "namespaces", "projects", "environments", "deployments", "releases", "release_project_environments" })
            {
                await Execute(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}) + 1000000)");
            }

            await Execute(connection, "VACUUM ANALYZE");
            await Execute(connection, "CREATE TABLE sargable_bench_seed (version text NOT NULL)");
            await Execute(connection, $"INSERT INTO sargable_bench_seed (version) VALUES ('{version}')");
            log($"deployments data {version}: seeded in {watch.Elapsed.TotalSeconds:0} s");
        }

        private static async Task CopyAsync(NpgsqlConnection connection, TextWriterLog log)
        {
            var tree = GroupTree();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY namespaces (id, parent_id, name, path) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (id, parent, level) in tree)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                    await (parent is { } p ? copy.WriteAsync(p, NpgsqlDbType.Bigint) : copy.WriteNullAsync());
                    await copy.WriteAsync($"Group {id} (level {level})", NpgsqlDbType.Text);
                    await copy.WriteAsync("group-" + id, NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            // Projects live in the lower five levels (groups 1001..2000 hold one project each).
            await using (var copy = await connection.BeginBinaryImportAsync("COPY projects (id, namespace_id, name) FROM STDIN (FORMAT BINARY)"))
            {
                for (long p = 1; p <= Projects; p++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(p, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(Groups - Projects + p, NpgsqlDbType.Bigint);
                    await copy.WriteAsync("project-" + p, NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY environments (id, project_id, name) FROM STDIN (FORMAT BINARY)"))
            {
                for (long e = 1; e <= Projects * EnvironmentsPerProject; e++)
                {
                    var index = (e - 1) % EnvironmentsPerProject;
                    await copy.StartRowAsync();
                    await copy.WriteAsync(e, NpgsqlDbType.Bigint);
                    await copy.WriteAsync((e - 1) / EnvironmentsPerProject + 1, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(index switch { 0 => "production", 1 => "staging", _ => "review/" + (index - 1) }, NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            // Deployment times per environment, then ids in global creation order.
            var environments = new List<int>();
            var created = new List<long>();
            for (var e = 1; e <= Projects * EnvironmentsPerProject; e++)
            {
                var count = DeploymentsOf(e);
                var project = (e - 1) / EnvironmentsPerProject + 1;
                var (start, end) = IsStale(project) ? (StaleStart, StaleEnd) : (YearStart, YearEnd);
                var random = new Random(e);
                var step = (end - start).Ticks / Math.Max(count, 1);
                for (var k = 0; k < count; k++)
                {
                    environments.Add(e);
                    created.Add(start.Ticks + (k * step) + (long)(random.NextDouble() * step / 2) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
                }
            }

            var order = Enumerable.Range(0, created.Count).ToArray();
            var keys = created.ToArray();
            Array.Sort(keys, order);
            log($"{order.Length:N0} deployments generated");

            var iids = new int[Projects + 1];
            var byEnvironment = new List<long>[(Projects * EnvironmentsPerProject) + 1];
            var statusRandom = new Random(2025);
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY deployments (id, iid, project_id, environment_id, ref, sha, status, action, created_at, updated_at, finished_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < order.Length; i++)
                {
                    long id = i + 1;
                    var environment = environments[order[i]];
                    var project = (environment - 1) / EnvironmentsPerProject + 1;
                    var createdAt = new DateTime(keys[i], DateTimeKind.Utc);
                    var updatedAt = createdAt.AddMinutes(2 + (id % 9));
                    var roll = statusRandom.Next(100);
                    var status = roll < 90 ? (short)2 : roll < 94 ? (short)3 : roll < 97 ? (short)4 : roll < 99 ? (short)5 : (short)1;
                    (byEnvironment[environment] ??= []).Add(id);
                    var review = (environment - 1) % EnvironmentsPerProject >= 2;

                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(++iids[project], NpgsqlDbType.Integer);
                    await copy.WriteAsync((long)project, NpgsqlDbType.Bigint);
                    await copy.WriteAsync((long)environment, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(review ? "refs/heads/feature-" + environment : "refs/heads/main", NpgsqlDbType.Text);
                    await copy.WriteAsync(Sha(project, createdAt), NpgsqlDbType.Bytea);
                    await copy.WriteAsync(status, NpgsqlDbType.Smallint);
                    await copy.WriteAsync((short)1, NpgsqlDbType.Smallint);
                    await copy.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz);
                    await (status is 2 or 3 or 4 ? copy.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz) : copy.WriteNullAsync());
                }

                await copy.CompleteAsync();
            }

            log("deployments copied");
            await using (var copy = await connection.BeginBinaryImportAsync("COPY releases (id, project_id, version) FROM STDIN (FORMAT BINARY)"))
            {
                for (long p = 1; p <= Projects; p++)
                {
                    for (var k = 1; k <= ReleasesPerProject; k++)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(((p - 1) * ReleasesPerProject) + k, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(p, NpgsqlDbType.Bigint);
                        await copy.WriteAsync($"v{k}.0.0", NpgsqlDbType.Text);
                    }
                }

                await copy.CompleteAsync();
            }

            // Release k of a project reached each environment with a deployment k/20 of the way through its history; the
            // rows' ids follow those deployments, so the newest rows are the most recent shipments.
            // An environment without deployments (the scratch one) gets its rows too, with no last deployment: releases
            // planned for it and never shipped, which latest deploys must skip. They come last.
            var rows = new List<(long? Deployment, long Release, long Project, long Environment)>();
            for (var e = 1; e < byEnvironment.Length; e++)
            {
                var deployments = byEnvironment[e];
                var project = (e - 1) / EnvironmentsPerProject + 1;
                for (var k = 1; k <= ReleasesPerProject; k++)
                {
                    var position = deployments is null ? -1 : Math.Min(deployments.Count - 1, (int)((long)deployments.Count * k / ReleasesPerProject) - 1);
                    rows.Add((deployments?[Math.Max(position, 0)], ((project - 1) * ReleasesPerProject) + k, project, e));
                }
            }

            rows.Sort((a, b) => a.Deployment != b.Deployment ? (a.Deployment ?? long.MaxValue).CompareTo(b.Deployment ?? long.MaxValue) : a.Release.CompareTo(b.Release));
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY release_project_environments (id, release_id, project_id, environment_id, last_deployment_id) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(rows[i].Release, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(rows[i].Project, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(rows[i].Environment, NpgsqlDbType.Bigint);
                    if (rows[i].Deployment is { } deployment)
                    {
                        await copy.WriteAsync(deployment, NpgsqlDbType.Bigint);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }
                }

                await copy.CompleteAsync();
            }

            log($"{rows.Count:N0} release rows copied");
        }

        /// <summary>One commit per project and hour: the same sha reaches production, staging and reviews of that hour.</summary>
        public static byte[] Sha(long project, DateTime createdAt)
        {
            Span<byte> seed = stackalloc byte[16];
            BitConverter.TryWriteBytes(seed, project);
            BitConverter.TryWriteBytes(seed[8..], createdAt.Ticks / TimeSpan.TicksPerHour);
            return SHA1.HashData(seed);
        }

        private static async Task<string?> CurrentVersionAsync(string connectionString)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return await Scalar(connection, "SELECT version FROM sargable_bench_seed") as string;
            }
            catch (PostgresException)
            {
                return null;
            }
        }

        private static async Task Execute(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
            await command.ExecuteNonQueryAsync();
        }

        private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync();
        }
    }

    /// <summary>Where the set-up writes its progress (BenchmarkDotNet's console in the parent).</summary>
    internal delegate void TextWriterLog(string line);
}
