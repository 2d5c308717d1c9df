using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sargable.Benchmarks.Deployments;
using Sargable.Deployments.Queries;

namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// Every reference query on 300,000 skewed deployments with the guard's EXPLAIN mode: Throw, VerifyWithExplain and
    /// the live catalog's row estimates. A sequential scan of a large table or a sort of many rows under a LIMIT in the
    /// plan PostgreSQL really picks would throw; a plan that disagrees with the registry would log a warning (902).
    /// </summary>
    public sealed class PlanVerificationTests : IClassFixture<LargeDeploymentsDatabase>
    {
        private static readonly DateTime RecentFrom = LargeDeploymentsDatabase.RecentFrom;
        private readonly LargeDeploymentsDatabase database;
        private readonly GuardLog log = new();
        private readonly ILoggerFactory loggerFactory;

        public PlanVerificationTests(LargeDeploymentsDatabase database)
        {
            this.database = database;
            loggerFactory = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Information));
        }

        public static TheoryData<string> FinderCases => new()
        {
            "project", "project page 3", "environment name", "environment id descending", "updated window of a hot environment",
            "updated window of a project descending", "finished window of a stale environment", "finished window of a typical environment",
            "finished statuses by finished_at", "group", "group updated window", "group environment id",
            "hot environment in id order", "finished window of a hot environment", "environment name of a hot environment ascending",
        };

        [Theory]
        [MemberData(nameof(FinderCases))]
        public async Task Finder_plans_read_only_the_page_through_an_index(string name)
        {
            var hot = LargeDeploymentsDatabase.HotEnvironments[1]; // production of project 43
            var (parameters, page) = name switch
            {
                "project" => (new DeploymentsFinderParams { ProjectId = 1 }, 1),
                "project page 3" => (new DeploymentsFinderParams { ProjectId = 1, Sort = "desc", Status = ["success"] }, 3),
                "environment name" => (new DeploymentsFinderParams { ProjectId = 43, EnvironmentName = "production", Sort = "desc" }, 1),
                "environment id descending" => (new DeploymentsFinderParams { ProjectId = 43, EnvironmentId = hot, Sort = "desc", Status = ["failed"] }, 1),
                "updated window of a hot environment" => (new DeploymentsFinderParams { ProjectId = 43, EnvironmentId = hot, UpdatedAfter = RecentFrom.AddMonths(3), OrderBy = "updated_at" }, 1),
                "updated window of a project descending" => (new DeploymentsFinderParams { ProjectId = 43, UpdatedBefore = RecentFrom.AddMonths(6), OrderBy = "updated_at", Sort = "desc" }, 1),
                "finished window of a stale environment" => (new DeploymentsFinderParams { ProjectId = 2, EnvironmentId = LargeDeploymentsDatabase.StaleEnvironment, Status = ["success"], FinishedAfter = RecentFrom, OrderBy = "finished_at" }, 1),
                "finished window of a typical environment" => (new DeploymentsFinderParams { ProjectId = 2, EnvironmentId = LargeDeploymentsDatabase.TypicalEnvironment, Status = ["success"], FinishedAfter = RecentFrom.AddMonths(2), FinishedBefore = RecentFrom.AddMonths(9), OrderBy = "finished_at", Sort = "desc" }, 1),
                "finished statuses by finished_at" => (new DeploymentsFinderParams { ProjectId = 43, Status = ["failed", "canceled"], OrderBy = "finished_at", Sort = "desc" }, 1),
                "group" => (new DeploymentsFinderParams { GroupId = 1, Sort = "desc" }, 2),
                "group updated window" => (new DeploymentsFinderParams { GroupId = 22, Status = ["success"], UpdatedAfter = RecentFrom.AddMonths(4), OrderBy = "updated_at" }, 1),
                "group environment id" => (new DeploymentsFinderParams { GroupId = 1, EnvironmentId = 2, OrderBy = "id" }, 1),
                "hot environment in id order" => (new DeploymentsFinderParams { ProjectId = 43, EnvironmentId = hot }, 2),
                "finished window of a hot environment" => (new DeploymentsFinderParams { ProjectId = 43, EnvironmentId = hot, Status = ["success"], FinishedAfter = RecentFrom.AddMonths(2), FinishedBefore = RecentFrom.AddMonths(9), OrderBy = "finished_at" }, 1),
                "environment name of a hot environment ascending" => (new DeploymentsFinderParams { ProjectId = 43, EnvironmentName = "production" }, 1),
                _ => throw new ArgumentOutOfRangeException(nameof(name)),
            };

            await using var db = Verified();
            var rows = await new DeploymentsFinder(db, parameters).PageAsync(page, 20);

            Assert.Equal(name.Contains("stale", StringComparison.Ordinal) ? 0 : 20, rows.Count);
            Assert.Empty(log.PlanWarnings);
        }

        [Fact]
        public async Task Latest_deploys_plan_reads_by_keys_for_many_projects()
        {
            // 150 projects: the count at which the plain window-function form hash-joins a scan of deployments (below).
            long[] projects = [.. Enumerable.Range(1, 150).Select(p => (long)p)];
            await using var db = Verified();

            var latest = await LatestDeploys.ForProjectsAsync(db, projects);

            Assert.Equal(1500, latest.Count);
            Assert.Empty(log.PlanWarnings);
        }

        [Fact]
        public async Task Environments_status_counts_and_the_tree_plans_read_by_keys()
        {
            await using var plain = new DeploymentsDbContext(DeploymentsDatabase.Options(database.ConnectionString, null));
            var sha = await plain.Deployments.Where(d => d.Id == 250_000).Select(d => d.Sha).SingleAsync();
            var project = await plain.Deployments.Where(d => d.Id == 250_000).Select(d => d.ProjectId).SingleAsync();
            await using var db = Verified();

            var status = await EnvironmentsStatus.ForShaAsync(db, project, sha);
            var counts = await DeploymentCounts.SuccessfulSinceAsync(db, [1, 2, 3, 4, 5, 6, 7, 8, 9, 43], RecentFrom.AddMonths(6));
            var descendants = await NamespaceTree.DescendantsAsync(db, 1);
            var ancestors = await NamespaceTree.AncestorsAsync(db, 210);
            var projects = await NamespaceTree.ProjectsOf(db, 22).Select(p => p.Id).OrderBy(p => p).ToListAsync();

            Assert.NotEmpty(status);
            Assert.Equal(10, counts.Count);
            Assert.Equal(9 + 40, descendants.Count); // the chain below group 1 and four leaves under each of its 10 groups
            Assert.Equal(9, ancestors.Count);
            Assert.Equal(9, projects.Count);
            Assert.Empty(log.PlanWarnings);
        }

        [Fact]
        public async Task Backfill_and_retention_delete_plans_use_the_primary_key_and_the_environment_index()
        {
            await using var db = Verified();
            await using var transaction = await db.Database.BeginTransactionAsync();

            var updated = await DeploymentMaintenance.BackfillFinishedAtAsync(db, batchSize: 50_000);
            var deleted = await DeploymentMaintenance.DeleteOlderThanAsync(db, LargeDeploymentsDatabase.TypicalEnvironment, RecentFrom.AddMonths(6));

            Assert.Equal(0, updated); // every finished deployment of the seed has its finished_at
            Assert.InRange(deleted, 30, 65);
            Assert.Empty(log.PlanWarnings);
            await transaction.RollbackAsync();
        }

        [Fact]
        public async Task The_window_function_form_of_latest_deploys_scans_deployments_and_the_plan_says_so()
        {
            // The shape passes the registry's rules; only the plan shows the hash join over a scan of every deployment.
            long[] projects = [.. Enumerable.Range(1, 150).Select(p => (long)p)];
            await using var db = Verified();

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => NaiveTwins.LatestDeploysWindowAsync(db, projects));

            var plan = Assert.IsType<QueryPlanReport>(error.Plan);
            Assert.Contains(plan.Findings, f => f.Table == "deployments" && f.RuleId is RuleIds.UnboundedRead or RuleIds.NoIndexForFilter);
        }

        private DeploymentsDbContext Verified() => new(DeploymentsDatabase.Options(
            database.ConnectionString,
            g => g.Mode(SargableMode.Throw).VerifyWithExplain().IncludeDatabaseCatalog().UseLoggerFactory(loggerFactory)));

        /// <summary>The guard's log entries: plan disagreements (902) and anything at Warning or above.</summary>
        private sealed class GuardLog : ILoggerProvider
        {
            private readonly ConcurrentQueue<string> warnings = new();

            public IReadOnlyList<string> PlanWarnings => [.. warnings];

            public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

            public void Dispose()
            {
            }

            private sealed class Logger(GuardLog owner, string category) : ILogger
            {
                public IDisposable? BeginScope<TState>(TState state)
                    where TState : notnull => null;

                public bool IsEnabled(LogLevel logLevel) => true;

                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                {
                    if (category == "Sargable" && (eventId.Id == 902 || logLevel >= LogLevel.Warning))
                    {
                        owner.warnings.Enqueue($"{eventId.Id} {formatter(state, exception)}");
                    }
                }
            }
        }
    }
}
