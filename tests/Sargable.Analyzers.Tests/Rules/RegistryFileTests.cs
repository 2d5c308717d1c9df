using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    /// <summary>sargable.json as an AdditionalFile: indexes the code does not declare, named as the database names them.</summary>
    public sealed class RegistryFileTests
    {
        private const string Shop = """
            namespace Shop;

            public class Product
            {
                public int Id { get; set; }
                public int TenantId { get; set; }
                public string Sku { get; set; } = "";
                public string Color { get; set; } = "";
            }

            public class ShopDb : DbContext
            {
                public DbSet<Product> Products { get; set; } = null!;
            }
            """;

        private const string Registry = """
            {
              "version": 1,
              "tables": {
                "products": {
                  "indexes": [
                    { "name": "products_pkey", "columns": ["id"], "primaryKey": true },
                    { "name": "index_products_on_tenant_id_and_sku", "columns": ["tenant_id", "sku"], "unique": true }
                  ]
                },
                "unrelated_table": { "small": true }
              }
            }
            """;

        [Fact]
        public Task Indexes_from_the_file_are_matched_by_normalized_names() => new AnalyzerTest("""
            namespace Shop;
            class Lookups
            {
                Product? BySku(ShopDb db, string sku) => db.Products.[|FirstOrDefault(p => p.Sku == sku)|];
                Product? Scoped(ShopDb db, int tenant, string sku) => db.Products.FirstOrDefault(p => p.TenantId == tenant && p.Sku == sku);
                List<Product> ByColor(ShopDb db, string color) => db.Products.{|SARG0006:Where(p => p.Color == color)|}.ToList();
                List<Product> ByTenant(ShopDb db, int tenant) => db.Products.Where(p => p.TenantId == tenant).ToList();
            }
            """, RuleIds.ScopelessLookup)
        {
            Sources = { Shop },
            AdditionalFiles = { ("/project/sargable.json", Registry) },
        }.RunAsync();

        [Fact]
        public Task Without_the_file_the_same_code_has_no_scoped_key() => new AnalyzerTest("""
            namespace Shop;
            class Lookups
            {
                Product? BySku(ShopDb db, string sku) => db.Products.{|SARG0006:FirstOrDefault(p => p.Sku == sku)|};
            }
            """, RuleIds.ScopelessLookup)
        {
            Sources = { Shop },
        }.RunAsync();

        [Fact]
        public Task Small_in_the_file_exempts_from_SARG0001() => new AnalyzerTest("""
            namespace Shop;
            class Lookups
            {
                List<Product> All(ShopDb db) => db.Products.ToList();
            }
            """, RuleIds.UnboundedRead)
        {
            Sources = { Shop },
            AdditionalFiles = { ("/project/Sargable.json", """{ "tables": { "Products": { "small": true } } }""") },
        }.RunAsync();

        [Fact]
        public async Task An_invalid_file_is_reported_on_the_file_and_the_model_still_applies()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync(
                "namespace Shop; class Lookups { List<Product> All(ShopDb db) => db.Products.ToList(); }",
                new[] { Shop },
                additionalFiles: new[] { ("/project/sargable.json", "{ \"tables\": { \"products\": { \"indexs\": [] } } }") });
            var invalid = Assert.Single(diagnostics, d => d.Id == "SARGC001");
            Assert.Equal("/project/sargable.json", invalid.Location.GetLineSpan().Path);
            Assert.Contains("unknown property 'indexs'", invalid.GetMessage(), StringComparison.Ordinal);
            Assert.Contains(diagnostics, d => d.Id == RuleIds.UnboundedRead);
        }

        [Fact]
        public Task Other_additional_files_are_ignored() => new AnalyzerTest("""
            namespace Shop;
            class Lookups
            {
                List<Product> All(ShopDb db) => db.Products.[|ToList()|];
            }
            """, RuleIds.UnboundedRead)
        {
            Sources = { Shop },
            AdditionalFiles = { ("/project/registry.json", """{ "tables": { "products": { "small": true } } }""") },
        }.RunAsync();
    }
}
