using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>One named LINQ query shape: what an application method does with a fresh context.</summary>
    public sealed record EfQueryCase(string Name, Func<CorpusDbContext, Task> Run)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// The LINQ query shapes real applications write against the deployments schema, from point lookups to the slow
    /// shapes Sargable's rules target. Values that an application passes in (ids, names, times, page numbers) are
    /// local variables, so EF sends them as parameters; literals stay literals. Entries that write touch only rows
    /// seeded for them, so entries can run in any order against one seeded database.
    /// </summary>
    public static class EfQueryCatalog
    {
        /// <summary>A value sent only as a parameter; it must never show up in captured SQL text.</summary>
        public const string ParameterMarker = "sargable-parameter-marker-7f3a";

        private static readonly DateTime UpdatedBefore = CorpusKeys.Epoch.AddMinutes(1100);
        private static readonly DateTime FinishedFrom = CorpusKeys.Epoch.AddMinutes(1050);
        private static readonly DateTime FinishedTo = CorpusKeys.Epoch.AddMinutes(1200);

        public static IReadOnlyList<EfQueryCase> All { get; } = Build();

        public static EfQueryCase Get(string name) =>
            All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"No catalog entry is named '{name}'.", nameof(name));

        private static List<EfQueryCase> Build()
        {
            var cases = new List<EfQueryCase>();
            void Add(string name, Func<CorpusDbContext, Task> run) => cases.Add(new EfQueryCase(name, run));

            // --- Point lookups -------------------------------------------------------------------------------
            Add("find-deployment-by-key", async db =>
            {
                var id = CorpusKeys.DeploymentId;
                Found(await db.Deployments.FindAsync(id));
            });
            Add("first-deployment-by-key", async db =>
            {
                var id = CorpusKeys.DeploymentId;
                _ = await db.Deployments.FirstAsync(d => d.Id == id);
            });
            Add("first-or-default-environment-by-key", async db =>
            {
                var id = CorpusKeys.StagingEnvironmentId;
                Found(await db.Environments.FirstOrDefaultAsync(e => e.Id == id));
            });
            Add("single-deployment-by-project-and-iid", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var iid = CorpusKeys.Iid;
                _ = await db.Deployments.SingleAsync(d => d.ProjectId == projectId && d.Iid == iid);
            });
            Add("single-or-default-environment-by-project-and-name", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var name = "production";
                Found(await db.Environments.SingleOrDefaultAsync(e => e.ProjectId == projectId && e.Name == name));
            });
            Add("sync-first-project-by-key", db =>
            {
                var id = CorpusKeys.ProjectId;
                _ = db.Projects.First(p => p.Id == id);
                return Task.CompletedTask;
            });
            Add("latest-deployment-of-project-by-iid", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                Found(await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Iid).FirstOrDefaultAsync());
            });

            // --- Scope-less lookups (SARG0002 shapes) -------------------------------------------------------------
            Add("environments-by-name-without-project", async db =>
            {
                var name = "production";
                _ = await db.Environments.Where(e => e.Name == name).ToListAsync();
            });
            Add("environment-by-name-marker-parameter", async db =>
            {
                var name = ParameterMarker;
                _ = await db.Environments.Where(e => e.Name == name).FirstOrDefaultAsync();
            });
            Add("deployments-by-environment-name-ordered-by-iid", async db =>
            {
                var name = "production";
                _ = await db.Deployments.Where(d => d.Environment.Name == name).OrderBy(d => d.Iid).Take(20).ToListAsync();
            });
            Add("deployments-in-environments-named-subquery", async db =>
            {
                var name = "staging";
                var environmentIds = db.Environments.Where(e => e.Name == name).Select(e => e.Id);
                _ = await db.Deployments.Where(d => environmentIds.Contains(d.EnvironmentId)).OrderBy(d => d.Id).Take(20).ToListAsync();
            });
            Add("production-deployments-of-project-via-navigation", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId && d.Environment.Name == "production").ToListAsync();
            });

            // --- Filter, order, limit, paging -------------------------------------------------------------------
            Add("successful-deployments-ordered-by-id-take-20", async db =>
            {
                _ = await db.Deployments.Where(d => d.Status == DeploymentStatus.Success).OrderBy(d => d.Id).Take(20).ToListAsync();
            });
            Add("deployments-updated-before-ordered-by-id", async db =>
            {
                var before = UpdatedBefore;
                _ = await db.Deployments.Where(d => d.UpdatedAt <= before).OrderBy(d => d.Id).Take(20).ToListAsync();
            });
            Add("environment-deployments-finished-in-range-ordered-by-updated-at", async db =>
            {
                var (projectId, environmentId, from, to) = (CorpusKeys.ProjectId, CorpusKeys.ProductionEnvironmentId, FinishedFrom, FinishedTo);
                _ = await db.Deployments
                    .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.FinishedAt >= from && d.FinishedAt < to)
                    .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                    .Take(100)
                    .ToListAsync();
            });
            Add("environment-deployments-finished-in-range-ordered-by-finished-at", async db =>
            {
                var (environmentId, from, to) = (CorpusKeys.ProductionEnvironmentId, FinishedFrom, FinishedTo);
                _ = await db.Deployments
                    .Where(d => d.EnvironmentId == environmentId && d.FinishedAt >= from && d.FinishedAt < to)
                    .OrderBy(d => d.FinishedAt).ThenBy(d => d.Id)
                    .Take(100)
                    .ToListAsync();
            });
            Add("deployments-page-by-offset-variable", async db =>
            {
                var page = 1;
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id).Skip(page * 20).Take(20).ToListAsync();
            });
            // EF parameterizes even literal Skip/Take counts (OFFSET @p). Queryable.Skip takes an int, not an expression,
            // so EF.Constant cannot reach it: top-level LINQ never yields a literal OFFSET, only SQL files do.
            Add("deployments-page-by-literal-offset", async db =>
            {
                _ = await db.Deployments.OrderBy(d => d.Id).Skip(2000).Take(20).ToListAsync();
            });
            Add("deployments-keyset-page-after-updated-at-and-id", async db =>
            {
                var (projectId, environmentId, lastUpdatedAt, lastId) = (CorpusKeys.ProjectId, CorpusKeys.ProductionEnvironmentId, UpdatedBefore, 5L);
                _ = await db.Deployments
                    .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId &&
                                (d.UpdatedAt > lastUpdatedAt || (d.UpdatedAt == lastUpdatedAt && d.Id > lastId)))
                    .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                    .Take(100)
                    .ToListAsync();
            });
            Add("deployments-newest-first-then-by-id", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId)
                    .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Take(20).ToListAsync();
            });
            Add("environments-ordered-by-name-without-tie-breaker", async db =>
            {
                _ = await db.Environments.OrderBy(e => e.Name).Skip(20).Take(20).ToListAsync();
            });

            // --- Sets, existence, counting and aggregates -----------------------------------------------------
            Add("deployments-by-id-list", async db =>
            {
                var ids = new List<long> { 1, 2, 3, 5, 8 };
                _ = await db.Deployments.Where(d => ids.Contains(d.Id)).ToListAsync();
            });
            // EF 10 sends a list as one array parameter on Npgsql (= ANY (@ids)) but as one parameter per item on SQLite
            // (IN (@ids1, @ids2, ...)); EF.Parameter forces one parameter (json_each on SQLite), EF.Constant inlines the values.
            Add("deployments-by-id-array-as-one-parameter", async db =>
            {
                var ids = new long[] { 1, 2, 3, 5, 8 };
                _ = await db.Deployments.Where(d => EF.Parameter(ids).Contains(d.Id)).ToListAsync();
            });
            Add("deployments-by-id-list-inlined-constants", async db =>
            {
                var ids = new List<long> { 1, 2, 3, 5, 8 };
                _ = await db.Deployments.Where(d => EF.Constant(ids).Contains(d.Id)).ToListAsync();
            });
            Add("deployments-with-status-in-constant-set", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments
                    .Where(d => d.ProjectId == projectId && (d.Status == DeploymentStatus.Failed || d.Status == DeploymentStatus.Canceled))
                    .ToListAsync();
            });
            Add("deployments-with-status-in-variable-set", async db =>
            {
                var finished = new[] { DeploymentStatus.Success, DeploymentStatus.Failed, DeploymentStatus.Canceled };
                var environmentId = CorpusKeys.ProductionEnvironmentId;
                _ = await db.Deployments.Where(d => d.EnvironmentId == environmentId && finished.Contains(d.Status)).ToListAsync();
            });
            Add("any-deployment-in-environment", async db =>
            {
                var environmentId = CorpusKeys.StagingEnvironmentId;
                _ = await db.Deployments.AnyAsync(d => d.EnvironmentId == environmentId);
            });
            Add("count-deployments-of-project", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.CountAsync(d => d.ProjectId == projectId);
            });
            Add("long-count-all-deployments", async db =>
            {
                _ = await db.Deployments.LongCountAsync();
            });
            Add("sum-of-iids-of-project", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId).SumAsync(d => d.Iid);
            });
            Add("max-finished-at-of-environment", async db =>
            {
                var environmentId = CorpusKeys.ProductionEnvironmentId;
                _ = await db.Deployments.Where(d => d.EnvironmentId == environmentId).MaxAsync(d => d.FinishedAt);
            });
            Add("min-created-at-of-project", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId).MinAsync(d => d.CreatedAt);
            });
            Add("average-iid-of-project", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId).AverageAsync(d => d.Iid);
            });
            Add("count-deployments-by-status", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId)
                    .GroupBy(d => d.Status)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToListAsync();
            });

            // --- Loading related data --------------------------------------------------------------------------
            Add("include-environment-of-deployments", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Include(d => d.Environment).Where(d => d.ProjectId == projectId)
                    .OrderByDescending(d => d.Id).Take(20).ToListAsync();
            });
            Add("include-deployments-of-environments", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Environments.Include(e => e.Deployments).Where(e => e.ProjectId == projectId).ToListAsync();
            });
            Add("include-deployments-of-environments-split-query", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Environments.Include(e => e.Deployments).Where(e => e.ProjectId == projectId).AsSplitQuery().ToListAsync();
            });
            Add("include-environments-then-include-deployments", async db =>
            {
                var namespaceId = CorpusKeys.RootNamespaceId;
                _ = await db.Projects.Where(p => p.NamespaceId == namespaceId)
                    .Include(p => p.Environments).ThenInclude(e => e.Deployments)
                    .AsSplitQuery()
                    .ToListAsync();
            });
            Add("include-release-environments-then-last-deployment", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Releases.Where(r => r.ProjectId == projectId)
                    .Include(r => r.ProjectEnvironments).ThenInclude(x => x.LastDeployment)
                    .ToListAsync();
            });

            // --- Projections -----------------------------------------------------------------------------------
            Add("project-deployments-to-anonymous-type", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId)
                    .Select(d => new { d.Id, d.Iid, d.Ref, EnvironmentName = d.Environment.Name })
                    .ToListAsync();
            });
            Add("project-deployments-to-dto", async db =>
            {
                var environmentId = CorpusKeys.ProductionEnvironmentId;
                _ = await db.Deployments.AsNoTracking().Where(d => d.EnvironmentId == environmentId)
                    .OrderByDescending(d => d.Id)
                    .Select(d => new DeploymentSummary(d.Id, d.Iid, d.Status, d.Environment.Name, d.FinishedAt))
                    .Take(50)
                    .ToListAsync();
            });
            Add("environments-with-latest-deployment-id-subquery", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Environments.Where(e => e.ProjectId == projectId)
                    .Select(e => new { e.Id, e.Name, LatestDeploymentId = e.Deployments.OrderByDescending(d => d.Id).Select(d => (long?)d.Id).FirstOrDefault() })
                    .ToListAsync();
            });
            Add("environments-with-latest-deployment-entity", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Environments.Where(e => e.ProjectId == projectId)
                    .Select(e => new { e.Id, e.Name, Latest = e.Deployments.OrderByDescending(d => d.Id).FirstOrDefault() })
                    .ToListAsync();
            });

            // --- Joins ------------------------------------------------------------------------------------------
            Add("explicit-join-deployments-environments", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await (from d in db.Deployments
                           join e in db.Environments on d.EnvironmentId equals e.Id
                           where e.ProjectId == projectId && d.Status == DeploymentStatus.Success
                           orderby d.Id
                           select new { d.Id, d.Iid, Environment = e.Name }).Take(50).ToListAsync();
            });
            Add("group-join-left-join-environments-deployments", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await (from e in db.Environments
                           join d in db.Deployments on e.Id equals d.EnvironmentId into deployments
                           from d in deployments.DefaultIfEmpty()
                           where e.ProjectId == projectId
                           select new { Environment = e.Name, DeploymentId = (long?)d!.Id }).ToListAsync();
            });
            Add("left-join-operator-releases-last-deployment", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.ReleaseProjectEnvironments.Where(r => r.ProjectId == projectId)
                    .LeftJoin(db.Deployments, r => r.LastDeploymentId, d => (long?)d.Id, (r, d) => new { r.ReleaseId, r.EnvironmentId, Sha = d == null ? null : d.Sha })
                    .ToListAsync();
            });

            // --- Set operators ------------------------------------------------------------------------------------
            Add("distinct-refs-of-project", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                _ = await db.Deployments.Where(d => d.ProjectId == projectId).Select(d => d.Ref).Distinct().ToListAsync();
            });
            Add("union-environment-ids-failed-or-canceled", async db =>
            {
                var failed = db.Deployments.Where(d => d.Status == DeploymentStatus.Failed).Select(d => d.EnvironmentId);
                var canceled = db.Deployments.Where(d => d.Status == DeploymentStatus.Canceled).Select(d => d.EnvironmentId);
                _ = await failed.Union(canceled).ToListAsync();
            });
            Add("concat-recent-and-running-deployment-ids", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var recent = db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Id).Select(d => d.Id).Take(5);
                var running = db.Deployments.Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Running).Select(d => d.Id);
                _ = await recent.Concat(running).ToListAsync();
            });

            // --- Strings ------------------------------------------------------------------------------------------
            Add("namespaces-path-starts-with", async db =>
            {
                var prefix = "gitlab-org/";
                _ = await db.Namespaces.Where(n => n.Path.StartsWith(prefix)).ToListAsync();
            });
            Add("environments-name-contains", async db =>
            {
                var fragment = "feature";
                _ = await db.Environments.Where(e => e.Name.Contains(fragment)).ToListAsync();
            });
            Add("deployments-ref-ends-with", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var suffix = "0";
                _ = await db.Deployments.Where(d => d.ProjectId == projectId && d.Ref.EndsWith(suffix)).ToListAsync();
            });
            Add("projects-name-case-insensitive", async db =>
            {
                var name = "GitLab";
                _ = await db.Projects.Where(p => p.Name.ToLower() == name.ToLower()).ToListAsync();
            });

            // --- Nulls ------------------------------------------------------------------------------------------
            Add("unfinished-deployments-of-environment", async db =>
            {
                var environmentId = CorpusKeys.ProductionEnvironmentId;
                _ = await db.Deployments.Where(d => d.EnvironmentId == environmentId && d.FinishedAt == null).ToListAsync();
            });
            Add("release-environments-with-last-deployment", async db =>
            {
                _ = await db.ReleaseProjectEnvironments.Where(r => r.LastDeploymentId != null).ToListAsync();
            });

            // --- Whole tables and streaming (SARG0001 shapes) ----------------------------------------------------
            Add("whole-deployments-table-to-list", async db =>
            {
                _ = await db.Deployments.ToListAsync();
            });
            Add("whole-projects-table-no-tracking-sync", db =>
            {
                _ = db.Projects.AsNoTracking().ToList();
                return Task.CompletedTask;
            });
            Add("stream-project-deployments-as-async-enumerable", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var count = 0;
                await foreach (var deployment in db.Deployments.AsNoTracking().Where(d => d.ProjectId == projectId).AsAsyncEnumerable())
                {
                    count += deployment.Iid > 0 ? 1 : 0;
                }
            });

            // --- N+1: the same statement per loop item (SARG0004 runtime shape) ------------------------------------
            Add("latest-deployment-per-environment-n-plus-one", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var environments = await db.Environments.Where(e => e.ProjectId == projectId).ToListAsync();
                foreach (var environment in environments)
                {
                    var environmentId = environment.Id;
                    _ = await db.Deployments.Where(d => d.EnvironmentId == environmentId).OrderByDescending(d => d.Id).FirstOrDefaultAsync();
                }
            });

            Add("latest-deployment-per-environment-group-by-first", async db =>
            {
                var environmentIds = new List<long> { CorpusKeys.ProductionEnvironmentId, CorpusKeys.StagingEnvironmentId };
                _ = await db.Deployments.Where(d => environmentIds.Contains(d.EnvironmentId))
                    .GroupBy(d => d.EnvironmentId)
                    .Select(g => g.OrderByDescending(d => d.Id).First())
                    .ToListAsync();
            });

            // --- Comments and raw SQL ---------------------------------------------------------------------------
            Add("tagged-allow-comment", async db =>
            {
                var before = UpdatedBefore;
                _ = await db.Deployments
                    .TagWith("sargable:allow SARG0003 nightly report, bounded by the environment's few rows")
                    .Where(d => d.UpdatedAt <= before)
                    .OrderBy(d => d.Id)
                    .Take(20)
                    .ToListAsync();
            });
            Add("namespace-tree-recursive-cte-from-sql", async db =>
            {
                var rootId = CorpusKeys.RootNamespaceId;
                _ = await db.Namespaces.FromSqlInterpolated(
                    $"""
                    WITH RECURSIVE tree AS (
                        SELECT * FROM namespaces WHERE id = {rootId}
                        UNION ALL
                        SELECT n.* FROM namespaces n JOIN tree t ON n.parent_id = t.id
                    )
                    SELECT * FROM tree
                    """).AsNoTracking().ToListAsync();
            });

            // --- Writes -----------------------------------------------------------------------------------------
            Add("add-deployment-save-changes", async db =>
            {
                var now = CorpusKeys.Epoch.AddDays(1);
                db.Deployments.Add(new Deployment
                {
                    ProjectId = CorpusKeys.ProjectId,
                    EnvironmentId = CorpusKeys.ProductionEnvironmentId,
                    Iid = 1000,
                    Ref = "main",
                    Sha = new byte[20],
                    Status = DeploymentStatus.Created,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                await db.SaveChangesAsync();
            });
            Add("add-environment-and-deployments-save-changes", async db =>
            {
                var now = CorpusKeys.Epoch.AddDays(1);
                var environment = new ProjectEnvironment { ProjectId = CorpusKeys.OtherProjectId, Name = "review/feature-search" };
                db.Environments.Add(environment);
                for (var iid = 1000; iid < 1003; iid++)
                {
                    db.Deployments.Add(new Deployment
                    {
                        ProjectId = CorpusKeys.OtherProjectId,
                        Environment = environment,
                        Iid = iid,
                        Ref = "feature-search",
                        Sha = new byte[20],
                        Status = DeploymentStatus.Created,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }

                await db.SaveChangesAsync();
            });
            Add("update-tracked-deployment-save-changes", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var iid = CorpusKeys.TrackedUpdateIid;
                var deployment = await db.Deployments.SingleAsync(d => d.ProjectId == projectId && d.Iid == iid);
                deployment.Status = DeploymentStatus.Success;
                deployment.FinishedAt = deployment.UpdatedAt = CorpusKeys.Epoch.AddDays(1);
                await db.SaveChangesAsync();
            });
            Add("remove-release-save-changes", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                var version = CorpusKeys.RemovableReleaseVersion;
                var release = await db.Releases.SingleAsync(r => r.ProjectId == projectId && r.Version == version);
                db.Releases.Remove(release);
                await db.SaveChangesAsync();
            });
            Add("remove-range-of-loaded-deployments", async db =>
            {
                var projectId = CorpusKeys.ProjectId;
                db.Deployments.RemoveRange(await db.Deployments.Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Blocked).ToListAsync());
                await db.SaveChangesAsync();
            });
            Add("execute-update-cancel-stale-running", async db =>
            {
                var (staleBefore, now) = (CorpusKeys.Epoch.AddMinutes(30), CorpusKeys.Epoch.AddDays(1));
                var changed = await db.Deployments
                    .Where(d => d.Status == DeploymentStatus.Running && d.UpdatedAt < staleBefore)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeploymentStatus.Canceled).SetProperty(d => d.UpdatedAt, now));
                Expect(changed == 1, "one stale running deployment is canceled");
            });
            Add("execute-delete-old-skipped", async db =>
            {
                var (projectId, before) = (CorpusKeys.ProjectId, CorpusKeys.Epoch.AddMinutes(500));
                var deleted = await db.Deployments
                    .Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Skipped && d.CreatedAt < before)
                    .ExecuteDeleteAsync();
                Expect(deleted == CorpusKeys.SkippedIidLast - CorpusKeys.SkippedIidFirst + 1, "the seeded skipped deployments are deleted");
            });

            return cases;
        }

        private static void Found(object? row) => Expect(row is not null, "the looked-up row exists");

        private static void Expect(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"Catalog expectation failed: {what}. The seed and the catalog disagree.");
            }
        }
    }
}
