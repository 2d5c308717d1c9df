using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>SARG0010: counting every row of a growing table, twice to answer "is there any?".</summary>
    public sealed class DeploymentDashboard
    {
        private readonly DeploymentsDbContext db;

        public DeploymentDashboard(DeploymentsDbContext db) => this.db = db;

        public Task<int> TotalDeploymentsAsync(CancellationToken cancellationToken) =>
            db.Deployments.CountAsync(cancellationToken);

        public bool HasAnyDeployment() =>
            db.Deployments.Count() > 0;
    }
}
