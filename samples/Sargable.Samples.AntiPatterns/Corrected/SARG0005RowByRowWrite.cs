using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0005 corrected: one DELETE and one UPDATE, no rows loaded.</summary>
    public sealed class DeploymentCleanup
    {
        private readonly DeploymentsDbContext db;

        public DeploymentCleanup(DeploymentsDbContext db) => this.db = db;

        public Task<int> DeleteSkippedAsync(long projectId, DateTime cutoff, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Skipped && d.CreatedAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken);

        public Task<int> CancelStaleAsync(long projectId, DateTime staleBefore, DateTime now, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Running && d.UpdatedAt < staleBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeploymentStatus.Canceled).SetProperty(d => d.UpdatedAt, now), cancellationToken);
    }
}
