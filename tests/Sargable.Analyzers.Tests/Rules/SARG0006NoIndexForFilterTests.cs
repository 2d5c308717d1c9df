using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0006NoIndexForFilterTests
    {
        private const string Rule = RuleIds.NoIndexForFilter;

        [Fact]
        public Task ColumnWithNoIndex() => Verify.DiagnosticsAsync("""
            namespace App;
            class Running
            {
                Task<List<Deployment>> Run(AppDb db, string refName) => db.Deployments
                    .[|Where(d => d.Ref == refName && d.Status == DeploymentStatus.Running)|]
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task LaterColumnOfAnIndexOnly() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stale
            {
                int Run(AppDb db, DateTime before) => db.Deployments.[|Count(d => d.UpdatedAt <= before)|];
            }
            """, Rule);

        [Fact]
        public Task FunctionOnColumnAndLeadingWildcard() => Verify.DiagnosticsAsync("""
            namespace App;
            class Search
            {
                List<Project> ByLowerName(AppDb db, string name) => db.Projects.[|Where(p => p.Name.ToLower() == name)|].ToList();
                List<Project> Containing(AppDb db, string text) => db.Projects.[|Where(p => p.Name.Contains(text))|].ToList();
            }
            """, Rule);

        [Fact]
        public Task IndexedFiltersAreFine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Lookups
            {
                async Task Run(AppDb db, long projectId, long environmentId, string refName, long[] ids)
                {
                    var byProject = await db.Deployments.Where(d => d.ProjectId == projectId && d.Ref == refName).ToListAsync();
                    var byEnvironment = await db.Deployments.Where(d => d.EnvironmentId == environmentId).ToListAsync();
                    var byIds = await db.Deployments.Where(d => ids.Contains(d.Id)).ToListAsync();
                    var byProjectKey = await db.Environments.Where(e => e.ProjectId == projectId).ToListAsync();
                }
            }
            """, Rule);

        [Fact]
        public async Task SmallTableIsExempt()
        {
            const string Source = """
                namespace App;
                class Search
                {
                    List<Project> ByName(AppDb db, string name) => db.Projects.{|#0:Where(p => p.Name == name)|}.ToList();
                }
                """;
            await Verify.DiagnosticsAsync(Source.Replace("{|#0:", "[|", StringComparison.Ordinal).Replace("|}", "|]", StringComparison.Ordinal), Rule);
            await Verify.DiagnosticsAsync(Source.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal), Rule, new Dictionary<string, string> { ["sargable.small_tables"] = "projects" });
        }

        [Fact]
        public Task ModelConfiguredOutOfSightIsNotJudged() => new AnalyzerTest("""
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
        public Task IndexHelperInSourceIsFollowed() => new AnalyzerTest("""
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
