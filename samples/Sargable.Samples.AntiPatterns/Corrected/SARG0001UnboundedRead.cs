using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>SARG0001 corrected: keyset batches on the primary key; every batch is one index range scan.</summary>
    public sealed class DeploymentArchiver
    {
        private readonly DeploymentsDbContext db;

        public DeploymentArchiver(DeploymentsDbContext db) => this.db = db;

        public async Task ArchiveAllAsync(CancellationToken cancellationToken)
        {
            long lastId = 0;
            while (true)
            {
                var batch = await db.Deployments.AsNoTracking()
                    .Where(d => d.Id > lastId)
                    .OrderBy(d => d.Id)
                    .Take(1000)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                batch.ForEach(Archive);
                lastId = batch[batch.Count - 1].Id;
            }
        }

        private static void Archive(Deployment deployment)
        {
        }
    }
}
