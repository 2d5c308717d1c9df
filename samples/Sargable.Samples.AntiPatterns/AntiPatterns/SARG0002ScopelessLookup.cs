using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0002: "the production environment" without saying of which project.</summary>
    public sealed class EnvironmentPages
    {
        private readonly DeploymentsDbContext db;

        public EnvironmentPages(DeploymentsDbContext db) => this.db = db;

        public Task<ProjectEnvironment?> FindAsync(string name, CancellationToken cancellationToken) =>
            db.Environments.Where(e => e.Name == name).FirstOrDefaultAsync(cancellationToken);

        public Task<List<Deployment>> LatestOnAsync(string name, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.Environment.Name == name)
                .OrderByDescending(d => d.Id)
                .Take(20)
                .ToListAsync(cancellationToken);
    }
}
