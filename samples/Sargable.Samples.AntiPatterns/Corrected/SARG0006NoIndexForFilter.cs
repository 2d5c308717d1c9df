using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0006 corrected: scoped by the project, a column the (project_id, iid) index starts with.</summary>
    public sealed class RunningDeployments
    {
        private readonly DeploymentsDbContext db;

        public RunningDeployments(DeploymentsDbContext db) => this.db = db;

        public Task<List<Deployment>> OfBranchAsync(long projectId, string refName, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.ProjectId == projectId && d.Ref == refName && d.Status == DeploymentStatus.Running)
                .ToListAsync(cancellationToken);

        // A prefix can use an index; this admin search is rare enough to scan, and says so (the reason is required).
        public Task<List<Project>> SearchAsync(string prefix, CancellationToken cancellationToken) =>
            db.Projects
                .Where(p => p.Name.StartsWith(prefix))
                .TagWith("sargable:allow SARG0006 admin-only project search, rare")
                .ToListAsync(cancellationToken);
    }
}
