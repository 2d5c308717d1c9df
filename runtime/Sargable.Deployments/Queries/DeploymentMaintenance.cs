using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;

namespace Sargable.Deployments.Queries
{
    /// <summary>Set-based writes over many deployments: a retention delete and a keyset-batched backfill.</summary>
    public static class DeploymentMaintenance
    {
        /// <summary>
        /// Deletes an environment's deployments created before <paramref name="createdBefore"/> with one DELETE: the
        /// environment's rows come from (environment_id, id), and the cascade to release_project_environments finds its rows
        /// by last_deployment_id. Returns the number deleted.
        /// </summary>
        public static Task<int> DeleteOlderThanAsync(DeploymentsDbContext db, long environmentId, DateTime createdBefore, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            var cutoff = createdBefore.Kind == DateTimeKind.Utc ? createdBefore : DateTime.SpecifyKind(createdBefore.ToUniversalTime(), DateTimeKind.Utc);
            return db.Deployments
                .Where(d => d.EnvironmentId == environmentId && d.CreatedAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken);
        }

        /// <summary>
        /// GitLab's finished_at backfill: deployments that finished (success, failed, canceled) before finished_at existed
        /// get their updated_at as finish time. The whole table is walked in keyset batches of <paramref name="batchSize"/>
        /// ids (<c>EachBatchAsync</c>: a lookup of the batch's last id on the primary key, then one UPDATE bounded by
        /// <c>id &gt; previous AND id &lt;= last</c>), so each batch costs the same however far into the table it is, and no
        /// transaction or lock spans more than one batch. Returns the number of rows updated.
        /// </summary>
        public static async Task<long> BackfillFinishedAtAsync(DeploymentsDbContext db, int batchSize = 10_000, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            long updated = 0;
            await foreach (var batch in db.Deployments.EachBatchAsync(of: batchSize, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                updated += await batch
                    .Where(d => d.FinishedAt == null
                                && (d.Status == DeploymentStatus.Success || d.Status == DeploymentStatus.Failed || d.Status == DeploymentStatus.Canceled))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.FinishedAt, d => d.UpdatedAt), cancellationToken)
                    .ConfigureAwait(false);
            }

            return updated;
        }
    }
}
