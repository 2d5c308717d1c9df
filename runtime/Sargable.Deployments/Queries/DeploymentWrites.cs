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
        /// Creates a deployment in the project's environment of that name, creating the environment when it is new. One
        /// transaction (the caller's, or one of its own): the environment, the iid and the deployment are written together
        /// or not at all. The iid comes from <see cref="InternalIds"/>, so concurrent creations neither collide nor retry;
        /// each statement runs once.
        /// </summary>
        /// <exception cref="ArgumentException">The sha is not 40 hex characters, or the environment name or ref is empty.</exception>
        public static async Task<Deployment> CreateAsync(
            DeploymentsDbContext db,
            long projectId,
            string environmentName,
            string sha,
            string reference,
            DeploymentStatus status,
            DateTime now,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentException.ThrowIfNullOrWhiteSpace(environmentName);
            ArgumentException.ThrowIfNullOrWhiteSpace(reference);
            if (!DeploymentSha.TryNormalize(sha, out var normalized))
            {
                throw new ArgumentException($"A sha is {DeploymentSha.HexLength} hex characters.", nameof(sha));
            }

            var own = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
                : null;
            await using (own)
            {
                var environmentId = await FindOrCreateEnvironmentAsync(db, projectId, environmentName, cancellationToken).ConfigureAwait(false);
                var deployment = new Deployment
                {
                    Iid = await InternalIds.NextDeploymentIidAsync(db, projectId, cancellationToken).ConfigureAwait(false),
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
                }
                catch
                {
                    // The transaction rolls back; a context the caller keeps must not try the insert again.
                    db.Entry(deployment).State = EntityState.Detached;
                    throw;
                }

                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                return deployment;
            }
        }

        /// <summary>
        /// The id of the project's environment of that name, created when missing. Race-safe without a retry: the insert
        /// skips a name another transaction has just created (<c>ON CONFLICT DO NOTHING</c> waits for it to commit), and the
        /// row is then read again. At most three statements, each once.
        /// </summary>
        public static async Task<long> FindOrCreateEnvironmentAsync(DeploymentsDbContext db, long projectId, string name, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            var existing = await FindEnvironmentAsync(db, projectId, name, cancellationToken).ConfigureAwait(false);
            if (existing is { } id)
            {
                return id;
            }

            var inserted = await db.Database.SqlQuery<long>($"""
                INSERT INTO environments (project_id, name) VALUES ({projectId}, {name})
                ON CONFLICT (project_id, name) DO NOTHING
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (inserted.Count == 1)
            {
                return inserted[0];
            }

            return await FindEnvironmentAsync(db, projectId, name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Environment of project {projectId} was neither found nor created.");
        }

        private static Task<long?> FindEnvironmentAsync(DeploymentsDbContext db, long projectId, string name, CancellationToken cancellationToken) =>
            db.Environments.Where(e => e.ProjectId == projectId && e.Name == name).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);

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
