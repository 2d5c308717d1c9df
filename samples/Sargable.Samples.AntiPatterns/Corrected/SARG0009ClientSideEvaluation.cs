using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0009 corrected: the database counts and limits; only what is needed crosses the wire.</summary>
    public sealed class ProjectStatistics
    {
        private readonly DeploymentsDbContext db;

        public ProjectStatistics(DeploymentsDbContext db) => this.db = db;

        public Task<int> FailedCountAsync(long projectId, CancellationToken cancellationToken) =>
            db.Deployments.CountAsync(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Failed, cancellationToken);

        public List<Deployment> Recent(long projectId) =>
            db.Deployments.Where(d => d.ProjectId == projectId)
                .OrderByDescending(d => d.Iid)
                .Take(20)
                .ToList();
    }
}
