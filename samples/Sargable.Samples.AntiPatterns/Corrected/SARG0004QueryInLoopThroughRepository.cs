using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Fast
{
    /// <summary>The repository also answers for many keys at once.</summary>
    public interface IProjectRepository
    {
        Task<Dictionary<long, Project>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
    }

    public sealed class ProjectRepository : IProjectRepository
    {
        private readonly DeploymentsDbContext db;

        public ProjectRepository(DeploymentsDbContext db) => this.db = db;

        public Task<Dictionary<long, Project>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
            db.Projects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>SARG0004 corrected: one query for the projects of all deployments, before the loop.</summary>
    public sealed class DeploymentFeed
    {
        private readonly IProjectRepository projects;

        public DeploymentFeed(IProjectRepository projects) => this.projects = projects;

        public async Task<List<string>> LinesAsync(IReadOnlyList<Deployment> deployments, CancellationToken cancellationToken)
        {
            var byId = await projects.GetByIdsAsync(deployments.Select(d => d.ProjectId).Distinct().ToList(), cancellationToken);
            var lines = new List<string>();
            foreach (var deployment in deployments)
            {
                byId.TryGetValue(deployment.ProjectId, out var project);
                lines.Add($"{project?.Name}: {deployment.Ref}");
            }

            return lines;
        }
    }
}
