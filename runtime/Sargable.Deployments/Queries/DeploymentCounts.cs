using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;

namespace Sargable.Deployments.Queries
{
    /// <summary>
    /// How many deployments succeeded since a time, per project, for a list of projects: one grouped count over the
    /// (project_id, finished_at, id) range of each project, instead of one count per project.
    /// </summary>
    public static class DeploymentCounts
    {
        /// <summary>Successful deployments with finished_at &gt;= <paramref name="finishedAfter"/>; projects with none are absent.</summary>
        public static async Task<Dictionary<long, int>> SuccessfulSinceAsync(DeploymentsDbContext db, IReadOnlyCollection<long> projectIds, DateTime finishedAfter, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            var ids = projectIds.Distinct().ToArray();
            var since = finishedAfter.Kind == DateTimeKind.Utc ? finishedAfter : DateTime.SpecifyKind(finishedAfter.ToUniversalTime(), DateTimeKind.Utc);
            var counts = await db.Deployments
                .Where(d => ids.Contains(d.ProjectId) && d.FinishedAt >= since && d.Status == DeploymentStatus.Success)
                .GroupBy(d => d.ProjectId)
                .Select(g => new { ProjectId = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return counts.ToDictionary(c => c.ProjectId, c => c.Count);
        }
    }
}
