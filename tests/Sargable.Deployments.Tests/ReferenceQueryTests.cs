using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Benchmarks.Deployments;
using Sargable.Deployments.Model;
using Sargable.Deployments.Queries;

namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// Each reference query against its naive twin on the seeded PostgreSQL: the reference runs under the guard in Throw
    /// mode with only the schema's indexes, the twin is stopped with the rule it is known for, and without the guard both
    /// return the same rows.
    /// </summary>
    public sealed class ReferenceQueryTests : IClassFixture<DeploymentsDatabase>
    {
        private static readonly DateTime Epoch = TestSeed.Epoch;
        private readonly DeploymentsDatabase database;

        public ReferenceQueryTests(DeploymentsDatabase database)
        {
            this.database = database;
        }

        [Fact]
        public async Task Environment_name_scoped_by_project_passes_and_the_name_only_join_ordered_by_iid_is_SARG0002()
        {
            await using var guarded = database.Guarded();
            var finder = new DeploymentsFinder(guarded, new DeploymentsFinderParams { ProjectId = 2, EnvironmentName = "staging" });
            var reference = await finder.PageAsync(1, 20);

            await using var plain = database.Context(null);
            var twin = await NaiveTwins.ByEnvironmentNameAsync(plain, 2, "staging", 20);
            Assert.Equal(20, reference.Count);
            Assert.Equal(twin.Select(d => d.Id), reference.Select(d => d.Id));
            Assert.All(reference, d => Assert.Equal("staging", d.EnvironmentName));
            Assert.All(reference, d => Assert.Equal(5, d.EnvironmentId));

            await using var caught = database.Guarded();
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.ByEnvironmentNameAsync(caught, 2, "staging", 20));
            Assert.Equal(RuleIds.ScopelessLookup, error.RuleId);
            Assert.Equal("environments", error.Table);
        }

        [Fact]
        public async Task Updated_window_ordered_by_updated_at_passes_and_ordered_by_id_is_SARG0003()
        {
            var after = Epoch.AddMinutes(300);
            await using var guarded = database.Guarded();
            var reference = await new DeploymentsFinder(guarded, new DeploymentsFinderParams
            {
                ProjectId = 3, EnvironmentId = 7, UpdatedAfter = after, OrderBy = "updated_at",
            }).PageAsync(1, 10);

            await using var plain = database.Context(null);
            var twin = await NaiveTwins.UpdatedWindowByIdAsync(plain, 7, after, null, 10);
            Assert.Equal(10, reference.Count);
            Assert.Equal(twin.Select(d => d.Id), reference.Select(d => d.Id));
            Assert.All(reference, d => Assert.True(d.UpdatedAt >= after));

            await using var caught = database.Guarded();
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.UpdatedWindowByIdAsync(caught, 7, after, null, 10));
            Assert.Equal(RuleIds.FilterOrderMismatch, error.RuleId);
            Assert.Equal("deployments", error.Table);
        }

        [Fact]
        public async Task Finished_window_ordered_by_finished_at_passes_and_ordered_by_updated_at_or_id_is_SARG0003()
        {
            var from = Epoch.AddMinutes(100);
            var to = Epoch.AddMinutes(900);
            await using var guarded = database.Guarded();
            var reference = await new DeploymentsFinder(guarded, new DeploymentsFinderParams
            {
                ProjectId = 1, EnvironmentId = 1, FinishedAfter = from, FinishedBefore = to, Status = ["success"], OrderBy = "finished_at",
            }).PageAsync(1, 20);

            await using var plain = database.Context(null);
            var twin = await NaiveTwins.FinishedWindowByUpdatedAtAsync(plain, 1, 1, from, to, 20);
            var byId = await NaiveTwins.FinishedWindowByIdAsync(plain, 1, 1, from, to, 20);
            Assert.NotEmpty(reference);
            Assert.Equal(twin.Select(d => d.Id), reference.Select(d => d.Id));
            Assert.Equal(byId.Select(d => d.Id), reference.Select(d => d.Id));
            Assert.All(reference, d => Assert.Equal(DeploymentStatus.Success, d.Status));

            await using var caught = database.Guarded();
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.FinishedWindowByUpdatedAtAsync(caught, 1, 1, from, to, 20));
            Assert.Equal(RuleIds.FilterOrderMismatch, error.RuleId);
            var errorById = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.FinishedWindowByIdAsync(caught, 1, 1, from, to, 20));
            Assert.Equal(RuleIds.FilterOrderMismatch, errorById.RuleId);
        }

        [Fact]
        public async Task Latest_deploys_in_one_statement_pass_and_the_loop_is_SARG0004()
        {
            long[] projects = [1, 2, 3, 5];
            await using var guarded = database.Guarded();
            var reference = await LatestDeploys.ForProjectsAsync(guarded, projects);

            await using var plain = database.Context(null);
            var loop = await NaiveTwins.LatestDeploysLoopAsync(plain, projects);
            var window = await NaiveTwins.LatestDeploysWindowAsync(plain, projects);
            var portable = await LatestDeploys.Portable(plain, projects).ToListAsync();
            Assert.Equal(12, reference.Count);
            Assert.Contains("row_number() OVER (PARTITION BY e.project_id, e.id", LatestDeploys.Lateral(plain, projects).ToQueryString(), StringComparison.Ordinal);
            Assert.Equal(loop, reference);
            Assert.Equal(window, reference);
            Assert.Equal(portable, reference);

            // Environment 1's newest deployment is behind its oldest release row: outside the 10 rows looked at.
            var production = Assert.Single(reference, r => r.ProjectId == 1 && r.Environment == "production");
            Assert.Equal("v1.15.0", production.Version);
            Assert.Equal(Epoch.AddMinutes(5 + 1 + (24 * 29) - 1), production.DateFinished);

            await using var caught = database.Guarded();
            using var scope = SargableScope.Begin(nameof(Latest_deploys_in_one_statement_pass_and_the_loop_is_SARG0004));
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.LatestDeploysLoopAsync(caught, projects));
            Assert.Equal(RuleIds.QueryInLoop, error.RuleId);
        }

        [Fact]
        public async Task Environments_status_in_one_statement_passes_and_the_loop_is_SARG0004()
        {
            await using var plain = database.Context(null);
            var sha = await plain.Deployments.Where(d => d.Id == 24 * 5 + 4).Select(d => d.Sha).SingleAsync(); // round 5, project 2 production

            await using var guarded = database.Guarded();
            var reference = await EnvironmentsStatus.ForShaAsync(guarded, 2, sha);
            var twin = await NaiveTwins.EnvironmentsStatusLoopAsync(plain, 2, sha);
            var portable = await EnvironmentsStatus.Portable(plain, 2, sha).ToListAsync();
            Assert.Equal(["production", "staging"], reference.Select(r => r.EnvironmentName));
            Assert.Equal(twin, reference);
            Assert.Equal(portable, reference);
            Assert.All(reference, r => Assert.Equal(r.EnvironmentId + (24 * 39), r.LatestDeploymentId));

            // The loop runs one query per environment: more environments than the threshold are needed to see it.
            await using var caught = database.Context(g => g.Mode(SargableMode.Throw).NPlusOneThreshold(1));
            using var scope = SargableScope.Begin(nameof(Environments_status_in_one_statement_passes_and_the_loop_is_SARG0004));
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.EnvironmentsStatusLoopAsync(caught, 2, sha));
            Assert.Equal(RuleIds.QueryInLoop, error.RuleId);
        }

        [Fact]
        public async Task Successful_counts_per_project_in_one_statement_pass_and_one_count_per_project_is_SARG0004()
        {
            long[] projects = [1, 2, 3, 4, 5, 6, 7, 8];
            var since = Epoch.AddMinutes(480);
            await using var guarded = database.Guarded();
            var reference = await DeploymentCounts.SuccessfulSinceAsync(guarded, projects, since);

            await using var plain = database.Context(null);
            var twin = await NaiveTwins.SuccessfulCountsLoopAsync(plain, projects, since);
            var all = await plain.Deployments.AsNoTracking().ToListAsync();
            var expected = all.Where(d => d.Status == DeploymentStatus.Success && d.FinishedAt >= since)
                .GroupBy(d => d.ProjectId).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(8, reference.Count);
            Assert.Equal(expected.OrderBy(e => e.Key), reference.OrderBy(e => e.Key));
            Assert.Equal(twin.OrderBy(e => e.Key), reference.OrderBy(e => e.Key));

            await using var caught = database.Guarded();
            using var scope = SargableScope.Begin(nameof(Successful_counts_per_project_in_one_statement_pass_and_one_count_per_project_is_SARG0004));
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.SuccessfulCountsLoopAsync(caught, projects, since));
            Assert.Equal(RuleIds.QueryInLoop, error.RuleId);
        }

        [Fact]
        public async Task Descendants_with_a_recursive_CTE_pass_and_the_level_by_level_walk_of_8_levels_is_SARG0004()
        {
            await using var guarded = database.Guarded();
            var reference = await NamespaceTree.DescendantsAsync(guarded, 1);
            var ancestors = await NamespaceTree.AncestorsAsync(guarded, 8);
            var projects = await NamespaceTree.ProjectsOf(guarded, 2).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();

            await using var plain = database.Context(null);
            var twin = await NaiveTwins.DescendantsLevelByLevelAsync(plain, 1);
            Assert.Equal([2L, 3, 4, 5, 6, 7, 8, 9, 10], reference.Select(n => n.Id));
            Assert.Equal(twin.Select(n => (n.Id, n.ParentId, n.Path)), reference.Select(n => (n.Id, n.ParentId, n.Path)));
            Assert.Equal([7L, 6, 5, 4, 3, 2, 1], ancestors.Select(n => n.Id));
            Assert.Equal([2L, 3, 4], projects);

            await using var caught = database.Guarded();
            using var scope = SargableScope.Begin(nameof(Descendants_with_a_recursive_CTE_pass_and_the_level_by_level_walk_of_8_levels_is_SARG0004));
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.DescendantsLevelByLevelAsync(caught, 1));
            Assert.Equal(RuleIds.QueryInLoop, error.RuleId);
            Assert.Equal("namespaces", error.Table);
        }

        [Fact]
        public async Task Tree_walks_end_on_a_cycle_written_by_hand_and_return_each_group_once()
        {
            await using var db = database.Context(null);
            db.Database.SetCommandTimeout(20); // a walk that loops fails here instead of running until memory runs out
            await using var transaction = await db.Database.BeginTransactionAsync();

            // Acme (1) moved under its own descendant L8 (8): walking down from Acme comes back to it.
            await db.Database.ExecuteSqlRawAsync("UPDATE namespaces SET parent_id = 8 WHERE id = 1");
            var below = await NamespaceTree.DescendantsAsync(db, 1);
            var above = await NamespaceTree.AncestorsAsync(db, 8);
            var projects = await NamespaceTree.ProjectsOf(db, 1).Select(p => p.Id).ToListAsync();
            Assert.Equal([2L, 3, 4, 5, 6, 7, 8, 9, 10], below.Select(n => n.Id));
            Assert.Equal([7L, 6, 5, 4, 3, 2, 1], above.Select(n => n.Id));
            Assert.Equal([1L, 2, 3, 4, 5, 6], projects.Order());

            // Platform (2) under Deploy (3) as well: 2 and 3 now only reach each other, and the walk down from 2 passes
            // through Acme and back.
            await db.Database.ExecuteSqlRawAsync("UPDATE namespaces SET parent_id = 3 WHERE id = 2");
            Assert.Equal([9L, 10], (await NamespaceTree.DescendantsAsync(db, 1)).Select(n => n.Id));
            Assert.Equal([1L, 3, 4, 5, 6, 7, 8, 9, 10], (await NamespaceTree.DescendantsAsync(db, 2)).Select(n => n.Id));
            await transaction.RollbackAsync();
        }

        [Fact]
        public async Task Keyset_backfill_passes_and_OFFSET_batches_are_SARG0008_with_the_same_rows_updated()
        {
            const string Reset = "UPDATE deployments SET finished_at = NULL WHERE id % 7 = 0 AND status IN (2, 3, 4)";
            await using var plain = database.Context(null);
            await using var transaction = await plain.Database.BeginTransactionAsync();
            var expected = await plain.Database.ExecuteSqlRawAsync(Reset);
            var twinUpdated = await NaiveTwins.BackfillFinishedAtWithOffsetAsync(plain, batchSize: 100);
            var afterTwin = await FinishedAtById(plain);
            await transaction.RollbackAsync();

            await using var guarded = database.Guarded();
            await using var second = await guarded.Database.BeginTransactionAsync();
            using (SargableScope.Allow(RuleIds.NoIndexForFilter, "test set-up: forget some finish times"))
            {
                Assert.Equal(expected, await guarded.Database.ExecuteSqlRawAsync(Reset));
            }

            var updated = await DeploymentMaintenance.BackfillFinishedAtAsync(guarded, batchSize: 100);
            Assert.True(expected > 50);
            Assert.Equal(expected, updated);
            Assert.Equal(expected, twinUpdated);
            using (SargableScope.Allow(RuleIds.UnboundedRead, "test check: every row's finish time"))
            {
                Assert.Equal(afterTwin, await FinishedAtById(guarded));
            }

            await second.RollbackAsync();

            await using var caught = database.Guarded();
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.BackfillFinishedAtWithOffsetAsync(caught, batchSize: 100));
            Assert.Equal(RuleIds.LargeOffset, error.RuleId);
        }

        [Fact]
        public async Task One_retention_DELETE_passes_and_deleting_one_by_one_is_SARG0004()
        {
            var cutoff = Epoch.AddMinutes(24 * 12);
            await using var plain = database.Context(null);
            List<long> left;
            int rowByRow;
            int oneByOne;
            await using (var transaction = await plain.Database.BeginTransactionAsync())
            {
                rowByRow = await NaiveTwins.DeleteOlderThanRowByRowAsync(plain, 9, cutoff);
                left = await plain.Deployments.Where(d => d.EnvironmentId == 9).Select(d => d.Id).OrderBy(i => i).ToListAsync();
                await transaction.RollbackAsync();
            }

            plain.ChangeTracker.Clear();
            await using (var transaction = await plain.Database.BeginTransactionAsync())
            {
                oneByOne = await NaiveTwins.DeleteOlderThanOneByOneAsync(plain, 9, cutoff);
                Assert.Equal(left, await plain.Deployments.Where(d => d.EnvironmentId == 9).Select(d => d.Id).OrderBy(i => i).ToListAsync());
                await transaction.RollbackAsync();
            }

            await using (var guarded = database.Guarded())
            {
                await using var transaction = await guarded.Database.BeginTransactionAsync();
                var deleted = await DeploymentMaintenance.DeleteOlderThanAsync(guarded, 9, cutoff);
                Assert.Equal(12, deleted);
                Assert.Equal((deleted, deleted), (rowByRow, oneByOne));
                Assert.Equal(left, await guarded.Deployments.Where(d => d.EnvironmentId == 9).Select(d => d.Id).OrderBy(i => i).ToListAsync());
                Assert.Equal(0, await guarded.ReleaseProjectEnvironments.CountAsync(r => r.EnvironmentId == 9 && r.LastDeploymentId == 9)); // cascaded
                await transaction.RollbackAsync();
            }

            // Loading each row on its own is N+1 at run time. Removing loaded rows one by one (SARG0005) is the analyzer's to
            // report (AnalyzerTests): at run time each DELETE by primary key is a fine statement on its own.
            await using var caught = database.Guarded();
            await using var third = await caught.Database.BeginTransactionAsync();
            using var scope = SargableScope.Begin(nameof(One_retention_DELETE_passes_and_deleting_one_by_one_is_SARG0004));
            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.DeleteOlderThanOneByOneAsync(caught, 9, cutoff));
            Assert.Equal(RuleIds.QueryInLoop, error.RuleId);
        }

        private static async Task<List<(long, DateTime?)>> FinishedAtById(DeploymentsDbContext db) =>
            (await db.Deployments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.FinishedAt }).ToListAsync())
            .Select(d => (d.Id, d.FinishedAt)).ToList();
    }
}
