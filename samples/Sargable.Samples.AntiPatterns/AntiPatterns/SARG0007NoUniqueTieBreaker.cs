using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0007: the activity feed pages by creation time, which a pipeline shares between deployments.</summary>
    public sealed class ActivityFeed
    {
        private readonly DeploymentsDbContext db;

        public ActivityFeed(DeploymentsDbContext db) => this.db = db;

        public Task<List<Deployment>> PageBeforeAsync(long projectId, DateTime before, CancellationToken cancellationToken) =>
            db.Deployments
                .Where(d => d.ProjectId == projectId && d.CreatedAt < before)
                .OrderByDescending(d => d.CreatedAt)
                .Take(20)
                .ToListAsync(cancellationToken);
    }
}
