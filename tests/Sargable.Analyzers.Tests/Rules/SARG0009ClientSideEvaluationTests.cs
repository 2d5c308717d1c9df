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
    
        [Fact]
        public Task A_tuple_contains_after_a_database_prefilter_is_not_reported() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Sync
            {
                List<Deployment> Run(AppDb db, List<long> projectIds, List<(long ProjectId, int Iid)> pairs) => db.Deployments
                    .Where(d => projectIds.Contains(d.ProjectId))
                    .AsEnumerable()
                    .Where(d => pairs.Contains((d.ProjectId, d.Iid)))
                    .ToList();
            }
            """, Rule);

        [Fact]
        public Task Objects_from_memory_in_the_lambda_are_not_reported() => Verify.NoDiagnosticsAsync("""
            namespace App;
            record Wanted(long ProjectId, string Ref);
            class Sync
            {
                void Run(AppDb db, long projectId, List<Wanted> wanted, List<Deployment> known)
                {
                    var a = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Where(d => wanted.Any(w => w.Ref == d.Ref)).ToList();
                    var b = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Count(d => known.Contains(d));
                    var c = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Count(d => wanted.Contains(new Wanted(d.ProjectId, d.Ref)));
                }
            }
            """, Rule);

        [Fact]
        public Task Local_functions_and_client_only_members_are_not_reported() => Verify.NoDiagnosticsAsync("""
            namespace App;
            static class DeploymentExtensions
            {
                public static bool IsRelease(this Deployment d) => d.Ref.StartsWith("v");
            }

            class Sync
            {
                void Run(AppDb db, long projectId)
                {
                    bool Recent(Deployment d) => d.UpdatedAt > DateTime.UtcNow.AddDays(-1);
                    var a = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Where(d => Recent(d)).ToList();
                    var b = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Count(d => d.IsRelease());
                    var c = db.Deployments.Where(d => d.ProjectId == projectId).ToList().OrderBy(d => (d.Iid, d.Ref)).ToList();
                    var e = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Any(d => d.ToString() == "x");
                }
            }
            """, Rule);

        [Fact]
        public Task An_unmapped_computed_property_in_the_lambda_is_not_reported() => new AnalyzerTest("""
            namespace Shop;
            public sealed class Order
            {
                public long Id { get; set; }
                public decimal Net { get; set; }
                public decimal Tax { get; set; }
                public decimal Gross => Net + Tax;
                [System.ComponentModel.DataAnnotations.Schema.NotMapped]
                public bool Flagged { get; set; }
            }

            public sealed class ShopDb : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            class Report
            {
                void Run(ShopDb db)
                {
                    var big = db.Orders.Where(o => o.Net > 10).ToList().Where(o => o.Gross > 100).ToList();
                    var flagged = db.Orders.Where(o => o.Net > 10).ToList().Count(o => o.Flagged);
                    var net = db.Orders.Where(o => o.Net > 10).ToList().[|Where(o => o.Net > 100)|].ToList();
                }
            }
            """, Rule).RunAsync();

        [Fact]
        public Task Translatable_lambdas_with_scalar_lists_and_string_methods_are_still_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Reports
            {
                void Run(AppDb db, long projectId, List<int> iids, Guid[] tokens, DeploymentStatus[] statuses)
                {
                    var a = db.Deployments.Where(d => d.ProjectId == projectId).ToList().[|Where(d => iids.Contains(d.Iid))|].ToList();
                    var b = db.Deployments.Where(d => d.ProjectId == projectId).ToList().[|Count(d => statuses.Contains(d.Status) && d.Ref.ToLower().StartsWith("v"))|];
                    var c = db.Deployments.Where(d => d.ProjectId == projectId).ToList().[|OrderBy(d => d.Project.Name)|].ToList();
                    var e = db.Environments.Where(e => e.ProjectId == projectId).ToList().[|Where(e => e.Deployments.Any(d => d.Status == DeploymentStatus.Failed))|].ToList();
                }
            }
            """, Rule);
    }
}
