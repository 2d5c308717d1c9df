using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0008: numbered pages; page 40,000 reads 800,000 rows to return 20.</summary>
    public sealed class DeploymentPages
    {
        private readonly DeploymentsDbContext db;

        public DeploymentPages(DeploymentsDbContext db) => this.db = db;

        public Task<List<Deployment>> PageAsync(long projectId, long environmentId, int pageNumber, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId)
                .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                .Skip(pageNumber * 20).Take(20)
                .ToListAsync(cancellationToken);
    }
}
