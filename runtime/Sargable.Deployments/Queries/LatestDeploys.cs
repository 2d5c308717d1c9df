using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Sargable.Deployments.Queries
{
    /// <summary>The latest finished deploy of one environment of one project.</summary>
    public sealed record LatestDeploy(long ProjectId, string Environment, string Version, DateTime DateFinished);

    /// <summary>
    /// Sentry's "latest deploys" of a list of projects: for each project and environment, the release version and finish
    /// time of the latest finished deployment, looking only at the environment's 10 most recent
    /// <c>release_project_environments</c> rows. One statement, ranked with a window function.
    /// <para>
    /// The obvious form ranks every row of those projects with <c>row_number() OVER (PARTITION BY project_id,
    /// environment_id ORDER BY id DESC)</c>, keeps <c>&lt;= 10</c> and joins deployments and releases. PostgreSQL cannot
    /// estimate how many rows survive the <c>&lt;= 10</c>, guesses a third of them, and on realistic volumes hash-joins a
    /// sequential scan of the whole deployments table: slower on the server than the N+1 loop it replaced. Here the rows
    /// are ranked only after each environment has read its own 10 through an index (see <see cref="Lateral"/>), so the
    /// window function sees at most 10 rows per environment and every step is an index lookup under a LIMIT or by key.
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
            return db.IsPostgres
                ? Lateral(db, projectIds).ToListAsync(cancellationToken)
                : Portable(db, projectIds).AsNoTracking().ToListAsync(cancellationToken);
        }

        /// <summary>
        /// The PostgreSQL form, Sentry's window function over rows the planner cannot misjudge: each environment of the
        /// projects (unique index (project_id, name)) reads its 10 newest release rows in a LATERAL subquery, backwards on
        /// (environment_id, id) under a LIMIT, each row's finish time by the deployment's primary key;
        /// <c>row_number() OVER (PARTITION BY project_id, environment_id ORDER BY finished_at DESC, last_deployment_id DESC)</c>
        /// picks the latest finished one of those (at most 10 rows per environment to rank), and only the winners' release
        /// versions are read, by primary key. No step can become a scan: the subqueries by key are never flattened into
        /// joins, so there is no hash join for PostgreSQL to prefer, however many projects are asked for.
        /// </summary>
        public static IQueryable<LatestDeploy> Lateral(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds)
        {
            ArgumentNullException.ThrowIfNull(db);
            var ids = projectIds.Distinct().ToArray();
            return db.Database.SqlQuery<LatestDeploy>(FormattableStringFactory.Create(LateralSql, ids, RecentRows));
        }

        /// <summary>
        /// The SQL of <see cref="Lateral"/>, for running it without EF Core: <c>{0}</c> is the array of project ids,
        /// <c>{1}</c> the number of recent rows per environment (<see cref="RecentRows"/>); both become parameters.
        /// </summary>
        public const string LateralSql = """
            SELECT ranked.project_id AS "ProjectId", ranked.name AS "Environment",
                   (SELECT r.version FROM releases AS r WHERE r.id = ranked.release_id) AS "Version",
                   ranked.finished_at AS "DateFinished"
            FROM (
                SELECT e.project_id, e.name, recent.release_id, recent.finished_at,
                       row_number() OVER (PARTITION BY e.project_id, e.id ORDER BY recent.finished_at DESC, recent.last_deployment_id DESC) AS latest
                FROM environments AS e
                CROSS JOIN LATERAL (
                    SELECT rpe.release_id, rpe.last_deployment_id,
                           (SELECT d.finished_at FROM deployments AS d WHERE d.id = rpe.last_deployment_id) AS finished_at
                    FROM release_project_environments AS rpe
                    WHERE rpe.environment_id = e.id
                    ORDER BY rpe.id DESC
                    LIMIT {1}) AS recent
                WHERE e.project_id = ANY ({0}) AND recent.finished_at IS NOT NULL) AS ranked
            WHERE ranked.latest = 1
            ORDER BY ranked.project_id, ranked.name
            """;

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
