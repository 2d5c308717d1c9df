using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0008 corrected: keyset pagination from the last row's (updated_at, id).</summary>
    public sealed class DeploymentPages
    {
        private readonly DeploymentsDbContext db;

        public DeploymentPages(DeploymentsDbContext db) => this.db = db;

        public Task<List<Deployment>> PageAfterAsync(long projectId, long environmentId, DateTime lastUpdatedAt, long lastId, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId
                            && d.UpdatedAt >= lastUpdatedAt
                            && (d.UpdatedAt > lastUpdatedAt || (d.UpdatedAt == lastUpdatedAt && d.Id > lastId)))
                .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                .Take(20)
                .ToListAsync(cancellationToken);
    }
}
