using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    /// <summary>SARG0004 where the query sits behind a repository, unit of work or helper method, and in loops that are not loop statements.</summary>
    public sealed class SARG0004QueryBehindMethodsTests
    {
        private const string Rule = RuleIds.QueryInLoop;

        private const string Repositories = """
            namespace App.Data
            {
                public interface IEnvironmentRepository
                {
                    Task<Deployment?> GetLatestDeploymentAsync(long environmentId);
                    Task<Dictionary<long, Deployment>> GetLatestDeploymentsAsync(IReadOnlyCollection<long> environmentIds);
                    IQueryable<Deployment> DeploymentsOf(long environmentId);
                    string DisplayName(ProjectEnvironment environment);
                }

                public sealed class EnvironmentRepository : IEnvironmentRepository
                {
                    private readonly AppDb db;
                    public EnvironmentRepository(AppDb db) => this.db = db;

                    public Task<Deployment?> GetLatestDeploymentAsync(long environmentId) =>
                        db.Deployments.Where(d => d.EnvironmentId == environmentId).OrderByDescending(d => d.Id).FirstOrDefaultAsync();

                    public async Task<Dictionary<long, Deployment>> GetLatestDeploymentsAsync(IReadOnlyCollection<long> environmentIds) =>
                        (await db.Deployments.Where(d => environmentIds.Contains(d.EnvironmentId)).ToListAsync())
                            .GroupBy(d => d.EnvironmentId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!);

                    // Composes a query without running it.
                    public IQueryable<Deployment> DeploymentsOf(long environmentId) => db.Deployments.Where(d => d.EnvironmentId == environmentId);

                    public string DisplayName(ProjectEnvironment environment) => environment.Name.ToUpperInvariant();
                }

                public interface IRepository<T> where T : class
                {
                    ValueTask<T?> GetByIdAsync(long id);
                }

                public class Repository<T> : IRepository<T> where T : class
                {
                    private readonly DbSet<T> set;
                    public Repository(AppDb db) => set = db.Set<T>();
                    public ValueTask<T?> GetByIdAsync(long id) => set.FindAsync(id);
                }

                public sealed class UnitOfWork
                {
                    public UnitOfWork(IEnvironmentRepository environments, IRepository<Project> projects)
                    {
                        Environments = environments;
                        Projects = projects;
                    }

                    public IEnvironmentRepository Environments { get; }
                    public IRepository<Project> Projects { get; }
                }
            }

            """;

        [Fact]
        public Task A_repository_call_in_a_foreach_is_reported_at_the_call() => Verify.DiagnosticsAsync(Repositories + """
            namespace App.Services
            {
                using App.Data;

                public sealed class DashboardService
                {
                    private readonly UnitOfWork unitOfWork;
                    public DashboardService(UnitOfWork unitOfWork) => this.unitOfWork = unitOfWork;

                    public async Task<List<Deployment?>> LatestAsync(List<ProjectEnvironment> environments)
                    {
                        var latest = new List<Deployment?>();
                        foreach (var environment in environments)
                        {
                            latest.Add(await unitOfWork.Environments.[|GetLatestDeploymentAsync(environment.Id)|]);
                        }

                        return latest;
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task A_generic_repository_lookup_per_item_is_reported() => Verify.DiagnosticsAsync(Repositories + """
            namespace App.Services
            {
                using App.Data;

                public sealed class ProjectNames
                {
                    public async Task<List<string>> Run(IRepository<Project> projects, List<Deployment> deployments)
                    {
                        var names = new List<string>();
                        for (var i = 0; i < deployments.Count; i++)
                        {
                            var project = await projects.[|GetByIdAsync(deployments[i].ProjectId)|];
                            names.Add(project?.Name ?? "");
                        }

                        return names;
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task A_private_helper_that_queries_is_reported_at_its_call_in_the_loop() => Verify.DiagnosticsAsync("""
            namespace App;
            class Report
            {
                private readonly AppDb db;
                Report(AppDb db) => this.db = db;

                async Task Run(List<ProjectEnvironment> environments)
                {
                    foreach (var environment in environments)
                        await [|CountFailedAsync(environment)|];
                }

                private Task<int> CountFailedAsync(ProjectEnvironment environment) =>
                    db.Deployments.CountAsync(d => d.EnvironmentId == environment.Id && d.Status == DeploymentStatus.Failed);
            }
            """, Rule);

        [Fact]
        public Task Near_misses_behind_methods_are_not_reported() => Verify.NoDiagnosticsAsync(Repositories + """
            namespace App.Services
            {
                using App.Data;

                public sealed class Fine
                {
                    private readonly UnitOfWork unitOfWork;
                    public Fine(UnitOfWork unitOfWork) => this.unitOfWork = unitOfWork;

                    public async Task Run(List<ProjectEnvironment> environments, long projectId)
                    {
                        // Preloaded into a dictionary before the loop: one query.
                        var latest = await unitOfWork.Environments.GetLatestDeploymentsAsync(environments.Select(e => e.Id).ToList());
                        Project? project = null;
                        foreach (var environment in environments)
                        {
                            latest.TryGetValue(environment.Id, out var deployment);

                            // A repository method that runs no query.
                            var name = unitOfWork.Environments.DisplayName(environment);
                            var query = unitOfWork.Environments.DeploymentsOf(environment.Id);

                            // Guarded to run once, with nothing of the item in it.
                            project ??= await unitOfWork.Projects.GetByIdAsync(projectId);
                        }

                        // The helper called once, outside any loop.
                        await unitOfWork.Environments.GetLatestDeploymentAsync(environments[0].Id);
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task An_interface_method_with_an_implementation_that_does_not_query_is_not_reported() => Verify.NoDiagnosticsAsync("""
            namespace App;
            interface INames { Task<string> NameAsync(long id); }
            sealed class DbNames : INames
            {
                private readonly AppDb db;
                DbNames(AppDb db) => this.db = db;
                public async Task<string> NameAsync(long id) => (await db.Projects.FindAsync(id))?.Name ?? "";
            }
            sealed class CachedNames : INames
            {
                private readonly Dictionary<long, string> names = new();
                public Task<string> NameAsync(long id) => Task.FromResult(names[id]);
            }
            class Use
            {
                async Task Run(INames names, List<Deployment> deployments)
                {
                    foreach (var d in deployments) await names.NameAsync(d.ProjectId);
                }
            }
            """, Rule);

        [Fact]
        public async Task The_message_names_the_method_and_where_its_query_runs()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App.Services;
                using App.Data;
                class Use
                {
                    async Task Run(UnitOfWork unitOfWork, List<ProjectEnvironment> environments)
                    {
                        foreach (var environment in environments)
                        {
                            await unitOfWork.Environments.GetLatestDeploymentAsync(environment.Id);
                        }
                    }
                }
                """, new[] { TestModel.Deployments, Repositories });
            var diagnostic = Assert.Single(diagnostics, d => d.Id == Rule);
            var message = diagnostic.GetMessage();
            Assert.Contains("IEnvironmentRepository.GetLatestDeploymentAsync runs a query (FirstOrDefaultAsync at ", message, StringComparison.Ordinal);
            Assert.Contains(":17)", message, StringComparison.Ordinal);
            Assert.Contains("the foreach over environments (line 7)", message, StringComparison.Ordinal);
        }

        [Fact]
        public Task Queries_in_lambdas_run_per_element_are_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class PerElement
            {
                async Task Run(AppDb db, List<Deployment> deployments, long projectId)
                {
                    // In-memory GroupBy after AsEnumerable: one query per group.
                    var perEnvironment = db.Deployments.Where(d => d.ProjectId == projectId).AsEnumerable()
                        .GroupBy(d => d.EnvironmentId)
                        .Select(g => new { Environment = db.Environments.Where(e => e.Id == g.Key).[|Single()|], Count = g.Count() })
                        .ToList();

                    var byId = deployments.ToDictionary(d => d.Id, d => db.Projects.[|Find(d.ProjectId)|]);
                    deployments.ForEach(d => db.Environments.[|Any(e => e.Id == d.EnvironmentId)|]);

                    await Parallel.ForEachAsync(deployments, async (d, ct) =>
                    {
                        await db.Projects.Where(p => p.Id == d.ProjectId).[|FirstAsync(ct)|];
                    });
                }
            }
            """, Rule);

        [Fact]
        public Task Await_foreach_and_do_loops_are_loops() => Verify.DiagnosticsAsync("""
            namespace App;
            class Streams
            {
                async Task Run(AppDb db, IAsyncEnumerable<long> ids, Queue<long> queue)
                {
                    await foreach (var id in ids)
                    {
                        await db.Deployments.[|FindAsync(id)|];
                    }

                    do
                    {
                        var next = queue.Dequeue();
                        await db.Environments.Where(e => e.Id == next).[|ToListAsync()|];
                    }
                    while (queue.Count > 0);
                }
            }
            """, Rule);

        [Fact]
        public Task Lambdas_that_do_not_query_per_element_are_fine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Fine
            {
                async Task Run(AppDb db, List<Deployment> deployments, CancellationToken ct)
                {
                    var ids = deployments.Select(d => d.ProjectId).ToList();
                    var projects = await db.Projects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                    var names = deployments.Select(d => projects[d.ProjectId].Name).ToList();

                    // Same query whatever the element (only the token is passed): hoistable, but not N+1.
                    await Parallel.ForEachAsync(deployments, async (d, token) => await db.Projects.CountAsync(token));
                }
            }
            """, Rule);
    }
}
