namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// A small, deterministic data set with the shapes the queries care about, loaded with plain SQL (explicit ids):
    /// <list type="bullet">
    /// <item>a group chain acme/platform/deploy/l4/.../l8 (8 levels), a sibling branch acme/web/frontend, and another top-level group;</item>
    /// <item>8 projects, each with production, staging and review environments (the names repeat in every project);</item>
    /// <item>960 deployments, 40 per environment, ids in creation order, iid per project in id order, mostly successful with
    /// some failed, canceled, skipped, running, created and blocked; timestamps grow with id (updated 5 minutes, finished
    /// 5 minutes after creation), so orders by id, updated_at and finished_at agree;</item>
    /// <item>each sha deployed to the production and staging environments of every project in one round (review gets its own sha);</item>
    /// <item>15 releases per project and one release_project_environments row per release and environment; in environment 1 the
    /// oldest row points at its newest deployment, outside the 10 most recent rows that latest deploys may look at.</item>
    /// </list>
    /// </summary>
    public static class TestSeed
    {
        public const int Projects = 8;
        public const int EnvironmentsPerProject = 3;
        public const int Environments = Projects * EnvironmentsPerProject;
        public const int DeploymentsPerEnvironment = 40;
        public const int Deployments = Environments * DeploymentsPerEnvironment;
        public const int ReleasesPerProject = 15;

        /// <summary>Creation time of deployment 1; deployment g is created g minutes later.</summary>
        public static readonly System.DateTime Epoch = new(2025, 1, 1, 0, 0, 0, System.DateTimeKind.Utc);

        public const string Sql = """
            INSERT INTO namespaces (id, parent_id, name, path) VALUES
              (1, NULL, 'Acme', 'acme'), (2, 1, 'Platform', 'platform'), (3, 2, 'Deploy', 'deploy'), (4, 3, 'L4', 'l4'),
              (5, 4, 'L5', 'l5'), (6, 5, 'L6', 'l6'), (7, 6, 'L7', 'l7'), (8, 7, 'L8', 'l8'),
              (9, 1, 'Web', 'web'), (10, 9, 'Frontend', 'frontend'), (11, NULL, 'Other', 'other');

            -- projects 1..8: acme, platform, deploy, l8, web, frontend, other, other
            INSERT INTO projects (id, namespace_id, name) VALUES
              (1, 1, 'handbook'), (2, 2, 'runner'), (3, 3, 'deployer'), (4, 8, 'deep'),
              (5, 9, 'www'), (6, 10, 'ui'), (7, 11, 'tools'), (8, 11, 'scripts');

            -- environments 3p-2, 3p-1, 3p: production, staging, review/main of project p
            INSERT INTO environments (id, project_id, name)
            SELECT e, (e - 1) / 3 + 1, (ARRAY['production', 'staging', 'review/main'])[(e - 1) % 3 + 1]
              FROM generate_series(1, 24) AS e;

            -- deployment g goes to environment (g - 1) % 24 + 1: round r = (g - 1) / 24 deploys one sha everywhere
            INSERT INTO deployments (id, iid, project_id, environment_id, ref, sha, status, action, created_at, updated_at, finished_at)
            SELECT g,
                   row_number() OVER (PARTITION BY ((g - 1) % 24) / 3 ORDER BY g),
                   ((g - 1) % 24) / 3 + 1,
                   (g - 1) % 24 + 1,
                   CASE WHEN (g - 1) % 3 = 2 THEN 'refs/heads/feature' ELSE 'refs/heads/main' END,
                   decode(md5('round' || ((g - 1) / 24) || CASE WHEN (g - 1) % 3 = 2 THEN 'review' ELSE '' END) || substr(md5('tail' || ((g - 1) / 24)), 1, 8), 'hex'),
                   s.status,
                   1,
                   timestamptz '2025-01-01 00:00:00+00' + (g - 1) * interval '1 minute',
                   timestamptz '2025-01-01 00:05:00+00' + (g - 1) * interval '1 minute',
                   CASE WHEN s.status IN (2, 3, 4) THEN timestamptz '2025-01-01 00:05:00+00' + (g - 1) * interval '1 minute' END
              FROM generate_series(1, 960) AS g
              CROSS JOIN LATERAL (SELECT (CASE (g / 24) % 20
                   WHEN 3 THEN 3 WHEN 7 THEN 4 WHEN 11 THEN 5 WHEN 13 THEN 3
                   WHEN 17 THEN CASE WHEN g % 2 = 0 THEN 1 ELSE 0 END
                   WHEN 18 THEN 6 ELSE 2 END)::smallint AS status) AS s;

            INSERT INTO releases (id, project_id, version)
            SELECT (p - 1) * 15 + k, p, 'v1.' || k || '.0'
              FROM generate_series(1, 8) AS p, generate_series(1, 15) AS k;

            -- release k of a project reached each of its environments with the environment's (2k)-th deployment
            INSERT INTO release_project_environments (id, release_id, project_id, environment_id, last_deployment_id)
            SELECT (e - 1) * 15 + k, ((e - 1) / 3) * 15 + k, (e - 1) / 3 + 1, e,
                   CASE WHEN e = 1 AND k = 1 THEN 24 * 39 + 1 ELSE e + 24 * (2 * k - 1) END
              FROM generate_series(1, 24) AS e, generate_series(1, 15) AS k;

            SELECT setval(pg_get_serial_sequence(t, 'id'), (SELECT max(id) FROM namespaces) + 1000)
              FROM unnest(ARRAY['namespaces']) AS t;
            SELECT setval(pg_get_serial_sequence('projects', 'id'), 1000);
            SELECT setval(pg_get_serial_sequence('environments', 'id'), 1000);
            SELECT setval(pg_get_serial_sequence('deployments', 'id'), 10000);
            SELECT setval(pg_get_serial_sequence('releases', 'id'), 1000);
            SELECT setval(pg_get_serial_sequence('release_project_environments', 'id'), 10000);
            """;
    }
}
