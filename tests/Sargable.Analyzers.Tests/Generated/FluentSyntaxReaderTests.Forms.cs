namespace Sargable.Analyzers.Tests.Generated
{
    /// <summary>The fluent forms the syntax reader reads, and the near misses it must leave to binding.</summary>
    public sealed partial class FluentSyntaxReaderTests
    {
        public static TheoryData<string, string, bool> Forms() => new()
        {
            {
                "tables, keys and indexes", """
                modelBuilder.Entity<Blog>(b =>
                {
                    b.ToTable("blogs", "content");
                    b.HasKey(e => e.Id).HasName("pk_blogs");
                    b.HasAlternateKey(e => new { e.TenantId, e.Name });
                    b.HasIndex(e => new { e.TenantId, e.CreatedAt }).IsUnique().HasFilter("\"IsDefault\"").HasDatabaseName("ix_blogs_tenant");
                    b.HasIndex(e => e.Name, "ix_name").IsUnique(false);
                    b.HasIndex("Status", "CreatedAt");
                });
                """, true
            },
            {
                "relationships both ways", """
                modelBuilder.Entity<Post>(b =>
                {
                    b.HasOne(p => p.Blog).WithMany(bl => bl.Posts).HasForeignKey(p => p.BlogKey).OnDelete(DeleteBehavior.Cascade);
                    b.HasOne(p => p.Author).WithMany().HasForeignKey("AuthorId").IsRequired(false);
                });
                modelBuilder.Entity<Author>().HasMany(a => a.Posts).WithOne(p => p.Author).HasForeignKey(p => p.WriterId);
                modelBuilder.Entity<Comment>().HasOne(c => c.Post).WithMany(p => p.Comments).HasForeignKey(c => new { c.PostId });
                """, true
            },
            {
                "property columns and conversions", """
                modelBuilder.Entity<Post>(b =>
                {
                    b.Property(p => p.Title).HasMaxLength(200).IsRequired().HasColumnName("post_title");
                    b.Property(p => p.Status).HasConversion<string>();
                    b.Property<string>("Slug").HasColumnName("slug");
                });
                modelBuilder.Entity<Blog>().Property(x => x.Status).HasConversion<int>();
                modelBuilder.Entity<Author>().Property(a => a.Level).HasConversion(v => v.ToString(), v => Enum.Parse<Status>(v));
                modelBuilder.Entity<Comment>().Property(c => c.Status).HasConversion(new EnumToStringConverter<Status>());
                """, true
            },
            {
                "seeded lookup, keyless view, filters and the base call", """
                base.OnModelCreating(modelBuilder);
                modelBuilder.HasDefaultSchema("app");
                modelBuilder.Entity<Setting>(b =>
                {
                    b.HasKey(s => s.Key);
                    b.HasData(new Setting { Key = "theme", Value = "dark" }, new Setting { Key = "lang", Value = "en" });
                });
                modelBuilder.Entity<Report>().HasNoKey().ToTable("reports");
                modelBuilder.Entity<Post>(b => b.HasQueryFilter(p => p.Status != Status.Closed && p.BlogId != hiddenBlog));
                """, true
            },
            { "a helper given the entity builder", "ModelHelpers.ConfigureAudit(modelBuilder.Entity<Comment>());", false },
            { "a helper inside the entity lambda", "modelBuilder.Entity<Comment>(b => ModelHelpers.ConfigureAudit(b));", false },
            { "a method group", "modelBuilder.Entity<Blog>(ConfigureBlog);", false },
            { "a builder kept in a local", "var blog = modelBuilder.Entity<Blog>(); blog.HasIndex(b => b.Name);", false },
            { "a table name in a constant", "modelBuilder.Entity<Blog>().ToTable(TableNames.Blogs);", false },
            { "names from nameof", "modelBuilder.Entity<Blog>().HasIndex(nameof(Blog.Name));", false },
            { "a descending index", "modelBuilder.Entity<Blog>().HasIndex(b => b.CreatedAt).IsDescending();", false },
            { "a call the reader does not follow, last", "modelBuilder.Entity<Blog>().HasIndex(b => b.Name).IsUnique().HasAnnotation(\"Tag\", 1);", true },
            { "a call after one the reader does not follow", "modelBuilder.Entity<Blog>().HasIndex(b => b.Name).HasAnnotation(\"Tag\", 1).IsUnique();", false },
            { "a call the reader does not know, then a meaningful one", "modelBuilder.Entity<Post>().Property(p => p.Title).HasUnitLength(200).HasColumnName(\"t\");", false },
            { "a name the source declares too", "modelBuilder.Entity<Post>().Property(p => p.Title).IsUnicode().HasColumnName(\"t\");", false },
            { "a one-to-one relationship", "modelBuilder.Entity<Author>().HasOne(a => a.Profile).WithOne(p => p.Author).HasForeignKey<Profile>(p => p.AuthorId);", false },
            { "a table builder", "modelBuilder.Entity<Blog>().ToTable(\"blogs\", t => t.HasComment(\"blogs\"));", false },
            { "a statement lambda in the seed", "modelBuilder.Entity<Setting>().HasData(Enumerable.Range(1, 2).Select(i => { return new Setting { Key = i.ToString(), Value = \"\" }; }));", false },
            { "this in a filter", "modelBuilder.Entity<Post>().HasQueryFilter(p => p.BlogId != this.hiddenBlog);", false },
            { "an owned type", "modelBuilder.Entity<Blog>().OwnsOne(b => b.Address, a => a.HasIndex(x => x.City));", false },
        };

        private static string FormModel(string onModelCreating) => $$"""
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

            namespace Forms
            {
                public enum Status { Open, Closed }

                public static class TableNames
                {
                    public const string Blogs = "blogs";
                }

                public class Address
                {
                    public string City { get; set; } = "";
                }

                public class Blog
                {
                    public int Id { get; set; }
                    public int TenantId { get; set; }
                    public string Name { get; set; } = "";
                    public Status Status { get; set; }
                    public DateTime CreatedAt { get; set; }
                    public Address Address { get; set; } = new();
                    public List<Post> Posts { get; } = new();
                }

                public class Post
                {
                    public int Id { get; set; }
                    public int BlogId { get; set; }
                    public int BlogKey { get; set; }
                    public Blog Blog { get; set; } = null!;
                    public int? AuthorId { get; set; }
                    public int? WriterId { get; set; }
                    public Author? Author { get; set; }
                    public string Title { get; set; } = "";
                    public Status Status { get; set; }
                    public List<Comment> Comments { get; } = new();
                }

                public class Author
                {
                    public int Id { get; set; }
                    public Status Level { get; set; }
                    public Profile? Profile { get; set; }
                    public List<Post> Posts { get; } = new();
                }

                public class Profile
                {
                    public int Id { get; set; }
                    public int AuthorId { get; set; }
                    public Author Author { get; set; } = null!;
                }

                public abstract class Audited
                {
                    public DateTime CreatedAt { get; set; }
                }

                public class Comment : Audited
                {
                    public int Id { get; set; }
                    public int PostId { get; set; }
                    public Post Post { get; set; } = null!;
                    public Status Status { get; set; }
                }

                public class Setting
                {
                    public string Key { get; set; } = "";
                    public string Value { get; set; } = "";
                }

                public class Report
                {
                    public string Title { get; set; } = "";
                    public int Count { get; set; }
                }

                public static class ModelHelpers
                {
                    public static void ConfigureAudit<T>(EntityTypeBuilder<T> builder) where T : Audited => builder.HasIndex(e => e.CreatedAt);

                    public static PropertyBuilder<string> HasUnitLength(this PropertyBuilder<string> property, int length) => property.HasMaxLength(length);

                    public static PropertyBuilder<string> IsUnicode(this PropertyBuilder<string> property, string culture) => property.HasComment(culture);
                }

                public class FormsDb : DbContext
                {
                    private readonly int hiddenBlog = 0;

                    public DbSet<Blog> Blogs => Set<Blog>();
                    public DbSet<Post> Posts => Set<Post>();
                    public DbSet<Author> Authors => Set<Author>();
                    public DbSet<Comment> Comments => Set<Comment>();
                    public DbSet<Setting> Settings => Set<Setting>();
                    public DbSet<Report> Reports => Set<Report>();

                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        {{onModelCreating}}
                    }

                    private static void ConfigureBlog(EntityTypeBuilder<Blog> blog) => blog.HasIndex(b => b.Name).IsUnique();
                }
            }
            """;
    }
}
