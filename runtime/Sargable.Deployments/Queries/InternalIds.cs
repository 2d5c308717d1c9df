using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;

namespace Sargable.Deployments.Queries
{
    /// <summary>
    /// GitLab's internal ids: the next per-project number in one statement, an upsert of the project's
    /// <c>internal_ids</c> row that returns the new value. The row lock it takes orders concurrent callers, so each gets
    /// its own number without a retry; a caller whose transaction rolls back gives its number back.
    /// </summary>
    public static class InternalIds
    {
        /// <summary>
        /// The next deployment iid of <paramref name="projectId"/>. A project's first call starts after the largest iid
        /// already stored, and every call moves past it, so deployments inserted without the counter are never reused.
        /// </summary>
        public static async Task<int> NextDeploymentIidAsync(DeploymentsDbContext db, long projectId, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(db);
            var usage = (short)InternalIdUsage.Deployments;

            // PostgreSQL spells the larger of two values GREATEST, SQLite (3.35+, for RETURNING) the two-argument max().
            var values = db.IsPostgres
                ? db.Database.SqlQuery<int>($"""
                    INSERT INTO internal_ids (project_id, usage, last_value)
                    VALUES ({projectId}, {usage}, (SELECT COALESCE(MAX(d.iid), 0) + 1 FROM deployments AS d WHERE d.project_id = {projectId}))
                    ON CONFLICT (usage, project_id) DO UPDATE SET last_value = GREATEST(internal_ids.last_value + 1, EXCLUDED.last_value)
                    RETURNING last_value AS "Value"
                    """)
                : db.Database.SqlQuery<int>($"""
                    INSERT INTO internal_ids (project_id, usage, last_value)
                    VALUES ({projectId}, {usage}, (SELECT COALESCE(MAX(d.iid), 0) + 1 FROM deployments AS d WHERE d.project_id = {projectId}))
                    ON CONFLICT (usage, project_id) DO UPDATE SET last_value = max(internal_ids.last_value + 1, excluded.last_value)
                    RETURNING last_value AS "Value"
                    """);
            var next = await values.ToListAsync(cancellationToken).ConfigureAwait(false);
            return next.Single();
        }
    }
}
