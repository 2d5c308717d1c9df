using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0003FilterOrderMismatchTests
    {
        private const string Rule = RuleIds.FilterOrderMismatch;

        [Fact]
        public Task Range_on_one_column_ordered_by_another() => Verify.DiagnosticsAsync("""
            namespace App;
            class Sync
            {
                Task<List<Deployment>> Run(AppDb db, long projectId, long environmentId, DateTime before) => db.Deployments
                    .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt <= before)
                    .[|OrderBy(d => d.Id)|]
                    .Take(20)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task Finished_range_ordered_by_updated_at() => Verify.DiagnosticsAsync("""
            namespace App;
            class Sync
            {
                Task<List<Deployment>> Run(AppDb db, long projectId, long environmentId, DateTime from, DateTime to) => db.Deployments
                    .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.FinishedAt >= from && d.FinishedAt < to)
                    .[|OrderBy(d => d.UpdatedAt)|].ThenBy(d => d.Id)
                    .Take(100)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task Equality_prefix_skipping_an_index_column() => Verify.DiagnosticsAsync("""
            namespace App;
            class Sync
            {
                List<Deployment> Run(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .[|OrderBy(d => d.UpdatedAt)|].ThenBy(d => d.Id)
                    .Take(20)
                    .ToList();
            }
            """, Rule);

        [Theory]
        [InlineData("await db.Deployments.Where(d => d.EnvironmentId == environmentId && d.FinishedAt >= from && d.FinishedAt < to).OrderBy(d => d.FinishedAt).ThenBy(d => d.Id).Take(100).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt <= before).OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Take(20).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Iid).FirstOrDefaultAsync();")]
        public Task An_order_an_index_serves_after_the_filter_is_fine(string query) => Verify.NoDiagnosticsAsync(TestModel.InMethod("var result = " + query), Rule);

        [Fact]
        public Task An_unlimited_read_is_not_judged_on_its_order() => Verify.NoDiagnosticsAsync(
            TestModel.InMethod("var all = await db.Deployments.Where(d => d.ProjectId == projectId && d.UpdatedAt <= before).OrderBy(d => d.Id).ToListAsync();"), Rule);

        // Sites has few columns and no navigations, so it would pass for a lookup table: large_tables says it grows.
        private const string Sites = """
            namespace Web
            {
                public sealed class Site
                {
                    public long Id { get; set; }
                    public string Host { get; set; } = "";
                    public bool IsDefault { get; set; }
                }

                public sealed class WebDb : DbContext
                {
                    public DbSet<Site> Sites => Set<Site>();
                }
            }
            """;

        private static readonly Dictionary<string, string> SitesAreLarge = new() { [RuleIdFormat.ConfigKey("large_tables")] = "Sites" };

        [Fact]
        public Task A_lone_boolean_ordered_and_limited_is_reported_at_the_order() => new AnalyzerTest("""
            namespace Web;
            class Hosts
            {
                Site? Default(WebDb db) => db.Sites.Where(s => s.IsDefault).[|OrderBy(s => s.Id)|].FirstOrDefault();
            }
            """, Rule) { Sources = { Sites }, EditorConfig = { [RuleIdFormat.ConfigKey("large_tables")] = "Sites" }, CheckAllRules = true }.RunAsync();

        [Fact]
        public async Task A_lone_boolean_ordered_and_limited_suggests_a_partial_index_keyed_by_the_order()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync(
                "namespace Web; class Hosts { Site? Default(WebDb db) => db.Sites.Where(s => s.IsDefault).OrderBy(s => s.Id).FirstOrDefault(); }", new[] { Sites }, SitesAreLarge);

            var message = Assert.Single(diagnostics, d => d.Id == Rule).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("add a partial index on (Id) WHERE \"IsDefault\".", message, StringComparison.Ordinal);
            Assert.DoesNotContain("(IsDefault, Id)", message, StringComparison.Ordinal);
        }

        [Fact]
        public Task A_partial_index_on_the_boolean_keyed_by_the_order_leaves_nothing_to_report() => new AnalyzerTest("""
            namespace Web;
            class Hosts
            {
                Site? Default(WebDb db) => db.Sites.Where(s => s.IsDefault).OrderBy(s => s.Id).FirstOrDefault();
            }
            """, Rule)
        {
            Sources = { Sites.Replace("public DbSet<Site> Sites => Set<Site>();", "public DbSet<Site> Sites => Set<Site>(); protected override void OnModelCreating(ModelBuilder b) => b.Entity<Site>().HasIndex(s => s.Id).HasFilter(\"\\\"IsDefault\\\"\");", StringComparison.Ordinal) },
            EditorConfig = { [RuleIdFormat.ConfigKey("large_tables")] = "Sites" },
            CheckAllRules = true,
        }.RunAsync();
    }
}
