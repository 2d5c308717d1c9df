using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0003 corrected: ordered by the range column, then the key, so (project_id, environment_id, updated_at, id) stops at the limit.</summary>
    public sealed class StaleDeploymentSync
    {
        private readonly DeploymentsDbContext db;

        public StaleDeploymentSync(DeploymentsDbContext db) => this.db = db;

        public Task<List<Deployment>> NextBatchAsync(long projectId, long environmentId, DateTime staleBefore, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt <= staleBefore)
                .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                .Take(100)
                .ToListAsync(cancellationToken);
    }
}
