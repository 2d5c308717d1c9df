using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments;
using Sargable.Deployments.Model;
using Sargable.Deployments.Queries;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// The "before" shapes of the deployment queries GitLab and Sentry had to fix, written the way they were first
    /// written, each next to the reference query it was replaced by. They return what the reference returns (on data
    /// where both orders agree); the guard stops each one with the rule named on it. Benchmarks measure each pair; the
    /// tests hold both to the same results.
    /// </summary>
    public static class NaiveTwins
    {
        /// <summary>
        /// GitLab before the fix: deployments joined to environments by name only, ordered by iid. The name is unique
        /// only within a project, so the environments side is a scope-less lookup (SARG0002), and PostgreSQL collects the
        /// deployments of every environment so named before it can order by iid.
        /// Reference: <see cref="DeploymentsFinder"/> with project scope and an environment name.
        /// </summary>
        public static Task<List<Deployment>> ByEnvironmentNameAsync(DeploymentsDbContext db, long projectId, string environmentName, int limit, CancellationToken cancellationToken = default) =>
            db.Deployments.AsNoTracking()
                .Where(d => d.ProjectId == projectId && d.Environment!.Name == environmentName)
                .OrderBy(d => d.Iid)
                .Take(limit)
                .ToListAsync(cancellationToken);

        /// <summary>
        /// GitLab before the fix: an updated_at window in the API's default id order (how recently finished deployments
        /// were polled before finished_at existed). The environment is filtered as the finder filters it, by
        /// environment_id alone. PostgreSQL must either sort the whole window or walk the primary key in id order and
        /// discard every row outside it; it picks the walk when the environment is frequent in its statistics, and on a
        /// stale environment, whose window is empty, the walk reads all of deployments (SARG0003).
        /// Reference: the finder with updated_after and order_by=updated_at, or the finished_at window it was replaced by.
        /// </summary>
        public static Task<List<Deployment>> UpdatedWindowByIdAsync(DeploymentsDbContext db, long environmentId, DateTime updatedAfter, DateTime? updatedBefore, int limit, CancellationToken cancellationToken = default)
        {
            var window = db.Deployments.AsNoTracking().Where(d => d.EnvironmentId == environmentId && d.UpdatedAt >= updatedAfter);
            if (updatedBefore is { } before)
            {
                window = window.Where(d => d.UpdatedAt < before);
            }

            return window.OrderBy(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        }

        /// <summary>
        /// A finished_at window ordered by updated_at, id: the (project, environment, updated_at, id) index is walked in
        /// order and every row outside the window is discarded (on a stale environment: all of them), or the window is
        /// sorted (SARG0003). Reference: the finder with finished_after/finished_before, status=success, order_by=finished_at.
        /// </summary>
        public static Task<List<Deployment>> FinishedWindowByUpdatedAtAsync(DeploymentsDbContext db, long projectId, long environmentId, DateTime finishedAfter, DateTime finishedBefore, int limit, CancellationToken cancellationToken = default) =>
            db.Deployments.AsNoTracking()
                .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.Status == DeploymentStatus.Success
                            && d.FinishedAt >= finishedAfter && d.FinishedAt < finishedBefore)
                .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);

        /// <summary>
        /// The same finished_at window in the API's default id order: (environment_id, id) is walked in id order and every
        /// deployment outside the window is read and discarded (on a stale environment: all of them), or the window is
        /// sorted (SARG0003).
        /// </summary>
        public static Task<List<Deployment>> FinishedWindowByIdAsync(DeploymentsDbContext db, long projectId, long environmentId, DateTime finishedAfter, DateTime finishedBefore, int limit, CancellationToken cancellationToken = default) =>
            db.Deployments.AsNoTracking()
                .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.Status == DeploymentStatus.Success
                            && d.FinishedAt >= finishedAfter && d.FinishedAt < finishedBefore)
                .OrderBy(d => d.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);

        /// <summary>
        /// Sentry before the fix: the environments, then per environment its 10 most recent release rows, then per row its
        /// deployment and release: one statement per environment and per row (N+1, SARG0004 after the fifth).
        /// Reference: <see cref="LatestDeploys.ForProjectsAsync"/>.
        /// </summary>
        public static async Task<List<LatestDeploy>> LatestDeploysLoopAsync(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default)
        {
            var ids = projectIds.Distinct().ToArray();
            var result = new List<LatestDeploy>();
            var environments = await db.Environments.AsNoTracking().Where(e => ids.Contains(e.ProjectId)).ToListAsync(cancellationToken);
            foreach (var environment in environments)
            {
                var recent = await db.ReleaseProjectEnvironments.AsNoTracking()
                    .Where(r => r.EnvironmentId == environment.Id)
                    .OrderByDescending(r => r.Id)
                    .Take(LatestDeploys.RecentRows)
                    .ToListAsync(cancellationToken);
                LatestDeploy? latest = null;
                long latestDeploymentId = 0;
                foreach (var row in recent)
                {
                    if (row.LastDeploymentId is not { } deploymentId)
                    {
                        continue;
                    }

                    var deployment = await db.Deployments.AsNoTracking().FirstAsync(d => d.Id == deploymentId, cancellationToken);
                    if (deployment.FinishedAt is not { } finished)
                    {
                        continue;
                    }

                    if (latest is null || finished > latest.DateFinished || (finished == latest.DateFinished && deploymentId > latestDeploymentId))
                    {
                        var release = await db.Releases.AsNoTracking().FirstAsync(r => r.Id == row.ReleaseId, cancellationToken);
                        latest = new LatestDeploy(environment.ProjectId, environment.Name, release.Version, finished);
                        latestDeploymentId = deploymentId;
                    }
                }

                if (latest is not null)
                {
                    result.Add(latest);
                }
            }

            return result.OrderBy(r => r.ProjectId).ThenBy(r => r.Environment, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// The straightforward window-function form of latest deploys: rank every release row of the projects, keep the 10
        /// newest per environment, join deployments and releases. One statement, and the guard's rules find nothing wrong
        /// with its shape; PostgreSQL misestimates the rows left after <c>&lt;= 10</c> and, on a large table, hash-joins a
        /// sequential scan of deployments: plan verification reports it (SARG0001/SARG0006 from the plan).
        /// </summary>
        public static Task<List<LatestDeploy>> LatestDeploysWindowAsync(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default)
        {
            var ids = projectIds.Distinct().ToArray();
            return db.Database.SqlQuery<LatestDeploy>($"""
                SELECT ranked.project_id AS "ProjectId", ranked.environment AS "Environment", ranked.version AS "Version", ranked.finished_at AS "DateFinished"
                FROM (SELECT recent.project_id, e.name AS environment, r.version, d.finished_at,
                             row_number() OVER (PARTITION BY recent.project_id, recent.environment_id ORDER BY d.finished_at DESC, d.id DESC) AS latest
                      FROM (SELECT rpe.project_id, rpe.environment_id, rpe.release_id, rpe.last_deployment_id,
                                   row_number() OVER (PARTITION BY rpe.project_id, rpe.environment_id ORDER BY rpe.id DESC) AS recency
                            FROM release_project_environments AS rpe
                            WHERE rpe.project_id = ANY ({ids})) AS recent
                      JOIN deployments AS d ON d.id = recent.last_deployment_id
                      JOIN releases AS r ON r.id = recent.release_id
                      JOIN environments AS e ON e.id = recent.environment_id
                      WHERE recent.recency <= 10 AND d.finished_at IS NOT NULL) AS ranked
                WHERE ranked.latest = 1
                ORDER BY ranked.project_id, ranked.environment
                """).ToListAsync(cancellationToken);
        }

        /// <summary>
        /// GitLab's environments status before the fix: the environments with a deployment of the sha, then the latest
        /// deployment of each one in its own query (N+1, SARG0004). Reference: <see cref="EnvironmentsStatus.ForShaAsync"/>.
        /// </summary>
        public static async Task<List<EnvironmentStatus>> EnvironmentsStatusLoopAsync(DeploymentsDbContext db, long projectId, string sha, CancellationToken cancellationToken = default)
        {
            var environments = await db.Environments.AsNoTracking()
                .Where(e => e.ProjectId == projectId && db.Deployments.Any(d => d.ProjectId == projectId && d.Sha == sha && d.EnvironmentId == e.Id))
                .ToListAsync(cancellationToken);
            var result = new List<EnvironmentStatus>();
            foreach (var environment in environments.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var latest = await db.Deployments.AsNoTracking()
                    .Where(d => d.EnvironmentId == environment.Id)
                    .OrderByDescending(d => d.Id)
                    .FirstAsync(cancellationToken);
                result.Add(new EnvironmentStatus(environment.Id, environment.Name, latest.Id, latest.Iid, latest.Sha, latest.Ref, latest.Status, latest.CreatedAt, latest.FinishedAt));
            }

            return result;
        }

        /// <summary>One count per project (N+1, SARG0004). Reference: <see cref="DeploymentCounts.SuccessfulSinceAsync"/>.</summary>
        public static async Task<Dictionary<long, int>> SuccessfulCountsLoopAsync(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds, DateTime finishedAfter, CancellationToken cancellationToken = default)
        {
            var counts = new Dictionary<long, int>();
            foreach (var projectId in projectIds.Distinct())
            {
                var count = await db.Deployments.CountAsync(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Success && d.FinishedAt >= finishedAfter, cancellationToken);
                if (count > 0)
                {
                    counts[projectId] = count;
                }
            }

            return counts;
        }

        /// <summary>
        /// A group tree walked level by level: one query per depth with every id of the level above. Not a per-item loop,
        /// but deeper than the N+1 threshold it is reported as one (SARG0004); the recursive CTE does it in one round trip.
        /// Reference: <see cref="NamespaceTree.DescendantsAsync"/>.
        /// </summary>
        public static async Task<List<Namespace>> DescendantsLevelByLevelAsync(DeploymentsDbContext db, long groupId, CancellationToken cancellationToken = default)
        {
            var result = new List<Namespace>();
            var level = new List<long> { groupId };
            var seen = new HashSet<long> { groupId };
            while (level.Count > 0)
            {
                var parents = level.ToArray();
                var children = await db.Namespaces.AsNoTracking().Where(n => n.ParentId != null && parents.Contains(n.ParentId.Value)).ToListAsync(cancellationToken);
                level = [];
                foreach (var child in children)
                {
                    if (seen.Add(child.Id))
                    {
                        result.Add(child);
                        level.Add(child.Id);
                    }
                }
            }

            return result.OrderBy(n => n.Id).ToList();
        }

        /// <summary>
        /// The finished_at backfill with OFFSET batches: batch k reads and discards k × batchSize ids before its own
        /// (SARG0008), so the whole walk is quadratic. Reference: <see cref="DeploymentMaintenance.BackfillFinishedAtAsync"/>.
        /// </summary>
        public static async Task<long> BackfillFinishedAtWithOffsetAsync(DeploymentsDbContext db, int batchSize = 10_000, CancellationToken cancellationToken = default)
        {
            long updated = 0;
            for (var offset = 0; ; offset += batchSize)
            {
                var ids = await db.Deployments.OrderBy(d => d.Id).Select(d => d.Id).Skip(offset).Take(batchSize).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    return updated;
                }

                var first = ids[0];
                var last = ids[^1];
                updated += await db.Deployments
                    .Where(d => d.Id >= first && d.Id <= last && d.FinishedAt == null
                                && (d.Status == DeploymentStatus.Success || d.Status == DeploymentStatus.Failed || d.Status == DeploymentStatus.Canceled))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.FinishedAt, d => d.UpdatedAt), cancellationToken);
            }
        }

        /// <summary>
        /// The retention delete row by row: the doomed deployments are loaded, removed one by one and saved, so EF Core
        /// sends one <c>DELETE ... WHERE id = @p</c> per row (batched into few round trips, still one statement per row).
        /// The analyzer reports it (SARG0005); at run time each statement looks fine on its own.
        /// Reference: <see cref="DeploymentMaintenance.DeleteOlderThanAsync"/>.
        /// </summary>
        public static async Task<int> DeleteOlderThanRowByRowAsync(DeploymentsDbContext db, long environmentId, DateTime createdBefore, CancellationToken cancellationToken = default)
        {
            var doomed = await db.Deployments.Where(d => d.EnvironmentId == environmentId && d.CreatedAt < createdBefore).ToListAsync(cancellationToken);
            foreach (var deployment in doomed)
            {
                db.Deployments.Remove(deployment);
            }

            await db.SaveChangesAsync(cancellationToken);
            return doomed.Count;
        }

        /// <summary>
        /// The same delete the way an ORM's per-record destroy runs it: each deployment loaded on its own and deleted on
        /// its own. The per-row load is N+1 (SARG0004) for the analyzer and at run time.
        /// </summary>
        public static async Task<int> DeleteOlderThanOneByOneAsync(DeploymentsDbContext db, long environmentId, DateTime createdBefore, CancellationToken cancellationToken = default)
        {
            var ids = await db.Deployments.Where(d => d.EnvironmentId == environmentId && d.CreatedAt < createdBefore).Select(d => d.Id).ToListAsync(cancellationToken);
            foreach (var id in ids)
            {
                var deployment = await db.Deployments.FirstAsync(d => d.Id == id, cancellationToken);
                db.Deployments.Remove(deployment);
                await db.SaveChangesAsync(cancellationToken);
            }

            return ids.Count;
        }
    }
}
