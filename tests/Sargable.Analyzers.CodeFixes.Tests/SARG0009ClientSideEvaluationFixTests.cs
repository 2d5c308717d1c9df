using Sargable.Analyzers.CodeFixes.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests
{
    public sealed class SARG0009ClientSideEvaluationFixTests
    {
        [Fact]
        public Task Moves_filters_and_counts_into_the_query() => new CodeFixTest("""
            namespace App;
            class Reports
            {
                async Task Run(AppDb db, long projectId, CancellationToken ct)
                {
                    var failed = (await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync(ct)).[|Count(d => d.Status == DeploymentStatus.Failed)|];
                    var total = db.Deployments.Where(d => d.ProjectId == projectId).ToList().[|Count()|];
                    var names = db.Environments.Where(e => e.ProjectId == projectId).ToList().[|Where(e => e.Name.StartsWith("prod"))|];
                }
            }
            """, """
            namespace App;
            class Reports
            {
                async Task Run(AppDb db, long projectId, CancellationToken ct)
                {
                    var failed = await db.Deployments.Where(d => d.ProjectId == projectId).CountAsync(d => d.Status == DeploymentStatus.Failed, ct);
                    var total = db.Deployments.Where(d => d.ProjectId == projectId).Count();
                    var names = db.Environments.Where(e => e.ProjectId == projectId).Where(e => e.Name.StartsWith("prod")).ToList();
                }
            }
            """, RuleIds.ClientSideEvaluation, new ClientSideEvaluationCodeFix()).RunAsync();

        [Fact]
        public Task Fix_all_moves_every_operator_before_AsEnumerable() => new CodeFixTest("""
            namespace App;
            class Reports
            {
                List<Deployment> Recent(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId).AsEnumerable()
                    .[|OrderByDescending(d => d.Id)|]
                    .Take(20)
                    .ToList();
            }
            """, """
            namespace App;
            class Reports
            {
                List<Deployment> Recent(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId)
                    .OrderByDescending(d => d.Id)
                    .Take(20).AsEnumerable()
                    .ToList();
            }
            """, RuleIds.ClientSideEvaluation, new ClientSideEvaluationCodeFix())
        {
            // Moving OrderByDescending before AsEnumerable leaves Take(20) after it, reported only then: two passes.
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 2,
        }.RunAsync();
    
        [Fact]
        public Task Moves_the_translatable_filter_and_leaves_the_tuple_filter_in_memory() => new CodeFixTest("""
            namespace App;
            class Sync
            {
                List<Deployment> Matched(AppDb db, long projectId, List<int> iids, List<(long, int)> pairs) => db.Deployments.Where(d => d.ProjectId == projectId).AsEnumerable()
                    .[|Where(d => iids.Contains(d.Iid))|]
                    .Where(d => pairs.Contains((d.ProjectId, d.Iid)))
                    .ToList();
            }
            """, """
            namespace App;
            class Sync
            {
                List<Deployment> Matched(AppDb db, long projectId, List<int> iids, List<(long, int)> pairs) => db.Deployments.Where(d => d.ProjectId == projectId)
                    .Where(d => iids.Contains(d.Iid)).AsEnumerable()
                    .Where(d => pairs.Contains((d.ProjectId, d.Iid)))
                    .ToList();
            }
            """, RuleIds.ClientSideEvaluation, new ClientSideEvaluationCodeFix()).RunAsync();
    }
}
