using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0004 corrected: one statement; EF Core turns the group's first row into a window function.</summary>
    public sealed class EnvironmentDashboard
    {
        private readonly DeploymentsDbContext db;

        public EnvironmentDashboard(DeploymentsDbContext db) => this.db = db;

        public async Task<Dictionary<long, Deployment?>> LatestPerEnvironmentAsync(long projectId, CancellationToken cancellationToken)
        {
            var environmentIds = await db.Environments.Where(e => e.ProjectId == projectId).Select(e => e.Id).ToListAsync(cancellationToken);
            var latest = await db.Deployments
                .Where(d => environmentIds.Contains(d.EnvironmentId))
                .GroupBy(d => d.EnvironmentId)
                .Select(g => g.OrderByDescending(d => d.Id).First())
                .ToListAsync(cancellationToken);
            var byEnvironment = environmentIds.ToDictionary(id => id, _ => (Deployment?)null);
            foreach (var deployment in latest)
            {
                byEnvironment[deployment.EnvironmentId] = deployment;
            }

            return byEnvironment;
        }
    }
}
