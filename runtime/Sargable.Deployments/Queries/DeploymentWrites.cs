using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;

namespace Sargable.Deployments.Queries
{
    /// <summary>Creating a deployment and moving it to another status, as the deployments API does.</summary>
    public static class DeploymentWrites
    {
        /// <summary>
        /// Adds a deployment with the project's next iid (max(iid) + 1, read from the (project_id, iid) index).
        /// Concurrent creations in one project can pick the same iid; the unique index rejects the second, which then reads
        /// the next iid and tries again (a few times), so callers never see the race.
        /// </summary>
        public static async Task<Deployment> CreateAsync(
            DeploymentsDbContext db,
            long projectId,
            long environmentId,
            string sha,
            string reference,
            DeploymentStatus status,
            DateTime now,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            if (!DeploymentSha.TryNormalize(sha, out var normalized))
            {
                throw new ArgumentException($"A sha is {DeploymentSha.HexLength} hex characters.", nameof(sha));
            }

            for (var attempt = 1; ; attempt++)
            {
                var lastIid = await db.Deployments.Where(d => d.ProjectId == projectId).MaxAsync(d => (int?)d.Iid, cancellationToken).ConfigureAwait(false);
                var deployment = new Deployment
                {
                    Iid = (lastIid ?? 0) + 1,
                    ProjectId = projectId,
                    EnvironmentId = environmentId,
                    Sha = normalized,
                    Ref = reference,
                    Status = status,
                    Action = DeploymentAction.Start,
                    CreatedAt = now,
                    UpdatedAt = now,
                    FinishedAt = DeploymentStatuses.IsFinished(status) ? now : null,
                };
                db.Deployments.Add(deployment);
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return deployment;
                }
                catch (DbUpdateException) when (attempt < MaxCreateAttempts)
                {
                    // A fresh entity next time: the failed one may carry values the failed INSERT left on it.
                    db.Entry(deployment).State = EntityState.Detached;
                    var iid = deployment.Iid;
                    if (!await db.Deployments.AnyAsync(d => d.ProjectId == projectId && d.Iid == iid, cancellationToken).ConfigureAwait(false))
                    {
                        throw;
                    }
                }
            }
        }

        /// <summary>
        /// The project's environment of that name, created when missing. Two requests creating it at once both try; the
        /// unique (project_id, name) index rejects one, which then reads the row the other created.
        /// </summary>
        public static async Task<ProjectEnvironment> FindOrCreateEnvironmentAsync(DeploymentsDbContext db, long projectId, string name, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            var environment = await db.Environments.FirstOrDefaultAsync(e => e.ProjectId == projectId && e.Name == name, cancellationToken).ConfigureAwait(false);
            if (environment is not null)
            {
                return environment;
            }

            environment = new ProjectEnvironment { ProjectId = projectId, Name = name };
            db.Environments.Add(environment);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return environment;
            }
            catch (DbUpdateException e)
            {
                db.Entry(environment).State = EntityState.Detached;
                return await db.Environments.FirstOrDefaultAsync(e => e.ProjectId == projectId && e.Name == name, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Environment '{name}' of project {projectId} could not be created.", e);
            }
        }

        /// <summary>Enough for a burst of concurrent creations in one project; each loser moves past the winner's iid.</summary>
        private const int MaxCreateAttempts = 20;

        /// <summary>
        /// Moves a deployment to <paramref name="status"/>; updated_at becomes <paramref name="now"/>, and finished_at too
        /// when the deployment finishes (success, failed, canceled). Returns null when the project has no such deployment.
        /// </summary>
        public static async Task<Deployment?> UpdateStatusAsync(DeploymentsDbContext db, long projectId, long deploymentId, DeploymentStatus status, DateTime now, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            var deployment = await db.Deployments
                .Include(d => d.Environment)
                .FirstOrDefaultAsync(d => d.Id == deploymentId && d.ProjectId == projectId, cancellationToken)
                .ConfigureAwait(false);
            if (deployment is null)
            {
                return null;
            }

            deployment.Status = status;
            deployment.UpdatedAt = now;
            if (DeploymentStatuses.IsFinished(status))
            {
                deployment.FinishedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return deployment;
        }
    }
}
