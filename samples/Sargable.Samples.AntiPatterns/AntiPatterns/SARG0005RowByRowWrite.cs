using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0005: a cleanup that loads rows only to delete or update them one statement each.</summary>
    public sealed class DeploymentCleanup
    {
        private readonly DeploymentsDbContext db;

        public DeploymentCleanup(DeploymentsDbContext db) => this.db = db;

        public async Task DeleteSkippedAsync(long projectId, DateTime cutoff, CancellationToken cancellationToken)
        {
            var skipped = await db.Deployments
                .Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Skipped && d.CreatedAt < cutoff)
                .ToListAsync(cancellationToken);
            db.Deployments.RemoveRange(skipped);
            await db.SaveChangesAsync(cancellationToken);
        }

        public async Task CancelStaleAsync(long projectId, DateTime staleBefore, DateTime now, CancellationToken cancellationToken)
        {
            foreach (var deployment in await db.Deployments.Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Running && d.UpdatedAt < staleBefore).ToListAsync(cancellationToken))
            {
                deployment.Status = DeploymentStatus.Canceled;
                deployment.UpdatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
