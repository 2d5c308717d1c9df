using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>
    /// SARG0010 corrected: the dashboard counts one project's deployments (served by the index on ProjectId), and
    /// "is there any?" stops at the first row.
    /// </summary>
    public sealed class DeploymentDashboard
    {
        private readonly DeploymentsDbContext db;

        public DeploymentDashboard(DeploymentsDbContext db) => this.db = db;

        public Task<int> ProjectDeploymentsAsync(long projectId, CancellationToken cancellationToken) =>
            db.Deployments.CountAsync(d => d.ProjectId == projectId, cancellationToken);

        public bool HasAnyDeployment() =>
            db.Deployments.Any();
    }
}
