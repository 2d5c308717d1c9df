using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0009ClientSideEvaluationTests
    {
        private const string Rule = RuleIds.ClientSideEvaluation;

        [Fact]
        public Task Filtering_and_counting_after_materialization() => Verify.DiagnosticsAsync("""
            namespace App;
            class Reports
            {
                async Task Run(AppDb db, long projectId)
                {
                    var failed = (await db.Deployments.{|SARG0001:ToListAsync()|}).[|Count(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Failed)|];
                    var recent = db.Deployments.{|SARG0001:AsEnumerable()|}
                        .[|Where(d => d.ProjectId == projectId)|]
                        .OrderByDescending(d => d.Id)
                        .Take(20)
                        .ToList();
                    var total = db.Deployments.Where(d => d.ProjectId == projectId).ToList().[|Count()|];
                    var any = db.Environments.Where(e => e.ProjectId == projectId).ToArray().[|Any(e => e.Name.StartsWith("prod"))|];
                }
            }
            """, Rule);

        [Fact]
        public Task Untranslatable_remainders_and_in_memory_lists_are_fine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Reports
            {
                static bool IsInteresting(Deployment d) => d.Ref.Length > 3;

                void Run(AppDb db, long projectId, List<Deployment> list)
                {
                    var a = db.Deployments.Where(d => d.ProjectId == projectId).AsEnumerable().Where(IsInteresting).ToList();
                    var b = db.Deployments.Where(d => d.ProjectId == projectId).AsEnumerable().Where(d => IsInteresting(d)).ToList();
                    var c = list.Where(d => d.ProjectId == projectId).Count();
                    var e = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Select(d => d.Id).ToList();
                }
            }
            """, Rule);
    }
}
