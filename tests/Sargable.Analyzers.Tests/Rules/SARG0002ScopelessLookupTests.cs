using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0002ScopelessLookupTests
    {
        private const string Rule = RuleIds.ScopelessLookup;

        [Fact]
        public Task Lookup_by_name_without_project() => Verify.DiagnosticsAsync("""
            namespace App;
            class Environments
            {
                Task<ProjectEnvironment?> Find(AppDb db, string name) =>
                    db.Environments.[|Where(e => e.Name == name)|].FirstOrDefaultAsync();

                Task<ProjectEnvironment> Single(AppDb db, string name) =>
                    db.Environments.[|SingleAsync(e => e.Name == name)|];
            }
            """, Rule);

        [Fact]
        public Task Navigation_predicate_without_scope() => Verify.DiagnosticsAsync("""
            namespace App;
            class Deployments
            {
                Task<List<Deployment>> Page(AppDb db, string name) => db.Deployments
                    .[|Where(d => d.Environment.Name == "production")|]
                    .OrderBy(d => d.Id)
                    .Take(20)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task Scopeless_lookup_inside_a_subquery() => Verify.DiagnosticsAsync("""
            namespace App;
            class Deployments
            {
                List<Deployment> Page(AppDb db, long projectId, string name)
                {
                    var environmentIds = db.Environments.[|Where(e => e.Name == name)|].Select(e => e.Id);
                    var scopedIds = db.Environments.Where(e => e.ProjectId == projectId && e.Name == name).Select(e => e.Id);
                    var scoped = db.Deployments.Where(d => d.ProjectId == projectId && scopedIds.Contains(d.EnvironmentId)).OrderBy(d => d.Iid).Take(20).ToList();
                    return db.Deployments.Where(d => d.ProjectId == projectId && environmentIds.Contains(d.EnvironmentId)).OrderBy(d => d.Iid).Take(20).ToList();
                }
            }
            """, Rule);

        [Theory]
        [InlineData("await db.Environments.FirstOrDefaultAsync(e => e.ProjectId == projectId && e.Name == name);")]
        [InlineData("await db.Environments.Where(e => e.Id == environmentId).SingleAsync();")]
        [InlineData("await db.Environments.FindAsync(environmentId);")]
        [InlineData("await db.Deployments.Where(d => d.Environment.ProjectId == projectId && d.Environment.Name == name).OrderBy(d => d.Id).Take(20).ToListAsync();")]
        [InlineData("await db.Deployments.SingleAsync(d => d.ProjectId == projectId && d.Iid == 7);")]
        public Task A_lookup_scoped_by_its_unique_key_is_fine(string query) => Verify.NoDiagnosticsAsync(TestModel.InMethod("var result = " + query), Rule);

        [Fact]
        public Task Attribute_declared_scoped_index() => new AnalyzerTest("""
            using System.ComponentModel.DataAnnotations.Schema;
            namespace Shop;

            [Index(nameof(TenantId), nameof(Sku), IsUnique = true)]
            [Table("products")]
            public class Product
            {
                public int Id { get; set; }
                public int TenantId { get; set; }
                public string Sku { get; set; } = "";
            }

            public class ShopDb : DbContext
            {
                public DbSet<Product> Products { get; set; } = null!;
            }

            class Lookups
            {
                Product? BySku(ShopDb db, string sku) => db.Products.[|FirstOrDefault(p => p.Sku == sku)|];
                Product? Scoped(ShopDb db, int tenant, string sku) => db.Products.FirstOrDefault(p => p.TenantId == tenant && p.Sku == sku);
            }
            """, Rule) { Sources = { } }.RunAsync();

        [Fact]
        public async Task Message_names_the_scope()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App;
                class Environments
                {
                    ProjectEnvironment? Find(AppDb db, string name) => db.Environments.FirstOrDefault(e => e.Name == name);
                }
                """, new[] { TestModel.Deployments });
            var diagnostic = Assert.Single(diagnostics, d => d.Id == Rule);
            Assert.Contains("Environments is looked up by Name without ProjectId", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(RuleCatalog.HelpLink(Rule), diagnostic.Descriptor.HelpLinkUri);
        }
    }
}
