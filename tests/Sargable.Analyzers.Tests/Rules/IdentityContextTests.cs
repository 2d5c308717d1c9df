using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    /// <summary>
    /// The index rules (SARG0002/3/6/7) on an application written the usual way: an <c>ApplicationDbContext</c> on ASP.NET
    /// Core Identity's real <c>IdentityDbContext&lt;TUser&gt;</c> (read from metadata: its <c>OnModelCreating</c>
    /// configures the Identity tables out of sight) beside a plain <c>CatalogDbContext</c>, queried from repositories.
    /// What the derived context configures itself is judged; only what the Identity base alone configures is not.
    /// </summary>
    public sealed class IdentityContextTests
    {
        /// <summary>The application's model: both contexts, their entities and configurations.</summary>
        private const string Model = """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;

            namespace Shop.Data
            {
                public class ApplicationUser : IdentityUser
                {
                    public string DisplayName { get; set; } = "";
                    public List<Order> Orders { get; } = new();
                }

                public class Order
                {
                    public long Id { get; set; }
                    public string CustomerId { get; set; } = "";
                    public ApplicationUser Customer { get; set; } = null!;
                    public int Status { get; set; }
                    public DateTime CreatedAt { get; set; }
                    public decimal Total { get; set; }
                }

                public class Invoice
                {
                    public long Id { get; set; }
                    public long TenantId { get; set; }
                    public string Number { get; set; } = "";
                    public DateTime IssuedAt { get; set; }
                }

                public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
                {
                    public void Configure(EntityTypeBuilder<Invoice> builder)
                    {
                        builder.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
                        builder.HasIndex(i => new { i.TenantId, i.IssuedAt });
                    }
                }

                public class ApplicationDbContext : IdentityDbContext<ApplicationUser>
                {
                    public ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : base(options) { }

                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Invoice> Invoices => Set<Invoice>();

                    protected override void OnModelCreating(ModelBuilder builder)
                    {
                        base.OnModelCreating(builder);
                        builder.Entity<Order>().HasIndex(o => new { o.CustomerId, o.CreatedAt });
                        builder.ApplyConfiguration(new InvoiceConfiguration());
                    }
                }

                public class Product
                {
                    public int Id { get; set; }
                    public int CategoryId { get; set; }
                    public string Slug { get; set; } = "";
                    public string Color { get; set; } = "";
                    public decimal Price { get; set; }
                }

                public class CatalogDbContext : DbContext
                {
                    public CatalogDbContext(DbContextOptions<CatalogDbContext> options) : base(options) { }

                    public DbSet<Product> Products => Set<Product>();

                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Product>().HasIndex(p => new { p.CategoryId, p.Slug }).IsUnique();
                        modelBuilder.Entity<Product>().HasIndex(p => new { p.CategoryId, p.Price });
                    }
                }
            }
            """;

        [Fact]
        public Task Unindexed_filters_are_reported_on_the_identity_context_and_on_the_plain_context() => new AnalyzerTest("""
            using Shop.Data;
            namespace Shop.Services;
            sealed class OrderRepository(ApplicationDbContext db)
            {
                public Task<List<Order>> OfCustomerAsync(string customerId) => db.Orders.Where(o => o.CustomerId == customerId).Take(50).ToListAsync();
                public Task<List<Order>> InStatusAsync(int status) => db.Orders.[|Where(o => o.Status == status)|].Take(50).ToListAsync();
            }

            sealed class ProductRepository(CatalogDbContext catalog)
            {
                public Task<List<Product>> InCategoryAsync(int categoryId) => catalog.Products.Where(p => p.CategoryId == categoryId).Take(50).ToListAsync();
                public Task<List<Product>> InColorAsync(string color) => catalog.Products.[|Where(p => p.Color == color)|].Take(50).ToListAsync();
            }
            """, RuleIds.NoIndexForFilter) { Sources = { Model } }.RunAsync();

        [Fact]
        public Task Lookups_by_a_column_unique_only_within_a_scope_are_reported_on_both_contexts() => new AnalyzerTest("""
            using Shop.Data;
            namespace Shop.Services;
            sealed class InvoiceService(ApplicationDbContext db, CatalogDbContext catalog)
            {
                public Task<Invoice?> InTenantAsync(long tenantId, string number) => db.Invoices.FirstOrDefaultAsync(i => i.TenantId == tenantId && i.Number == number);
                public Task<Invoice?> ByNumberAsync(string number) => db.Invoices.[|FirstOrDefaultAsync(i => i.Number == number)|];
                public Task<Product?> BySlugAsync(string slug) => catalog.Products.[|FirstOrDefaultAsync(p => p.Slug == slug)|];
            }
            """, RuleIds.ScopelessLookup) { Sources = { Model } }.RunAsync();

        [Fact]
        public Task A_range_ordered_by_another_column_is_reported_on_both_contexts() => new AnalyzerTest("""
            using Shop.Data;
            namespace Shop.Services;
            sealed class Reports(ApplicationDbContext db, CatalogDbContext catalog)
            {
                public Task<List<Order>> RecentAsync(string customerId, DateTime since) =>
                    db.Orders.Where(o => o.CustomerId == customerId && o.CreatedAt >= since).[|OrderBy(o => o.Total)|].Take(20).ToListAsync();

                public Task<List<Invoice>> IssuedAsync(long tenantId, DateTime since) =>
                    db.Invoices.Where(i => i.TenantId == tenantId && i.IssuedAt >= since).[|OrderBy(i => i.Number)|].Take(20).ToListAsync();

                public Task<List<Product>> CheapAsync(int categoryId, decimal max) =>
                    catalog.Products.Where(p => p.CategoryId == categoryId && p.Price <= max).[|OrderBy(p => p.Slug)|].Take(20).ToListAsync();
            }
            """, RuleIds.FilterOrderMismatch) { Sources = { Model } }.RunAsync();

        [Fact]
        public Task Paging_by_a_column_that_is_not_unique_is_reported_on_both_contexts() => new AnalyzerTest("""
            using Shop.Data;
            namespace Shop.Services;
            sealed class Pages(ApplicationDbContext db, CatalogDbContext catalog)
            {
                public Task<List<Order>> OrdersAsync(string customerId) =>
                    db.Orders.Where(o => o.CustomerId == customerId).[|OrderByDescending(o => o.CreatedAt)|].Skip(20).Take(20).ToListAsync();

                public Task<List<Product>> ProductsAsync(int categoryId) =>
                    catalog.Products.Where(p => p.CategoryId == categoryId).[|OrderBy(p => p.Price)|].Skip(20).Take(20).ToListAsync();
            }
            """, RuleIds.NoUniqueTieBreaker) { Sources = { Model } }.RunAsync();

        [Fact]
        public Task What_only_the_identity_base_configures_is_not_judged() => new AnalyzerTest("""
            using Microsoft.AspNetCore.Identity;
            using Shop.Data;
            namespace Shop.Services;
            sealed class Accounts(ApplicationDbContext db)
            {
                // Identity indexes NormalizedUserName and NormalizedEmail in its own OnModelCreating, out of sight.
                public Task<ApplicationUser?> ByUserNameAsync(string normalized) => db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized);
                public Task<ApplicationUser?> ByEmailAsync(string normalized) => db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
                public Task<IdentityRole?> RoleAsync(string normalized) => db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized);
                public Task<List<IdentityUserClaim<string>>> ClaimsAsync(string userId) => db.UserClaims.Where(c => c.UserId == userId).Take(50).ToListAsync();
            }
            """, RuleIds.NoIndexForFilter) { Sources = { Model }, CheckAllRules = true }.RunAsync();

        [Fact]
        public Task A_context_configured_out_of_sight_does_not_silence_the_identity_context() => new AnalyzerTest("""
            using Shop.Data;
            namespace Shop.Legacy
            {
                public class Ticket
                {
                    public long Id { get; set; }
                    public string Subject { get; set; } = "";
                }

                public class LegacyDbContext : DbContext
                {
                    public DbSet<Ticket> Tickets => Set<Ticket>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => Conventions.Apply(modelBuilder);
                }

                sealed class Support(LegacyDbContext legacy, ApplicationDbContext db)
                {
                    public Task<Ticket?> BySubjectAsync(string subject) => legacy.Tickets.FirstOrDefaultAsync(t => t.Subject == subject);
                    public Task<List<Order>> InStatusAsync(int status) => db.Orders.[|Where(o => o.Status == status)|].Take(50).ToListAsync();
                }
            }
            """, RuleIds.NoIndexForFilter)
        {
            Sources = { Model },
            References = { AnalyzerRunner.CompileLibrary("namespace Shop.Legacy { public static class Conventions { public static void Apply(ModelBuilder b) { } } }") },
        }.RunAsync();
    }
}
