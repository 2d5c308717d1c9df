using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments;
using Sargable.Deployments.Model;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>
    /// A small, deterministic demo: group acme with subgroups platform (and platform/deploy) and web, 4 projects with
    /// production, staging and review environments, 30 days of deployments (one every 2 hours per environment, a few
    /// failed or canceled, the newest ones still running), releases and the release rows Sentry's latest deploys reads.
    /// </summary>
    internal static class DemoData
    {
        private static readonly DateTime Start = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Loads the demo unless the database already has groups. Returns whether it loaded anything.</summary>
        public static async Task<bool> SeedAsync(DeploymentsDbContext db)
        {
            using (SargableScope.Allow(RuleIds.UnboundedRead, "demo seed: is the database still empty?"))
            {
                if (await db.Namespaces.AnyAsync())
                {
                    return false;
                }
            }

            var acme = new Namespace { Name = "Acme", Path = "acme" };
            db.Namespaces.Add(acme);
            await db.SaveChangesAsync();
            var platform = new Namespace { ParentId = acme.Id, Name = "Platform", Path = "platform" };
            var web = new Namespace { ParentId = acme.Id, Name = "Web", Path = "web" };
            db.Namespaces.AddRange(platform, web);
            await db.SaveChangesAsync();
            var deploy = new Namespace { ParentId = platform.Id, Name = "Deploy", Path = "deploy" };
            db.Namespaces.Add(deploy);
            await db.SaveChangesAsync();

            var projects = new[]
            {
                new Project { NamespaceId = acme.Id, Name = "handbook" },
                new Project { NamespaceId = platform.Id, Name = "runner" },
                new Project { NamespaceId = deploy.Id, Name = "deployer" },
                new Project { NamespaceId = web.Id, Name = "www" },
            };
            db.Projects.AddRange(projects);
            await db.SaveChangesAsync();

            var environments = projects.SelectMany(p => new[] { "production", "staging", "review/main" }
                .Select(name => new ProjectEnvironment { ProjectId = p.Id, Name = name })).ToList();
            db.Environments.AddRange(environments);
            await db.SaveChangesAsync();

            var deployments = new List<Deployment>();
            var iids = projects.ToDictionary(p => p.Id, _ => 0);
            const int Rounds = 360; // every 2 hours for 30 days
            for (var round = 0; round < Rounds; round++)
            {
                var sha = Sha(round);
                foreach (var environment in environments)
                {
                    var created = Start.AddHours(2 * round).AddMinutes(environment.Id % 60);
                    var status = round >= Rounds - 2 ? DeploymentStatus.Running
                        : (round + environment.Id) % 17 == 0 ? DeploymentStatus.Failed
                        : (round + environment.Id) % 29 == 0 ? DeploymentStatus.Canceled
                        : DeploymentStatus.Success;
                    var updated = created.AddMinutes(4 + (round % 5));
                    deployments.Add(new Deployment
                    {
                        Iid = ++iids[environment.ProjectId],
                        ProjectId = environment.ProjectId,
                        EnvironmentId = environment.Id,
                        Ref = environment.Name.StartsWith("review/", StringComparison.Ordinal) ? "feature/checkout" : "main",
                        Sha = sha,
                        Status = status,
                        CreatedAt = created,
                        UpdatedAt = updated,
                        FinishedAt = DeploymentStatuses.IsFinished(status) ? updated : null,
                    });
                }
            }

            db.Deployments.AddRange(deployments);
            await db.SaveChangesAsync();

            // A release every 12 rounds, shipped to each environment by that round's deployment.
            var releases = new List<(Release Release, int Round)>();
            foreach (var project in projects)
            {
                for (var round = 0; round < Rounds; round += 12)
                {
                    releases.Add((new Release { ProjectId = project.Id, Version = $"v1.{round / 12}.0" }, round));
                }
            }

            db.Releases.AddRange(releases.Select(r => r.Release));
            await db.SaveChangesAsync();

            var byEnvironmentAndRound = deployments.GroupBy(d => d.EnvironmentId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.CreatedAt).ToList());
            db.ReleaseProjectEnvironments.AddRange(
                from r in releases
                from e in environments
                where e.ProjectId == r.Release.ProjectId
                select new ReleaseProjectEnvironment
                {
                    ReleaseId = r.Release.Id,
                    ProjectId = e.ProjectId,
                    EnvironmentId = e.Id,
                    LastDeploymentId = byEnvironmentAndRound[e.Id][r.Round].Id,
                });
            await db.SaveChangesAsync();
            return true;
        }

        private static string Sha(int round) => Convert.ToHexStringLower(SHA1.HashData(BitConverter.GetBytes(round)));
    }
}
