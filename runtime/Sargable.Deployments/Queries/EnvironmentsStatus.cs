using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;

namespace Sargable.Deployments.Queries
{
    /// <summary>An environment that has a deployment of the sha, with its latest deployment of any status.</summary>
    public sealed record EnvironmentStatus(
        long EnvironmentId,
        string EnvironmentName,
        long LatestDeploymentId,
        int LatestDeploymentIid,
        string LatestSha,
        string LatestRef,
        DeploymentStatus LatestStatus,
        DateTime LatestCreatedAt,
        DateTime? LatestFinishedAt);

    /// <summary>
    /// GitLab's environments status of a merge request: the project's environments where the sha was deployed, each with
    /// what is really deployed there now (its latest deployment, whatever its status and sha). One statement: an EXISTS
    /// semi-join on (project_id, sha) picks the environments, and each one's latest deployment is the first row of
    /// (environment_id, id) read backwards.
    /// </summary>
    public static class EnvironmentsStatus
    {
        /// <exception cref="ArgumentException">The sha is not 40 hex characters.</exception>
        public static Task<List<EnvironmentStatus>> ForShaAsync(DeploymentsDbContext db, long projectId, string sha, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            if (!DeploymentSha.TryNormalize(sha, out var normalized))
            {
                throw new ArgumentException($"A sha is {DeploymentSha.HexLength} hex characters.", nameof(sha));
            }

            return (db.IsPostgres ? Lateral(db, projectId, normalized) : Portable(db, projectId, normalized)).AsNoTracking().ToListAsync(cancellationToken);
        }

        /// <summary>
        /// The PostgreSQL form: the latest deployment through a LATERAL join (one backward index step each).
        /// <para>
        /// The predicate after <c>Take(1)</c> (an environment's deployments all belong to its project, so it keeps every row)
        /// is what keeps the LATERAL join: EF Core rewrites a plain per-row top-N (<c>Where(d =&gt; d.EnvironmentId ==
        /// e.Id).OrderBy(...).Take(1)</c>) into <c>ROW_NUMBER() OVER (PARTITION BY environment_id ...)</c> over the whole
        /// deployments table joined back, which reads every deployment to use one per environment. The guard stops that form
        /// as an unbounded read (SARG0001); a test asserts this one stays LATERAL.
        /// </para>
        /// </summary>
        public static IQueryable<EnvironmentStatus> Lateral(DeploymentsDbContext db, long projectId, string sha)
        {
            ArgumentNullException.ThrowIfNull(db);
            return from e in db.Environments
                   where e.ProjectId == projectId
                         && db.Deployments.Any(d => d.ProjectId == projectId && d.Sha == sha && d.EnvironmentId == e.Id)
                   from latest in db.Deployments
                       .Where(d => d.EnvironmentId == e.Id)
                       .OrderByDescending(d => d.Id)
                       .Take(1)
                       .Where(d => d.ProjectId == e.ProjectId) // keeps the LATERAL join (see remarks)
                   orderby e.Name
                   select new EnvironmentStatus(e.Id, e.Name, latest.Id, latest.Iid, latest.Sha, latest.Ref, latest.Status, latest.CreatedAt, latest.FinishedAt);
        }

        /// <summary>For databases without LATERAL (SQLite): the latest deployment's id from a correlated subquery, then its row by primary key.</summary>
        public static IQueryable<EnvironmentStatus> Portable(DeploymentsDbContext db, long projectId, string sha)
        {
            ArgumentNullException.ThrowIfNull(db);
            return from e in db.Environments
                   where e.ProjectId == projectId
                         && db.Deployments.Any(d => d.ProjectId == projectId && d.Sha == sha && d.EnvironmentId == e.Id)
                   join latest in db.Deployments
                       on db.Deployments.Where(d => d.EnvironmentId == e.Id).OrderByDescending(d => d.Id).Select(d => (long?)d.Id).FirstOrDefault()
                       equals (long?)latest.Id
                   orderby e.Name
                   select new EnvironmentStatus(e.Id, e.Name, latest.Id, latest.Iid, latest.Sha, latest.Ref, latest.Status, latest.CreatedAt, latest.FinishedAt);
        }
    }
}
