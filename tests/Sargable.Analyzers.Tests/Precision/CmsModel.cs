namespace Sargable.Analyzers.Tests.Precision
{
    /// <summary>
    /// A small CMS as real apps write it: lookup tables (languages seeded with HasData, content types keyed by a code,
    /// key/value settings, sites referenced by pages), growing tables (pages, revisions, media files) and a repository.
    /// Indexes: pages (SiteId, Slug) unique, revisions (PageId, Created).
    /// </summary>
    public static class CmsModel
    {
        public const string Source = """
            namespace Cms
            {
                public sealed class Language
                {
                    public int Id { get; set; }
                    public string Culture { get; set; } = "";
                    public string Name { get; set; } = "";
                    public bool IsDefault { get; set; }
                }

                public sealed class ContentType
                {
                    public string Code { get; set; } = "";
                    public string Name { get; set; } = "";
                }

                public sealed class Setting
                {
                    public int Id { get; set; }
                    public string Key { get; set; } = "";
                    public string Value { get; set; } = "";
                }

                public sealed class Site
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public bool IsDefault { get; set; }
                    public int LanguageId { get; set; }
                    public Language Language { get; set; } = null!;
                }

                public sealed class Page
                {
                    public long Id { get; set; }
                    public int SiteId { get; set; }
                    public Site Site { get; set; } = null!;
                    public string ContentTypeCode { get; set; } = "";
                    public ContentType ContentType { get; set; } = null!;
                    public string Slug { get; set; } = "";
                    public string Title { get; set; } = "";
                    public bool IsPublished { get; set; }
                    public DateTime Created { get; set; }
                    public List<Revision> Revisions { get; } = new();
                }

                public sealed class Revision
                {
                    public long Id { get; set; }
                    public long PageId { get; set; }
                    public Page Page { get; set; } = null!;
                    public DateTime Created { get; set; }
                    public string Body { get; set; } = "";
                }

                public sealed class MediaFile
                {
                    public long Id { get; set; }
                    public string Name { get; set; } = "";
                    public long Size { get; set; }
                    public DateTime Uploaded { get; set; }
                }

                public sealed class CmsDb : DbContext
                {
                    public DbSet<Language> Languages => Set<Language>();
                    public DbSet<ContentType> ContentTypes => Set<ContentType>();
                    public DbSet<Setting> Settings => Set<Setting>();
                    public DbSet<Site> Sites => Set<Site>();
                    public DbSet<Page> Pages => Set<Page>();
                    public DbSet<Revision> Revisions => Set<Revision>();
                    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Language>().HasData(new Language { Id = 1, Culture = "en-US", Name = "English", IsDefault = true });
                        modelBuilder.Entity<ContentType>().HasKey(t => t.Code);
                        modelBuilder.Entity<Setting>().HasIndex(s => s.Key).IsUnique();
                        modelBuilder.Entity<Page>(page =>
                        {
                            page.HasOne(p => p.Site).WithMany().HasForeignKey(p => p.SiteId);
                            page.HasOne(p => p.ContentType).WithMany().HasForeignKey(p => p.ContentTypeCode);
                            page.HasIndex(p => new { p.SiteId, p.Slug }).IsUnique();
                        });
                        modelBuilder.Entity<Revision>(revision =>
                        {
                            revision.HasOne(r => r.Page).WithMany(p => p.Revisions).HasForeignKey(r => r.PageId);
                            revision.HasIndex(r => new { r.PageId, r.Created });
                        });
                    }
                }

                /// <summary>The repository the application's services go through.</summary>
                public sealed class PageRepository
                {
                    private readonly CmsDb db;

                    public PageRepository(CmsDb db) => this.db = db;

                    public IQueryable<Page> OfSite(int siteId) => db.Pages.Where(p => p.SiteId == siteId);
                }
            }
            """;
    }
}
