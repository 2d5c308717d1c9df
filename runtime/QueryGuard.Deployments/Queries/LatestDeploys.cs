using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace QueryGuard.Deployments.Queries
{
    /// <summary>The latest finished deploy of one environment of one project.</summary>
    public sealed record LatestDeploy(long ProjectId, string Environment, string Version, DateTime DateFinished);

    /// <summary>
    /// Sentry's "latest deploys" of a list of projects: for each project and environment, the release version and finish
    /// time of the latest finished deployment, looking only at the environment's 10 most recent
    /// <c>release_project_environments</c> rows. One statement.
    /// <para>
    /// The obvious form ranks every row of those projects with <c>row_number() OVER (PARTITION BY project_id,
    /// environment_id ORDER BY id DESC)</c>, keeps <c>&lt;= 10</c> and joins deployments and releases. PostgreSQL cannot
    /// estimate how many rows survive the <c>&lt;= 10</c>, guesses a third of them, and on realistic volumes hash-joins a
    /// sequential scan of the whole deployments table: slower on the server than the N+1 loop it replaced. Here each
    /// environment of the projects (unique index (project_id, name)) drives a LATERAL subquery that reads its 10 newest rows
    /// backwards on (environment_id, id), fetches their deployments and releases by primary key and keeps the latest
    /// finished one. Every step is an index lookup with a LIMIT, so there is no plan with a scan to choose.
    /// </para>
    /// </summary>
    public static class LatestDeploys
    {
        /// <summary>How many of an environment's most recent release rows are considered (Sentry's bound).</summary>
        public const int RecentRows = 10;

        /// <summary>The latest deploys of <paramref name="projectIds"/>, ordered by project, then environment name.</summary>
        public static Task<List<LatestDeploy>> ForProjectsAsync(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            return (db.IsPostgres ? Lateral(db, projectIds) : Portable(db, projectIds)).AsNoTracking().ToListAsync(cancellationToken);
        }

        /// <summary>The PostgreSQL form: one LATERAL subquery per environment (see the type's remarks).</summary>
        public static IQueryable<LatestDeploy> Lateral(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds)
        {
            ArgumentNullException.ThrowIfNull(db);
            var ids = projectIds.Distinct().ToArray();
            return from e in db.Environments
                   where ids.Contains(e.ProjectId)
                   from latest in db.ReleaseProjectEnvironments
                       .Where(r => r.EnvironmentId == e.Id)
                       .OrderByDescending(r => r.Id)
                       .Take(RecentRows)
                       .Where(r => r.LastDeployment!.FinishedAt != null)
                       .OrderByDescending(r => r.LastDeployment!.FinishedAt)
                       .ThenByDescending(r => r.LastDeploymentId)
                       .Select(r => new { r.Release!.Version, r.LastDeployment!.FinishedAt })
                       .Take(1)
                   orderby e.ProjectId, e.Name
                   select new LatestDeploy(e.ProjectId, e.Name, latest.Version, latest.FinishedAt!.Value);
        }

        /// <summary>
        /// The same result for databases without LATERAL (SQLite): the version and the finish time each come from a
        /// correlated subquery over the same 10 rows. Twice the lookups of <see cref="Lateral"/>, still no scan.
        /// </summary>
        public static IQueryable<LatestDeploy> Portable(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds)
        {
            ArgumentNullException.ThrowIfNull(db);
            var ids = projectIds.Distinct().ToArray();
            return db.Environments
                .Where(e => ids.Contains(e.ProjectId))
                .Select(e => new
                {
                    e.ProjectId,
                    e.Name,
                    Version = db.ReleaseProjectEnvironments
                        .Where(r => r.EnvironmentId == e.Id)
                        .OrderByDescending(r => r.Id)
                        .Take(RecentRows)
                        .Where(r => r.LastDeployment!.FinishedAt != null)
                        .OrderByDescending(r => r.LastDeployment!.FinishedAt)
                        .ThenByDescending(r => r.LastDeploymentId)
                        .Select(r => r.Release!.Version)
                        .FirstOrDefault(),
                    FinishedAt = db.ReleaseProjectEnvironments
                        .Where(r => r.EnvironmentId == e.Id)
                        .OrderByDescending(r => r.Id)
                        .Take(RecentRows)
                        .Where(r => r.LastDeployment!.FinishedAt != null)
                        .OrderByDescending(r => r.LastDeployment!.FinishedAt)
                        .ThenByDescending(r => r.LastDeploymentId)
                        .Select(r => r.LastDeployment!.FinishedAt)
                        .FirstOrDefault(),
                })
                .Where(x => x.FinishedAt != null)
                .OrderBy(x => x.ProjectId).ThenBy(x => x.Name)
                .Select(x => new LatestDeploy(x.ProjectId, x.Name, x.Version!, x.FinishedAt!.Value));
        }

        /// <summary>Groups rows by project, then by environment name (Sentry's response shape).</summary>
        public static Dictionary<long, Dictionary<string, LatestDeploy>> ByProject(IEnumerable<LatestDeploy> rows) =>
            rows.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Environment, StringComparer.Ordinal));
    }
}
