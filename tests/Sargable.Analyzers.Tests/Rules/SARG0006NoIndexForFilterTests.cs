using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0006NoIndexForFilterTests
    {
        private const string Rule = RuleIds.NoIndexForFilter;

        [Fact]
        public Task Column_with_no_index() => Verify.DiagnosticsAsync("""
            namespace App;
            class Running
            {
                Task<List<Deployment>> Run(AppDb db, string refName) => db.Deployments
                    .[|Where(d => d.Ref == refName && d.Status == DeploymentStatus.Running)|]
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task Later_column_of_an_index_only() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stale
            {
                int Run(AppDb db, DateTime before) => db.Deployments.[|Count(d => d.UpdatedAt <= before)|];
            }
            """, Rule);

        [Fact]
        public Task Function_on_column_and_leading_wildcard() => Verify.DiagnosticsAsync("""
            namespace App;
            class Search
            {
                List<Project> ByLowerName(AppDb db, string name) => db.Projects.[|Where(p => p.Name.ToLower() == name)|].ToList();
                List<Project> Containing(AppDb db, string text) => db.Projects.[|Where(p => p.Name.Contains(text))|].ToList();
            }
            """, Rule);

        [Theory]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId && d.Ref == refName).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.EnvironmentId == environmentId).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => ids.Contains(d.Id)).ToListAsync();")]
        [InlineData("await db.Environments.Where(e => e.ProjectId == projectId).ToListAsync();")]
        public Task A_filter_an_index_leads_with_is_fine(string query) => Verify.NoDiagnosticsAsync(TestModel.InMethod("var result = " + query), Rule);

        private const string ProjectsByName = """
            namespace App;
            class Search
            {
                List<Project> ByName(AppDb db, string name) => db.Projects.Where(p => p.Name == name).ToList();
            }
            """;

        [Fact]
        public Task An_unindexed_filter_on_projects_is_reported() =>
            Verify.DiagnosticsAsync(ProjectsByName.Replace(".Where(p => p.Name == name)", ".[|Where(p => p.Name == name)|]", StringComparison.Ordinal), Rule);

        [Fact]
        public Task The_same_filter_is_not_reported_when_projects_is_a_small_table() =>
            Verify.DiagnosticsAsync(ProjectsByName, Rule, new Dictionary<string, string> { [RuleIdFormat.ConfigKey("small_tables")] = "projects" });

        [Fact]
        public Task Model_configured_out_of_sight_is_not_judged() => new AnalyzerTest("""
            namespace Shop;
            public class Product
            {
                public int Id { get; set; }
                public string Sku { get; set; } = "";
            }

            public class ShopDb : DbContext
            {
                public DbSet<Product> Products { get; set; } = null!;
                protected override void OnModelCreating(ModelBuilder modelBuilder) => Conventions.Apply(modelBuilder);
            }

            class Lookups
            {
                Product? BySku(ShopDb db, string sku) => db.Products.FirstOrDefault(p => p.Sku == sku);
                List<Product> All(ShopDb db) => db.Products.{|SARG0001:ToList()|};
            }
            """, Rule)
        {
            // Conventions.Apply is compiled into another assembly: the analyzer cannot see which indexes it declares.
            Sources = { },
            References = { AnalyzerRunner.CompileLibrary("namespace Shop { public static class Conventions { public static void Apply(ModelBuilder b) { } } }") },
        }.RunAsync();

        [Fact]
        public Task Index_helper_in_source_is_followed() => new AnalyzerTest("""
            namespace Shop;
            public class Product
            {
                public int Id { get; set; }
                public string Sku { get; set; } = "";
                public string Color { get; set; } = "";
            }

            public class ShopDb : DbContext
            {
                public DbSet<Product> Products { get; set; } = null!;
                protected override void OnModelCreating(ModelBuilder modelBuilder) => Conventions.Apply(modelBuilder);
            }

            class Lookups
            {
                Product? BySku(ShopDb db, string sku) => db.Products.FirstOrDefault(p => p.Sku == sku);
                Product? ByColor(ShopDb db, string color) => db.Products.[|FirstOrDefault(p => p.Color == color)|];
            }
            """, Rule)
        {
            Sources = { "namespace Shop { static class Conventions { public static void Apply(ModelBuilder b) => b.Entity<Product>().HasIndex(p => p.Sku); } }" },
        }.RunAsync();
    }
}
