using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0006: "which deployments of this branch are running?" across every project.</summary>
    public sealed class RunningDeployments
    {
        private readonly DeploymentsDbContext db;

        public RunningDeployments(DeploymentsDbContext db) => this.db = db;

        public Task<List<Deployment>> OfBranchAsync(string refName, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.Ref == refName && d.Status == DeploymentStatus.Running)
                .ToListAsync(cancellationToken);

        public Task<List<Project>> SearchAsync(string text, CancellationToken cancellationToken) =>
            db.Projects.Where(p => p.Name.Contains(text)).ToListAsync(cancellationToken);
    }
}
