using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0009: counting and filtering after every row was loaded.</summary>
    public sealed class ProjectStatistics
    {
        private readonly DeploymentsDbContext db;

        public ProjectStatistics(DeploymentsDbContext db) => this.db = db;

        public async Task<int> FailedCountAsync(long projectId, CancellationToken cancellationToken) =>
            (await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync(cancellationToken))
                .Count(d => d.Status == DeploymentStatus.Failed);

        public List<Deployment> Recent(long projectId) =>
            db.Deployments.Where(d => d.ProjectId == projectId).AsEnumerable()
                .OrderByDescending(d => d.Id)
                .Take(20)
                .ToList();
    }
}
