using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sargable.Deployments.Queries;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// Sentry's latest deploys of a list of projects (every 7th project from 1, so hot, typical and stale ones): one
    /// statement ranking each environment's LATERAL-read 10 rows with a window function (reference), the
    /// per-environment-and-row loop Sentry replaced (N+1 twin), and
    /// the straightforward window-function statement whose plan hash-joins a scan of deployments (window twin).
    /// </summary>
    public class LatestDeploysBenchmarks : DeploymentsBenchmark
    {
        private long[] projects = [];

        [Params(10, 50)]
        public int Projects { get; set; } = 10;

        [Benchmark(Baseline = true, Description = "reference: window function over LATERAL rows (EF)")]
        public async Task<int> Reference()
        {
            await using var db = Contexts.CreateDbContext();
            return (await LatestDeploys.ForProjectsAsync(db, projects)).Count;
        }

        [Benchmark(Description = "reference SQL (raw Npgsql)")]
        public async Task<int> ReferenceRaw()
        {
            // The reference's own SQL text, with Npgsql's positional parameters where EF Core puts its own.
            await using var command = DataSource.CreateCommand(string.Format(CultureInfo.InvariantCulture, LatestDeploys.LateralSql, "$1", "$2"));
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = projects });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = LatestDeploys.RecentRows });
            return await Rows.ReadAsync(command);
        }

        [Benchmark(Description = "twin: N+1 loop")]
        public async Task<int> Loop()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NaiveTwins.LatestDeploysLoopAsync(db, projects)).Count;
        }

        [Benchmark(Description = "twin: window functions, one statement")]
        public async Task<int> Window()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NaiveTwins.LatestDeploysWindowAsync(db, projects)).Count;
        }

        protected override Task SetupMoreAsync()
        {
            projects = Rows.Ids(Projects, step: 7);
            return Task.CompletedTask;
        }
    }

    /// <summary>GitLab's environments status of a sha in the hot project: one statement (reference) against the per-environment loop (twin).</summary>
    public class EnvironmentsStatusBenchmarks : DeploymentsBenchmark
    {
        private string sha = string.Empty;

        [Benchmark(Baseline = true, Description = "reference: EXISTS + LATERAL (EF)")]
        public async Task<int> Reference()
        {
            await using var db = Contexts.CreateDbContext();
            return (await EnvironmentsStatus.ForShaAsync(db, BenchData.HotProject, sha)).Count;
        }

        [Benchmark(Description = "twin: latest deployment per environment in a loop")]
        public async Task<int> Loop()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NaiveTwins.EnvironmentsStatusLoopAsync(db, BenchData.HotProject, sha)).Count;
        }

        protected override async Task SetupMoreAsync()
        {
            // A sha of mid-2025 in the hot project: its hour reached production, staging and usually some reviews.
            await using var db = Contexts.CreateDbContext();
            var middle = new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
            var review = await db.Deployments.Where(d => d.ProjectId == BenchData.HotProject && d.EnvironmentId != BenchData.HotEnvironment && d.CreatedAt >= middle)
                .OrderBy(d => d.CreatedAt).Select(d => d.Sha).FirstAsync();
            sha = review;
        }
    }

    /// <summary>Successful deployments since mid-2025 for 50 projects: one grouped count (reference) against one count per project (twin).</summary>
    public class SuccessfulCountsBenchmarks : DeploymentsBenchmark
    {
        private static readonly DateTime Since = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly long[] projects = Rows.Ids(50, step: 7);

        [Benchmark(Baseline = true, Description = "reference: one GROUP BY (EF)")]
        public async Task<int> Reference()
        {
            await using var db = Contexts.CreateDbContext();
            return (await DeploymentCounts.SuccessfulSinceAsync(db, projects, Since)).Count;
        }

        [Benchmark(Description = "twin: one count per project")]
        public async Task<int> Loop()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NaiveTwins.SuccessfulCountsLoopAsync(db, projects, Since)).Count;
        }
    }

    /// <summary>
    /// The 1,999 groups below the root of the 10-level tree: one recursive CTE (reference) against one query per level
    /// (twin, 10 round trips). Both read the same index; the CTE wins by round trips, not by a better plan.
    /// </summary>
    public class NamespaceTreeBenchmarks : DeploymentsBenchmark
    {
        [Benchmark(Baseline = true, Description = "reference: recursive CTE (EF)")]
        public async Task<int> Reference()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NamespaceTree.DescendantsAsync(db, 1)).Count;
        }

        [Benchmark(Description = "reference SQL (raw Npgsql)")]
        public async Task<int> ReferenceRaw()
        {
            await using var command = DataSource.CreateCommand("""
                SELECT q.id, q.name, q.parent_id, q.path
                FROM (
                    WITH RECURSIVE tree AS (
                        SELECT n.id, n.parent_id, n.name, n.path FROM namespaces AS n WHERE n.id = $1
                        UNION ALL
                        SELECT c.id, c.parent_id, c.name, c.path FROM tree AS t
                        CROSS JOIN LATERAL (SELECT k.id, k.parent_id, k.name, k.path FROM namespaces AS k WHERE k.parent_id = t.id AND k.id <> $1 OFFSET 0) AS c)
                    SELECT tree.id, tree.parent_id, tree.name, tree.path FROM tree
                ) AS q
                WHERE q.id <> $1
                ORDER BY q.id
                """);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 1 });
            return await Rows.ReadAsync(command);
        }

        [Benchmark(Description = "twin: level by level")]
        public async Task<int> LevelByLevel()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NaiveTwins.DescendantsLevelByLevelAsync(db, 1)).Count;
        }
    }
}
