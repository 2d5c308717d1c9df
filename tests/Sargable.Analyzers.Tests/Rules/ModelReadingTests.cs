using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    /// <summary>What the analyzers learn from the EF model in the compilation, seen through the rules that depend on it.</summary>
    public sealed class ModelReadingTests
    {
        private static AnalyzerTest Test(string markup, string rule, string model) => new(markup, rule) { Sources = { model } };

        [Fact]
        public Task Entity_type_configuration_and_alternate_key() => Test("""
            namespace Shop;
            class Lookups
            {
                Order? ByNumber(ShopDb db, string number) => db.Orders.[|FirstOrDefault(o => o.Number == number)|];
                Order? Scoped(ShopDb db, int customer, string number) => db.Orders.FirstOrDefault(o => o.CustomerId == customer && o.Number == number);
                List<Order> ByCustomer(ShopDb db, int customer) => db.Orders.Where(o => o.CustomerId == customer).ToList();
            }
            """, RuleIds.ScopelessLookup, """
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            namespace Shop
            {
                public class Order
                {
                    public int OrderKey { get; set; }
                    public int CustomerId { get; set; }
                    public string Number { get; set; } = "";
                }

                public class ShopDb : DbContext
                {
                    public DbSet<Order> Orders { get; set; } = null!;
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopDb).Assembly);
                }

                public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
                {
                    public void Configure(EntityTypeBuilder<Order> builder)
                    {
                        builder.HasKey(o => o.OrderKey);
                        builder.HasAlternateKey(o => new { o.CustomerId, o.Number });
                    }
                }
            }
            """).RunAsync();

        [Fact]
        public Task Primary_key_attribute_and_key_attribute() => Test("""
            namespace Shop;
            class Lookups
            {
                List<Line> Page(ShopDb db, int order) => db.Lines.Where(l => l.OrderId == order).OrderBy(l => l.Position).Skip(20).Take(20).ToList();
                List<Tag> Tags(ShopDb db) => db.Tags.[|OrderBy(t => t.Label)|].Skip(20).Take(20).ToList();
                List<Tag> TagsByCode(ShopDb db) => db.Tags.OrderBy(t => t.Code).Skip(20).Take(20).ToList();
            }
            """, RuleIds.NoUniqueTieBreaker, """
            using System.ComponentModel.DataAnnotations;
            namespace Shop
            {
                [PrimaryKey(nameof(OrderId), nameof(Position))]
                public class Line
                {
                    public int OrderId { get; set; }
                    public int Position { get; set; }
                }

                public class Tag
                {
                    [Key]
                    public string Code { get; set; } = "";
                    public string Label { get; set; } = "";
                }

                public class ShopDb : DbContext
                {
                    public DbSet<Line> Lines { get; set; } = null!;
                    public DbSet<Tag> Tags { get; set; } = null!;
                }
            }
            """).RunAsync();

        [Fact]
        public Task Foreign_key_convention_indexes() => Test("""
            namespace Blog;
            class Queries
            {
                List<Post> OfBlog(BlogDb db, int blogId) => db.Posts.Where(p => p.BlogId == blogId).ToList();
                List<Post> OfAuthor(BlogDb db, int authorId) => db.Posts.Where(p => p.AuthorRef == authorId).ToList();
                List<Post> ByTitle(BlogDb db, string title) => db.Posts.[|Where(p => p.Title == title)|].ToList();
            }
            """, RuleIds.NoIndexForFilter, """
            using System.ComponentModel.DataAnnotations.Schema;
            namespace Blog
            {
                public class Blog
                {
                    public int BlogId { get; set; }
                    public List<Post> Posts { get; } = new();
                }

                public class Author
                {
                    public int Id { get; set; }
                }

                public class Post
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public int BlogId { get; set; }
                    public int AuthorRef { get; set; }
                    [ForeignKey(nameof(AuthorRef))]
                    public Author Author { get; set; } = null!;
                }

                public class BlogDb : DbContext
                {
                    public DbSet<Blog> Blogs { get; set; } = null!;
                    public DbSet<Post> Posts { get; set; } = null!;
                }
            }
            """).RunAsync();

        [Fact]
        public Task DbContext_from_another_assembly_is_not_judged_on_indexes() => new AnalyzerTest("""
            namespace App;
            class Queries
            {
                List<Shop.Product> ByColor(Shop.ShopDb db, string color) => db.Products.Where(p => p.Color == color).ToList();
                List<Shop.Product> All(Shop.ShopDb db) => db.Products.{|SARG0001:ToList()|};
            }
            """, RuleIds.NoIndexForFilter)
        {
            Sources = { },
            References =
            {
                AnalyzerRunner.CompileLibrary("""
                    namespace Shop
                    {
                        public class Product { public int Id { get; set; } public string Color { get; set; } = ""; }
                        public class ShopDb : DbContext
                        {
                            public DbSet<Product> Products { get; set; } = null!;
                            protected override void OnModelCreating(ModelBuilder b) => b.Entity<Product>().HasIndex(p => p.Color);
                        }
                    }
                    """),
            },
        }.RunAsync();
    }
}
