using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>Keys of seeded rows that catalog entries look up; the seed checks the database really assigned them.</summary>
    public static class CorpusKeys
    {
        public const long RootNamespaceId = 1;
        public const long ProjectId = 1;
        public const long OtherProjectId = 2;
        public const long ProductionEnvironmentId = 1;
        public const long StagingEnvironmentId = 2;
        public const long DeploymentId = 1;
        public const int Iid = 3;

        /// <summary>Per-project deployments seeded for each project (iids 1…this).</summary>
        public const int DeploymentsPerProject = 24;

        /// <summary>Rows that write paths change or remove, one group per catalog entry so entries stay independent.</summary>
        public const int TrackedUpdateIid = 101;
        public const int SkippedIidFirst = 102;
        public const int SkippedIidLast = 103;
        public const int BlockedIidFirst = 104;
        public const int BlockedIidLast = 106;
        public const int StaleRunningIid = 107;
        public const string RemovableReleaseVersion = "v0.9.0";

        /// <summary>All seeded timestamps are this instant plus whole minutes.</summary>
        public static readonly DateTime Epoch = new(2025, 1, 6, 8, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>A small, deterministic data set: enough rows that every catalog query returns something and every write path runs.</summary>
    public static class CorpusSeed
    {
        private static readonly DeploymentStatus[] StatusCycle =
        [
            DeploymentStatus.Success, DeploymentStatus.Success, DeploymentStatus.Failed, DeploymentStatus.Success,
            DeploymentStatus.Canceled, DeploymentStatus.Success, DeploymentStatus.Running, DeploymentStatus.Created,
        ];

        public static async Task SeedAsync(CorpusDbContext db, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);

            // One SaveChanges per table, rows added in key order, so identity and rowid keys come out 1, 2, 3…
            var gitlabOrg = new Namespace { Name = "gitlab-org", Path = "gitlab-org" };
            var frontend = new Namespace { Name = "frontend", Path = "gitlab-org/frontend", Parent = gitlabOrg };
            var widgets = new Namespace { Name = "widgets", Path = "gitlab-org/frontend/widgets", Parent = frontend };
            var acme = new Namespace { Name = "acme", Path = "acme" };
            await SaveInOrderAsync(db, [gitlabOrg, frontend, widgets, acme], cancellationToken).ConfigureAwait(false);

            var projects = new List<Project>
            {
                new() { Name = "gitlab", Namespace = gitlabOrg },
                new() { Name = "web-ui", Namespace = frontend },
                new() { Name = "widgets", Namespace = widgets },
                new() { Name = "api", Namespace = acme },
            };
            await SaveInOrderAsync(db, projects, cancellationToken).ConfigureAwait(false);

            // Every project has production and staging: environment names repeat across projects, as in real data.
            var environments = new List<ProjectEnvironment>();
            foreach (var project in projects)
            {
                environments.Add(new ProjectEnvironment { Name = "production", Project = project });
                environments.Add(new ProjectEnvironment { Name = "staging", Project = project });
            }

            environments.Add(new ProjectEnvironment { Name = "review/feature-login", Project = projects[0] });
            await SaveInOrderAsync(db, environments, cancellationToken).ConfigureAwait(false);

            var deployments = new List<Deployment>();
            foreach (var project in projects)
            {
                var production = environments.First(e => e.Project == project && e.Name == "production");
                var staging = environments.First(e => e.Project == project && e.Name == "staging");
                for (var iid = 1; iid <= CorpusKeys.DeploymentsPerProject; iid++)
                {
                    var status = StatusCycle[(iid - 1) % StatusCycle.Length];
                    deployments.Add(NewDeployment(project, iid % 3 == 0 ? staging : production, iid, status, minutes: (int)(project.Id * 1000) + (iid * 10)));
                }
            }

            var gitlab = projects[0];
            var gitlabProduction = environments[0];
            deployments.Add(NewDeployment(gitlab, gitlabProduction, CorpusKeys.TrackedUpdateIid, DeploymentStatus.Running, minutes: 5000));
            for (var iid = CorpusKeys.SkippedIidFirst; iid <= CorpusKeys.SkippedIidLast; iid++)
            {
                deployments.Add(NewDeployment(gitlab, gitlabProduction, iid, DeploymentStatus.Skipped, minutes: 5 + iid));
            }

            for (var iid = CorpusKeys.BlockedIidFirst; iid <= CorpusKeys.BlockedIidLast; iid++)
            {
                deployments.Add(NewDeployment(gitlab, gitlabProduction, iid, DeploymentStatus.Blocked, minutes: 5100 + iid));
            }

            deployments.Add(NewDeployment(gitlab, gitlabProduction, CorpusKeys.StaleRunningIid, DeploymentStatus.Running, minutes: 1));
            await SaveInOrderAsync(db, deployments, cancellationToken).ConfigureAwait(false);

            var releases = new List<Release>
            {
                new() { Version = "v1.0.0", Project = gitlab },
                new() { Version = "v1.1.0", Project = gitlab },
                new() { Version = "v2.0.0", Project = projects[1] },
                new() { Version = CorpusKeys.RemovableReleaseVersion, Project = gitlab },
            };
            await SaveInOrderAsync(db, releases, cancellationToken).ConfigureAwait(false);

            var shipped = new List<ReleaseProjectEnvironment>
            {
                new() { Release = releases[0], Project = gitlab, Environment = gitlabProduction, LastDeployment = deployments[0] },
                new() { Release = releases[1], Project = gitlab, Environment = gitlabProduction, LastDeployment = deployments[5] },
                new() { Release = releases[1], Project = gitlab, Environment = environments[1], LastDeployment = null },
                new() { Release = releases[2], Project = projects[1], Environment = environments[2], LastDeployment = deployments[CorpusKeys.DeploymentsPerProject] },
            };
            await SaveInOrderAsync(db, shipped, cancellationToken).ConfigureAwait(false);

            Expect(gitlabOrg.Id, CorpusKeys.RootNamespaceId, "namespaces");
            Expect(gitlab.Id, CorpusKeys.ProjectId, "projects");
            Expect(projects[1].Id, CorpusKeys.OtherProjectId, "projects");
            Expect(gitlabProduction.Id, CorpusKeys.ProductionEnvironmentId, "environments");
            Expect(environments[1].Id, CorpusKeys.StagingEnvironmentId, "environments");
            Expect(deployments[0].Id, CorpusKeys.DeploymentId, "deployments");
            db.ChangeTracker.Clear();
        }

        private static Deployment NewDeployment(Project project, ProjectEnvironment environment, int iid, DeploymentStatus status, int minutes)
        {
            var created = CorpusKeys.Epoch.AddMinutes(minutes);
            var finished = status is DeploymentStatus.Running or DeploymentStatus.Created or DeploymentStatus.Blocked
                ? (DateTime?)null
                : created.AddMinutes(4);
            return new Deployment
            {
                Project = project,
                Environment = environment,
                Iid = iid,
                Ref = iid % 5 == 0 ? "refs/tags/v" + iid : "main",
                Sha = BitConverter.GetBytes((long)project.Id << 32 | (uint)iid).Concat(new byte[12]).ToArray(),
                Status = status,
                Action = DeploymentAction.Start,
                CreatedAt = created,
                UpdatedAt = finished ?? created.AddMinutes(1),
                FinishedAt = finished,
            };
        }

        private static async Task SaveInOrderAsync<T>(CorpusDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
            where T : class
        {
            foreach (var row in rows)
            {
                db.Add(row);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        private static void Expect(long actual, long expected, string table)
        {
            if (actual != expected)
            {
                throw new InvalidOperationException(
                    $"Seeding {table} assigned key {actual} where the catalog expects {expected}; the catalog's lookups would miss their rows.");
            }
        }
    }
}
