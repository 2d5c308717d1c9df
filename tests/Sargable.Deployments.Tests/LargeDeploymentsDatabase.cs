using System;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Testing;

namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// A moderate volume with the benchmark's skew, seeded in SQL in a few seconds: a group tree 10 levels deep
    /// (21 chains of 10 groups with one project each, and four project-less leaves under each of those 210 groups: 1,050
    /// groups), 10 environments per project (2,100), 300,000 deployments in creation order:
    /// 5 hot environments with 20,000 each, the rest about 95 each, and stale environments (every 10th) whose
    /// deployments are all years old; 20 releases per project and 20 release rows per environment. ANALYZEd.
    /// </summary>
    public sealed class LargeDeploymentsDatabase : IAsyncLifetime
    {
        public const int Projects = 210;
        public const int Environments = Projects * 10;

        /// <summary>Environments whose id % 420 == 1 hold 20,000 deployments each.</summary>
        public static readonly long[] HotEnvironments = [1, 421, 841, 1261, 1681];

        /// <summary>Environments whose id % 10 == 7 were last deployed to in 2020.</summary>
        public const long StaleEnvironment = 17;

        /// <summary>A typical environment (about 95 deployments over the last year).</summary>
        public const long TypicalEnvironment = 12;

        /// <summary>Deployments after <see cref="RecentFrom"/> are the last year's.</summary>
        public static readonly DateTime RecentFrom = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly PostgresDatabase database = new();

        public string ConnectionString => database.ConnectionString;

        public async Task InitializeAsync()
        {
            await database.InitializeAsync();
            await using (var db = new DeploymentsDbContext(DeploymentsDatabase.Options(ConnectionString, null)))
            {
                await db.Database.EnsureCreatedAsync();
            }

            await database.ExecuteAsync("""
                SET maintenance_work_mem = '256MB';
                -- 21 top-level groups, each the root of a chain 10 levels deep: group g has parent g - 21 below the top level.
                INSERT INTO namespaces (id, parent_id, name, path)
                SELECT g, CASE WHEN g > 21 THEN g - 21 END, 'group ' || g, 'g' || g FROM generate_series(1, 210) AS g;
                -- 840 more groups without projects, four leaves under each of the first 210: 1,050 groups, too many to be a "small" table.
                INSERT INTO namespaces (id, parent_id, name, path)
                SELECT g, (g - 211) % 210 + 1, 'leaf ' || g, 'l' || g FROM generate_series(211, 1050) AS g;
                INSERT INTO projects (id, namespace_id, name) SELECT p, p, 'project ' || p FROM generate_series(1, 210) AS p;
                INSERT INTO environments (id, project_id, name)
                SELECT e, (e - 1) / 10 + 1, CASE (e - 1) % 10 WHEN 0 THEN 'production' WHEN 1 THEN 'staging' ELSE 'review/' || ((e - 1) % 10 - 1) END
                  FROM generate_series(1, 2100) AS e;

                INSERT INTO deployments (id, iid, project_id, environment_id, ref, sha, status, action, created_at, updated_at, finished_at)
                SELECT row_number() OVER (ORDER BY t.created_at, t.environment_id, t.n),
                       row_number() OVER (PARTITION BY t.project_id ORDER BY t.created_at, t.environment_id, t.n),
                       t.project_id, t.environment_id, 'refs/heads/main',
                       decode(md5('sha' || t.project_id || '/' || (t.n / 3)) || substr(md5('tail' || (t.n / 3)), 1, 8), 'hex'),
                       t.status, 1, t.created_at, t.created_at + interval '4 minutes',
                       CASE WHEN t.status IN (2, 3, 4) THEN t.created_at + interval '4 minutes' END
                  FROM (SELECT e.id AS environment_id, e.project_id, g.n,
                               (CASE WHEN g.n % 23 = 0 THEN 3 WHEN g.n % 37 = 0 THEN 4 WHEN g.n % 41 = 0 THEN 5 ELSE 2 END)::smallint AS status,
                               CASE WHEN e.id % 10 = 7
                                    THEN timestamptz '2020-01-01 00:00:00+00' + (g.n * 131 % 5000) * interval '1 hour'
                                    ELSE timestamptz '2025-01-01 00:00:00+00' + (g.n::float8 / c.total * 8700) * interval '1 hour' + (e.id % 60) * interval '1 second' END AS created_at
                          FROM environments AS e
                          CROSS JOIN LATERAL (SELECT CASE WHEN e.id % 420 = 1 THEN 20000 ELSE 95 END AS total) AS c
                          CROSS JOIN LATERAL generate_series(1, c.total) AS g(n)) AS t;

                INSERT INTO releases (id, project_id, version)
                SELECT (p - 1) * 20 + k, p, 'v' || k || '.0.0' FROM generate_series(1, 210) AS p, generate_series(1, 20) AS k;
                -- release k reached each environment of its project with one of the environment's deployments, newer for newer releases
                INSERT INTO release_project_environments (id, release_id, project_id, environment_id, last_deployment_id)
                SELECT (e.id - 1) * 20 + k, (e.project_id - 1) * 20 + k, e.project_id, e.id,
                       (SELECT d.id FROM deployments AS d WHERE d.environment_id = e.id ORDER BY d.id DESC OFFSET 20 - k LIMIT 1)
                  FROM environments AS e, generate_series(1, 20) AS k;
                ANALYZE;
                """);
        }

        public Task DisposeAsync() => database.DisposeAsync();
    }
}
