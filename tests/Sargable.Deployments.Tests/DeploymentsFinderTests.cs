using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;
using Sargable.Deployments.Queries;

namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// GitLab's finder semantics on the seeded PostgreSQL, under the guard in Throw mode: every accepted combination runs
    /// and returns what LINQ to objects computes from all rows; every refused one names GitLab's message and a rule.
    /// </summary>
    public sealed class DeploymentsFinderTests : IClassFixture<DeploymentsDatabase>, IAsyncLifetime
    {
        private static readonly DateTime Epoch = TestSeed.Epoch;
        private readonly DeploymentsDatabase database;
        private List<Deployment> all = [];

        public DeploymentsFinderTests(DeploymentsDatabase database)
        {
            this.database = database;
        }

        public static TheoryData<DeploymentsFinderParams, string, string, string> Refused => new()
        {
            { new() { ProjectId = 1, UpdatedAfter = Epoch, FinishedAfter = Epoch, OrderBy = "updated_at" }, RuleIds.FilterOrderMismatch, "deployments", "Both `updated_at` filter and `finished_at` filter can not be specified" },
            { new() { ProjectId = 1, UpdatedBefore = Epoch }, RuleIds.FilterOrderMismatch, "deployments", "`updated_at` filter requires `updated_at` sort" },
            { new() { ProjectId = 1, UpdatedAfter = Epoch, OrderBy = "created_at" }, RuleIds.FilterOrderMismatch, "deployments", "`updated_at` filter requires `updated_at` sort" },
            { new() { ProjectId = 1, FinishedAfter = Epoch, Status = ["success"], OrderBy = "updated_at" }, RuleIds.FilterOrderMismatch, "deployments", "`finished_at` filter requires `finished_at` sort." },
            { new() { ProjectId = 1, OrderBy = "finished_at" }, RuleIds.FilterOrderMismatch, "deployments", "`finished_at` sort requires `finished_at` filter or a filter with at least one of the finished statuses." },
            { new() { ProjectId = 1, OrderBy = "finished_at", Status = ["running"] }, RuleIds.FilterOrderMismatch, "deployments", "`finished_at` sort requires `finished_at` filter or a filter with at least one of the finished statuses." },
            { new() { ProjectId = 1, FinishedAfter = Epoch, OrderBy = "finished_at" }, RuleIds.NoIndexForFilter, "deployments", "`finished_at` filter must be combined with `success` status filter." },
            { new() { ProjectId = 1, FinishedBefore = Epoch, OrderBy = "finished_at", Status = ["success", "failed"] }, RuleIds.NoIndexForFilter, "deployments", "`finished_at` filter must be combined with `success` status filter." },
            { new() { GroupId = 1, EnvironmentName = "production" }, RuleIds.ScopelessLookup, "environments", "`environment` name filter must be combined with `project` scope." },
            { new() { ProjectId = 1, Status = ["success", "running"] }, RuleIds.FilterOrderMismatch, "deployments", "finished statuses and upcoming statuses must be separately queried." },
            { new() { GroupId = 1, Status = ["created", "canceled"], Sort = "desc" }, RuleIds.FilterOrderMismatch, "deployments", "finished statuses and upcoming statuses must be separately queried." },
        };

        public async Task InitializeAsync()
        {
            await using var db = database.Context(null);
            all = await db.Deployments.AsNoTracking().Include(d => d.Environment).OrderBy(d => d.Id).ToListAsync();
        }

        public Task DisposeAsync() => Task.CompletedTask;

        [Theory]
        [MemberData(nameof(Refused))]
        public void Inefficient_combinations_are_refused_with_GitLabs_message_and_a_rule(DeploymentsFinderParams parameters, string ruleId, string table, string message)
        {
            using var db = database.Guarded();

            var error = Assert.Throws<InefficientQueryError>(() => new DeploymentsFinder(db, parameters));

            Assert.Equal(message, error.Message);
            Assert.Equal(ruleId, error.RuleId);
            Assert.Equal(table, error.Table);
            Assert.Empty(error.Sql);
            Assert.Equal(RuleCatalog.HelpLink(ruleId), error.HelpLink);
        }

        [Fact]
        public void An_unknown_status_is_an_argument_error_that_names_it()
        {
            using var db = database.Guarded();

            var error = Assert.Throws<ArgumentException>(() => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 1, Status = ["success", "kittens"] }));

            Assert.Equal("The deployment status kittens is invalid", error.Message);
        }

        [Fact]
        public void A_scope_is_required_and_only_one()
        {
            using var db = database.Guarded();

            Assert.Throws<ArgumentException>(() => new DeploymentsFinder(db, new DeploymentsFinderParams()));
            Assert.Throws<ArgumentException>(() => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 1, GroupId = 1 }));
        }

        [Theory]
        [InlineData(null, null, DeploymentOrder.Id, false)]
        [InlineData("iid", "desc", DeploymentOrder.Id, true)]
        [InlineData("created_at", "asc", DeploymentOrder.Id, false)]
        [InlineData("kittens", "sideways", DeploymentOrder.Id, false)]
        [InlineData("updated_at", "desc", DeploymentOrder.UpdatedAt, true)]
        [InlineData("UPDATED_AT", "DESC", DeploymentOrder.Id, false)]
        public void Orders_fall_back_to_id_ascending_and_iid_and_created_at_are_served_as_id(string? orderBy, string? sort, DeploymentOrder order, bool descending)
        {
            using var db = database.Guarded();

            var finder = new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 1, OrderBy = orderBy, Sort = sort });

            Assert.Equal(order, finder.Order);
            Assert.Equal(descending, finder.Descending);
        }

        [Theory]
        [InlineData("id", "asc")]
        [InlineData("id", "desc")]
        [InlineData("iid", "desc")]
        [InlineData("created_at", "asc")]
        [InlineData("updated_at", "asc")]
        [InlineData("updated_at", "desc")]
        public async Task Each_order_of_a_project_passes_the_guard_and_pages_through_every_deployment_once(string orderBy, string sort)
        {
            await using var db = database.Guarded();
            var finder = new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 4, OrderBy = orderBy, Sort = sort });

            var pages = new List<DeploymentListItem>();
            for (var page = 1; page <= 7; page++)
            {
                pages.AddRange(await finder.PageAsync(page, 20));
            }

            var project = all.Where(d => d.ProjectId == 4);
            var expected = (orderBy, sort) switch
            {
                ("updated_at", "asc") => project.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
                ("updated_at", "desc") => project.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id),
                (_, "desc") => project.OrderByDescending(d => d.Id),
                _ => project.OrderBy(d => d.Id),
            };
            Assert.Equal(expected.Select(d => d.Id), pages.Select(d => d.Id));
            Assert.Equal(TestSeed.DeploymentsPerEnvironment * TestSeed.EnvironmentsPerProject, pages.Count);
        }

        [Theory]
        [InlineData("asc")]
        [InlineData("desc")]
        public async Task Finished_at_order_with_a_finished_status_and_with_a_finished_window(string sort)
        {
            await using var db = database.Guarded();
            var byStatus = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 2, EnvironmentId = 4, Status = ["failed", "canceled"], OrderBy = "finished_at", Sort = sort })
                .PageAsync(1, 100);
            var from = Epoch.AddMinutes(200);
            var to = Epoch.AddMinutes(600);
            var window = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 2, Status = ["success"], FinishedAfter = from, FinishedBefore = to, OrderBy = "finished_at", Sort = sort })
                .PageAsync(1, 100);

            IEnumerable<Deployment> Sorted(IEnumerable<Deployment> rows) =>
                sort == "desc" ? rows.OrderByDescending(d => d.FinishedAt).ThenByDescending(d => d.Id) : rows.OrderBy(d => d.FinishedAt).ThenBy(d => d.Id);
            var expectedByStatus = Sorted(all.Where(d => d.EnvironmentId == 4 && d.Status is DeploymentStatus.Failed or DeploymentStatus.Canceled)).Select(d => d.Id).ToList();
            var expectedWindow = Sorted(all.Where(d => d.ProjectId == 2 && d.Status == DeploymentStatus.Success && d.FinishedAt >= from && d.FinishedAt < to)).Select(d => d.Id).ToList();
            Assert.NotEmpty(expectedByStatus);
            Assert.Equal(expectedByStatus, byStatus.Select(d => d.Id));
            Assert.NotEmpty(expectedWindow);
            Assert.Equal(expectedWindow, window.Select(d => d.Id));

            // finished_after is inclusive, finished_before exclusive.
            var edge = all.First(d => d.ProjectId == 2 && d.Status == DeploymentStatus.Success && d.FinishedAt > from);
            var inclusive = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 2, Status = ["success"], FinishedAfter = edge.FinishedAt, FinishedBefore = edge.FinishedAt!.Value.AddTicks(10), OrderBy = "finished_at" }).PageAsync(1, 10);
            var exclusive = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 2, Status = ["success"], FinishedAfter = edge.FinishedAt!.Value.AddMinutes(-1), FinishedBefore = edge.FinishedAt, OrderBy = "finished_at" }).PageAsync(1, 10);
            Assert.Equal(edge.Id, Assert.Single(inclusive).Id);
            Assert.DoesNotContain(exclusive, d => d.Id == edge.Id);
        }

        [Fact]
        public async Task Updated_window_bounds_are_both_inclusive()
        {
            var edge = all.Single(d => d.Id == 100);
            await using var db = database.Guarded();

            var rows = await new DeploymentsFinder(db, new DeploymentsFinderParams
            {
                ProjectId = edge.ProjectId, EnvironmentId = edge.EnvironmentId, UpdatedAfter = edge.UpdatedAt, UpdatedBefore = edge.UpdatedAt, OrderBy = "updated_at",
            }).PageAsync(1, 10);

            Assert.Equal(edge.Id, Assert.Single(rows).Id);
        }

        [Fact]
        public async Task Environment_by_name_is_scoped_to_the_project_and_by_id_works_in_a_group()
        {
            await using var db = database.Guarded();
            var byName = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 3, EnvironmentName = "review/main", Status = ["success"] }).PageAsync(1, 100);
            var missing = await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 3, EnvironmentName = "nowhere" }).PageAsync(1, 100);
            var byIdInGroup = await new DeploymentsFinder(db, new DeploymentsFinderParams { GroupId = 1, EnvironmentId = 9, Sort = "desc" }).PageAsync(1, 100);

            Assert.Equal(all.Where(d => d.EnvironmentId == 9 && d.Status == DeploymentStatus.Success).Select(d => d.Id), byName.Select(d => d.Id));
            Assert.All(byName, d => Assert.Equal("review/main", d.EnvironmentName));
            Assert.Empty(missing);
            Assert.Equal(all.Where(d => d.EnvironmentId == 9).OrderByDescending(d => d.Id).Select(d => d.Id), byIdInGroup.Select(d => d.Id));
        }

        [Theory]
        [InlineData(2L, new long[] { 2, 3, 4 })]
        [InlineData(1L, new long[] { 1, 2, 3, 4, 5, 6 })]
        [InlineData(9L, new long[] { 5, 6 })]
        [InlineData(8L, new long[] { 4 })]
        public async Task Group_scope_includes_every_subgroup_at_any_depth(long groupId, long[] projects)
        {
            await using var db = database.Guarded();
            var finder = new DeploymentsFinder(db, new DeploymentsFinderParams { GroupId = groupId, Status = ["success"], OrderBy = "updated_at", Sort = "desc", UpdatedBefore = Epoch.AddMinutes(700) });

            var first = await finder.PageAsync(1, 25);
            var second = await finder.PageAsync(2, 25);

            var expected = all.Where(d => projects.Contains(d.ProjectId) && d.Status == DeploymentStatus.Success && d.UpdatedAt <= Epoch.AddMinutes(700))
                .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Select(d => d.Id).Take(50).ToList();
            Assert.Equal(expected, first.Concat(second).Select(d => d.Id));
            Assert.Equal(expected, await finder.Execute().Select(d => d.Id).Take(50).ToListAsync());
        }

        [Fact]
        public async Task Items_carry_the_environment_and_the_sha_as_hex()
        {
            await using var db = database.Guarded();

            var item = Assert.Single(await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 1, Sort = "desc" }).PageAsync(1, 1));

            var row = all.Where(d => d.ProjectId == 1).MaxBy(d => d.Id)!;
            Assert.Equal((row.Id, row.Iid, row.Ref, row.Sha, row.Status, row.EnvironmentId, row.Environment!.Name), (item.Id, item.Iid, item.Ref, item.Sha, item.Status, item.EnvironmentId, item.EnvironmentName));
            Assert.Matches("^[0-9a-f]{40}$", item.Sha);
        }

        [Theory]
        [InlineData(0, 20)]
        [InlineData(1, 0)]
        [InlineData(1, 101)]
        [InlineData(502, 20)]
        public async Task Pages_out_of_range_are_argument_errors(int page, int perPage)
        {
            await using var db = database.Guarded();
            var finder = new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = 1 });

            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => finder.PageAsync(page, perPage));
        }
    }
}
