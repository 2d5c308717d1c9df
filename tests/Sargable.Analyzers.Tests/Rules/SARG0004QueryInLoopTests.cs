using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0004QueryInLoopTests
    {
        private const string Rule = RuleIds.QueryInLoop;

        [Fact]
        public Task Latest_deployment_per_environment() => Verify.DiagnosticsAsync("""
            namespace App;
            class Latest
            {
                async Task Run(AppDb db, long projectId)
                {
                    var environments = await db.Environments.Where(e => e.ProjectId == projectId).ToListAsync();
                    var latest = new Dictionary<long, Deployment?>();
                    foreach (var environment in environments)
                    {
                        latest[environment.Id] = await db.Deployments
                            .Where(d => d.EnvironmentId == environment.Id)
                            .OrderByDescending(d => d.Id)
                            .[|FirstOrDefaultAsync()|];
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task Find_count_any_and_locals_derived_from_the_item() => Verify.DiagnosticsAsync("""
            namespace App;
            class Checks
            {
                void Run(AppDb db, List<long> ids)
                {
                    for (var i = 0; i < ids.Count; i++)
                    {
                        var id = ids[i];
                        var deployment = db.Deployments.[|Find(id)|];
                        var count = db.Deployments.[|Count(d => d.EnvironmentId == id)|];
                    }

                    var n = 0;
                    while (n < ids.Count)
                    {
                        var current = ids[n++];
                        if (db.Environments.[|Any(e => e.Id == current)|]) { }
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task Explicit_loading_and_SaveChanges_in_a_loop() => Verify.DiagnosticsAsync("""
            namespace App;
            class Loading
            {
                async Task Run(AppDb db, List<Project> projects)
                {
                    foreach (var project in projects)
                    {
                        await db.Entry(project).Collection(p => p.Environments).[|LoadAsync()|];
                        project.Name = project.Name.Trim();
                        await db.[|SaveChangesAsync()|];
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task Loops_that_do_not_query_per_item_are_fine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Fine
            {
                async Task Run(AppDb db, List<long> environmentIds, long lastId)
                {
                    // One query for all items.
                    var all = await db.Deployments.Where(d => environmentIds.Contains(d.EnvironmentId)).ToListAsync();
                    foreach (var d in all) { }

                    // Keyset batches: the cursor is advanced by the loop, not an item of it.
                    while (true)
                    {
                        var batch = await db.Deployments.Where(d => d.Id > lastId).OrderBy(d => d.Id).Take(1000).ToListAsync();
                        if (batch.Count == 0) break;
                        lastId = batch[^1].Id;
                    }

                    // A query in a loop that does not depend on the item runs the same statement (hoist it, but it is not N+1).
                    foreach (var id in environmentIds)
                    {
                        var projects = db.Projects.Where(p => p.Name == "x").Take(1).ToList();
                    }

                    // In-memory LINQ in a loop.
                    foreach (var id in environmentIds)
                    {
                        var match = all.FirstOrDefault(d => d.EnvironmentId == id);
                    }

                    // Subqueries inside a query's lambda are not executions.
                    var withDeployments = await db.Environments.Where(e => db.Deployments.Any(d => d.EnvironmentId == e.Id)).ToListAsync();
                }
            }
            """, Rule);

        [Fact]
        public async Task Message_names_the_loop()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App;
                class Latest
                {
                    void Run(AppDb db, List<ProjectEnvironment> environments)
                    {
                        foreach (var environment in environments)
                        {
                            var d = db.Deployments.Where(x => x.EnvironmentId == environment.Id).OrderByDescending(x => x.Id).FirstOrDefault();
                        }
                    }
                }
                """, new[] { TestModel.Deployments });
            var diagnostic = Assert.Single(diagnostics, d => d.Id == Rule);
            Assert.Contains("the foreach over environments (line 6)", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("window function", diagnostic.GetMessage(), StringComparison.Ordinal);
        }
    }
}
