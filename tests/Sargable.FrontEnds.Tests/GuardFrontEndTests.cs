using Microsoft.EntityFrameworkCore;
using Sargable.Testing;

namespace Sargable.FrontEnds.Tests
{
    /// <summary>The EF Core guard reads <c>TagWith(text)</c> on an executed query on PostgreSQL like the analyzers and check-sql.</summary>
    public sealed class GuardFrontEndTests : IClassFixture<PostgresDatabase>
    {
        private readonly PostgresDatabase database;

        public GuardFrontEndTests(PostgresDatabase database)
        {
            this.database = database;
        }

        [Theory]
        [MemberData(nameof(AllowCommentCases.All), MemberType = typeof(AllowCommentCases))]
        public async Task The_guard_reports_the_rules_a_tag_leaves_standing(string tag, string[] expected)
        {
            var options = new DbContextOptionsBuilder<ReportsDb>()
                .UseNpgsql(database.ConnectionString)
                .UseSargable(guard => guard.Mode(SargableMode.Throw))
                .Options;
            await using var db = new ReportsDb(options);
            await db.Database.EnsureCreatedAsync();
            var projectId = 1L;
            var before = DateTime.UtcNow;
            var query = db.Deployments.AsQueryable();
            if (tag.Length > 0)
            {
                query = query.TagWith(tag);
            }

            string[] reported;
            try
            {
                await query.Where(d => d.ProjectId == projectId && d.UpdatedAt <= before).OrderBy(d => d.CreatedAt).Skip(20).Take(20).ToListAsync();
                reported = Array.Empty<string>();
            }
            catch (InefficientQueryError error)
            {
                reported = error.Findings.Select(f => f.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
            }

            Assert.Equal(expected, reported);
        }

        /// <summary>The deployments of the shared cases, with the one index that serves the filter but not the order.</summary>
        public sealed class ReportsDb : DbContext
        {
            public ReportsDb(DbContextOptions<ReportsDb> options)
                : base(options)
            {
            }

            public DbSet<ReportDeployment> Deployments => Set<ReportDeployment>();

            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<ReportDeployment>().HasIndex(d => new { d.ProjectId, d.UpdatedAt });
        }

        /// <summary>One deployment row.</summary>
        public sealed class ReportDeployment
        {
            public long Id { get; set; }

            public long ProjectId { get; set; }

            public DateTime UpdatedAt { get; set; }

            public DateTime CreatedAt { get; set; }
        }
    }
}
