using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0004: the environments page fetches each environment's latest deployment one by one.</summary>
    public sealed class EnvironmentDashboard
    {
        private readonly DeploymentsDbContext db;

        public EnvironmentDashboard(DeploymentsDbContext db) => this.db = db;

        public async Task<Dictionary<long, Deployment?>> LatestPerEnvironmentAsync(long projectId, CancellationToken cancellationToken)
        {
            var environments = await db.Environments.Where(e => e.ProjectId == projectId).ToListAsync(cancellationToken);
            var latest = new Dictionary<long, Deployment?>();
            foreach (var environment in environments)
            {
                latest[environment.Id] = await db.Deployments
                    .Where(d => d.EnvironmentId == environment.Id)
                    .OrderByDescending(d => d.Id)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            return latest;
        }
    }
}
