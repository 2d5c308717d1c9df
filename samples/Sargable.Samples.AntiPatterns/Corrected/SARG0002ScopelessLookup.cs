using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0002 corrected: the project is in the route, so the unique (project_id, name) index finds one row.</summary>
    public sealed class EnvironmentPages
    {
        private readonly DeploymentsDbContext db;

        public EnvironmentPages(DeploymentsDbContext db) => this.db = db;

        public Task<ProjectEnvironment?> FindAsync(long projectId, string name, CancellationToken cancellationToken) =>
            db.Environments.Where(e => e.ProjectId == projectId && e.Name == name).FirstOrDefaultAsync(cancellationToken);

        public Task<List<Deployment>> LatestOnAsync(long projectId, string name, CancellationToken cancellationToken)
        {
            var environmentIds = db.Environments.Where(e => e.ProjectId == projectId && e.Name == name).Select(e => e.Id);
            return db.Deployments
                .Where(d => d.ProjectId == projectId && environmentIds.Contains(d.EnvironmentId))
                .OrderByDescending(d => d.Iid)
                .Take(20)
                .ToListAsync(cancellationToken);
        }
    }
}
