using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Sargable.Samples.AntiPatterns.Model;

namespace Sargable.Samples.AntiPatterns.Slow
{
    /// <summary>A repository as most EF Core applications write them: one method per lookup.</summary>
    public interface IProjectRepository
    {
        ValueTask<Project?> GetByIdAsync(long id, CancellationToken cancellationToken);
    }

    public sealed class ProjectRepository : IProjectRepository
    {
        private readonly DeploymentsDbContext db;

        public ProjectRepository(DeploymentsDbContext db) => this.db = db;

        public ValueTask<Project?> GetByIdAsync(long id, CancellationToken cancellationToken) =>
            db.Projects.FindAsync(new object[] { id }, cancellationToken);
    }

    /// <summary>SARG0004 behind a repository: the query is not in the loop's text, but it runs once per deployment.</summary>
    public sealed class DeploymentFeed
    {
        private readonly IProjectRepository projects;

        public DeploymentFeed(IProjectRepository projects) => this.projects = projects;

        public async Task<List<string>> LinesAsync(IReadOnlyList<Deployment> deployments, CancellationToken cancellationToken)
        {
            var lines = new List<string>();
            foreach (var deployment in deployments)
            {
                var project = await projects.GetByIdAsync(deployment.ProjectId, cancellationToken);
                lines.Add($"{project?.Name}: {deployment.Ref}");
            }

            return lines;
        }
    }
}
