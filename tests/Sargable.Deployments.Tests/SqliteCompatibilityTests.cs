using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;
using Sargable.Deployments.Queries;

namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// The sample's embedded default: the same model and reference queries on SQLite (which has no LATERAL, so the
    /// portable forms run), under the guard in Throw mode.
    /// </summary>
    public sealed class SqliteCompatibilityTests : IAsyncLifetime
    {
        private static readonly DateTime Epoch = TestSeed.Epoch;
        private readonly SqliteConnection connection = new("Data Source=:memory:");

        public async Task InitializeAsync()
        {
            await connection.OpenAsync();
            await using var db = Context(null);
            await db.Database.EnsureCreatedAsync();
            db.Namespaces.AddRange(
                new Namespace { Id = 1, Name = "Acme", Path = "acme" },
                new Namespace { Id = 2, ParentId = 1, Name = "Platform", Path = "platform" },
                new Namespace { Id = 3, ParentId = 2, Name = "Deploy", Path = "deploy" },
                new Namespace { Id = 4, Name = "Other", Path = "other" });
            db.Projects.AddRange(new Project { Id = 1, NamespaceId = 1, Name = "a" }, new Project { Id = 2, NamespaceId = 3, Name = "b" }, new Project { Id = 3, NamespaceId = 4, Name = "c" });
            db.Environments.AddRange(
                new ProjectEnvironment { Id = 1, ProjectId = 1, Name = "production" }, new ProjectEnvironment { Id = 2, ProjectId = 1, Name = "staging" },
                new ProjectEnvironment { Id = 3, ProjectId = 2, Name = "production" }, new ProjectEnvironment { Id = 4, ProjectId = 3, Name = "production" });
            var iids = new int[4];
            for (var id = 1; id <= 80; id++)
            {
                var environment = (id - 1) % 4 + 1;
                var project = environment <= 2 ? 1 : environment - 1;
                var status = id % 10 == 0 ? DeploymentStatus.Failed : id > 72 ? DeploymentStatus.Running : DeploymentStatus.Success;
                db.Deployments.Add(new Deployment
                {
                    Id = id, Iid = ++iids[project], ProjectId = project, EnvironmentId = environment, Ref = "main", Sha = Sha(id / 4), Status = status,
                    CreatedAt = Epoch.AddMinutes(id), UpdatedAt = Epoch.AddMinutes(id + 5), FinishedAt = DeploymentStatuses.IsFinished(status) ? Epoch.AddMinutes(id + 5) : null,
                });
            }

            for (var k = 1; k <= 12; k++)
            {
                db.Releases.Add(new Release { Id = k, ProjectId = 1, Version = "v" + k });
                db.ReleaseProjectEnvironments.Add(new ReleaseProjectEnvironment { Id = k, ReleaseId = k, ProjectId = 1, EnvironmentId = 1, LastDeploymentId = (4 * k) + 1 });
            }

            await db.SaveChangesAsync();
        }

        public Task DisposeAsync() => connection.DisposeAsync().AsTask();

        [Fact]
        public async Task The_finder_runs_every_scope_on_SQLite_under_the_guard()
        {
            await using var db = Guarded();

            var project = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 1, EnvironmentName = "staging", Sort = "desc" }).PageAsync(1, 5);
            var group = await new DeploymentsFinder(db, new DeploymentsFinderParams { GroupId = 1, Status = ["success"], OrderBy = "updated_at", UpdatedAfter = Epoch.AddMinutes(20) }).PageAsync(2, 5);
            var finished = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 2, Status = ["success"], FinishedAfter = Epoch, FinishedBefore = Epoch.AddMinutes(30), OrderBy = "finished_at", Sort = "desc" }).PageAsync(1, 3);

            Assert.Equal([78L, 74, 70, 66, 62], project.Select(d => d.Id));
            Assert.All(project, d => Assert.Equal("staging", d.EnvironmentName));
            var all = await AllAsync();
            var expectedGroup = all.Where(d => d.ProjectId != 3 && d.Status == DeploymentStatus.Success && d.UpdatedAt >= Epoch.AddMinutes(20))
                .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Skip(5).Take(5).Select(d => d.Id); // projects of acme and acme/platform/deploy, not other
            Assert.Equal(expectedGroup, group.Select(d => d.Id));
            Assert.Equal([23L, 19, 15], finished.Select(d => d.Id));
            Assert.Equal(DateTimeKind.Utc, finished[0].FinishedAt!.Value.Kind);
        }

        [Fact]
        public async Task The_walk_down_ends_on_a_cycle_on_SQLite()
        {
            await using var db = Context(null);
            await using var transaction = await db.Database.BeginTransactionAsync();

            // Acme (1) under its own grandchild Deploy (3): walking down from Acme or Platform comes back round.
            await db.Database.ExecuteSqlRawAsync("UPDATE namespaces SET parent_id = 3 WHERE id = 1");

            // SQLite has no statement timeout: a progress handler interrupts a walk that loops, so it fails instead of hanging.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 10_000, _ => DateTime.UtcNow > deadline ? 1 : 0, null);
            try
            {
                Assert.Equal([2L, 3], (await NamespaceTree.DescendantsAsync(db, 1)).Select(n => n.Id));
                Assert.Equal([1L, 3], (await NamespaceTree.DescendantsAsync(db, 2)).Select(n => n.Id));
                Assert.Equal([1L, 2], (await NamespaceTree.ProjectsOf(db, 2).Select(p => p.Id).ToListAsync()).Order());
            }
            finally
            {
                SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
                await transaction.RollbackAsync();
            }
        }

        [Fact]
        public async Task Latest_deploys_environments_status_counts_and_the_tree_run_on_SQLite()
        {
            await using var db = Guarded();

            var latest = await LatestDeploys.ForProjectsAsync(db, [1, 2]);
            var status = await EnvironmentsStatus.ForShaAsync(db, 1, Sha(5));
            var counts = await DeploymentCounts.SuccessfulSinceAsync(db, [1, 2, 3], Epoch.AddMinutes(60));
            var descendants = await NamespaceTree.DescendantsAsync(db, 1);
            var ancestors = await NamespaceTree.AncestorsAsync(db, 3);

            // Release rows 3..12 are the 10 newest; row 12's deployment 49 is the newest finished one among them.
            var production = Assert.Single(latest);
            Assert.Equal(new LatestDeploy(1, "production", "v12", Epoch.AddMinutes(49 + 5)), production);
            Assert.Equal(["production", "staging"], status.Select(s => s.EnvironmentName));
            Assert.Equal([77L, 78], status.Select(s => s.LatestDeploymentId));
            Assert.Equal(DeploymentStatus.Running, status[0].LatestStatus);
            var expectedCounts = (await AllAsync()).Where(d => d.ProjectId <= 3 && d.Status == DeploymentStatus.Success && d.FinishedAt >= Epoch.AddMinutes(60))
                .GroupBy(d => d.ProjectId).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()));
            Assert.Equal(expectedCounts, counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
            Assert.Equal([2L, 3], descendants.Select(n => n.Id));
            Assert.Equal([2L, 1], ancestors.Select(n => n.Id));
        }

        [Fact]
        public async Task Backfill_and_retention_delete_run_on_SQLite()
        {
            await using var db = Guarded();
            using (SargableScope.Allow(RuleIds.NoIndexForFilter, "test set-up"))
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE deployments SET finished_at = NULL WHERE status = 3");
            }

            Assert.Equal(8, await DeploymentMaintenance.BackfillFinishedAtAsync(db, batchSize: 7));
            Assert.Equal(10, await DeploymentMaintenance.DeleteOlderThanAsync(db, 4, Epoch.AddMinutes(41)));
            Assert.Equal(0, await db.Deployments.CountAsync(d => d.EnvironmentId == 4 && d.Id <= 40));
        }

        private async Task<System.Collections.Generic.List<Deployment>> AllAsync()
        {
            await using var db = Context(null);
            return await db.Deployments.AsNoTracking().ToListAsync();
        }

        private static string Sha(int seed) => Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(seed)));

        private DeploymentsDbContext Guarded() => Context(g => g.Mode(SargableMode.Throw));

        private DeploymentsDbContext Context(Action<SargableOptionsBuilder>? guard)
        {
            var builder = new DbContextOptionsBuilder<DeploymentsDbContext>().UseSqlite(connection)
                .ConfigureWarnings(w => w.Log(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning));
            if (guard is not null)
            {
                builder.UseSargable(guard);
            }

            return new DeploymentsDbContext(builder.Options);
        }
    }
}
