using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0001: a nightly archive job that reads the whole deployments table, twice.</summary>
    public sealed class DeploymentArchiver
    {
        private readonly DeploymentsDbContext db;

        public DeploymentArchiver(DeploymentsDbContext db) => this.db = db;

        public void ArchiveAll()
        {
            foreach (var deployment in db.Deployments)
            {
                Archive(deployment);
            }
        }

        public async Task ArchiveInPagesAsync(CancellationToken cancellationToken)
        {
            for (var page = 0; ; page++)
            {
                var batch = await db.Deployments.OrderBy(d => d.Id).Skip(page * 1000).Take(1000).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                batch.ForEach(Archive);
            }
        }

        private static void Archive(Deployment deployment)
        {
        }
    }
}
