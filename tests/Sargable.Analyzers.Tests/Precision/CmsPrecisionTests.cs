using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Precision
{
    /// <summary>
    /// Issue 14's precision cases on a realistic CMS: each point has a finding that must fire and a near miss that must
    /// stay quiet. docs/precision.md keeps the table these tests prove.
    /// </summary>
    public sealed class CmsPrecisionTests
    {
        private static AnalyzerTest Cms(string markup, string ruleId, bool checkAllRules = false)
        {
            var test = new AnalyzerTest(markup, ruleId) { CheckAllRules = checkAllRules };
            test.Sources.Add(CmsModel.Source);
            return test;
        }

        [Fact]
        public Task Default_language_of_a_seeded_lookup_table_is_quiet() => Cms("""
            namespace Cms;
            class Languages
            {
                Task<Language?> Default(CmsDb db) => db.Languages.FirstOrDefaultAsync(l => l.IsDefault);
                Task<List<Language>> All(CmsDb db) => db.Languages.OrderBy(l => l.Name).ToListAsync();
            }
            """, RuleIds.NoIndexForFilter, checkAllRules: true).RunAsync();

        [Fact]
        public Task Lookup_by_an_unindexed_column_of_a_growing_table_reports_sarg0006() => Cms("""
            namespace Cms;
            class Media
            {
                MediaFile? ByName(CmsDb db, string name) => db.MediaFiles.[|FirstOrDefault(m => m.Name == name)|];
            }
            """, RuleIds.NoIndexForFilter).RunAsync();

        [Fact]
        public Task Reading_every_setting_of_a_key_value_table_is_quiet() => Cms("""
            namespace Cms;
            class SettingsCache
            {
                Task<List<Setting>> Load(CmsDb db) => db.Settings.ToListAsync();
            }
            """, RuleIds.UnboundedRead, checkAllRules: true).RunAsync();

        [Fact]
        public Task Listing_code_keyed_content_types_and_referenced_sites_is_quiet() => Cms("""
            namespace Cms;
            class Lookups
            {
                Task<List<ContentType>> Types(CmsDb db) => db.ContentTypes.OrderBy(t => t.Name).ToListAsync();
                Task<Site?> DefaultSite(CmsDb db) => db.Sites.FirstOrDefaultAsync(s => s.IsDefault);
            }
            """, RuleIds.UnboundedRead, checkAllRules: true).RunAsync();

        [Fact]
        public Task Reading_every_row_of_a_growing_table_reports_sarg0001() => Cms("""
            namespace Cms;
            class Export
            {
                Task<List<Revision>> All(CmsDb db) => db.Revisions.[|ToListAsync()|];
            }
            """, RuleIds.UnboundedRead).RunAsync();

        [Fact]
        public Task Large_tables_option_overrides_the_lookup_inference() => Cms("""
            namespace Cms;
            class Languages
            {
                Task<List<Language>> All(CmsDb db) => db.Languages.[|ToListAsync()|];
            }
            """, RuleIds.UnboundedRead).With(t => t.EditorConfig["sargable.large_tables"] = "languages").RunAsync();

        [Fact]
        public Task Registry_row_estimate_overrides_the_lookup_inference() => Cms("""
            namespace Cms;
            class Languages
            {
                Task<List<Language>> All(CmsDb db) => db.Languages.[|ToListAsync()|];
            }
            """, RuleIds.UnboundedRead).With(t => t.AdditionalFiles.Add(("/project/sargable.json", """{ "version": 1, "tables": { "languages": { "estimatedRows": 250000 } } }"""))).RunAsync();

        [Fact]
        public Task Counting_a_growing_table_for_a_statistics_page_reports_sarg0010_not_sarg0001() => Cms("""
            namespace Cms;
            class Stats
            {
                Task<int> Files(CmsDb db) => db.MediaFiles.[|CountAsync()|];
            }
            """, RuleIds.WholeTableAggregate, checkAllRules: true).RunAsync();

        [Fact]
        public Task Counting_a_lookup_table_or_a_filtered_query_is_quiet() => Cms("""
            namespace Cms;
            class Seed
            {
                bool NeedsSeed(CmsDb db) => db.Languages.Count() == 0;
                Task<int> PagesOfSite(CmsDb db, int siteId) => db.Pages.CountAsync(p => p.SiteId == siteId);
            }
            """, RuleIds.WholeTableAggregate, checkAllRules: true).RunAsync();

        [Fact]
        public Task A_top_n_list_without_skip_is_not_paging() => Cms("""
            namespace Cms;
            class History
            {
                Task<List<Revision>> Latest(CmsDb db, long pageId, int keep) =>
                    db.Revisions.Where(r => r.PageId == pageId).OrderByDescending(r => r.Created).Take(keep).ToListAsync();
            }
            """, RuleIds.NoUniqueTieBreaker, checkAllRules: true).RunAsync();

        [Fact]
        public Task A_paged_list_on_a_non_unique_order_reports_sarg0007() => Cms("""
            namespace Cms;
            class History
            {
                Task<List<Revision>> Page(CmsDb db, long pageId, int page) =>
                    db.Revisions.Where(r => r.PageId == pageId).[|OrderByDescending(r => r.Created)|].Skip(page * 20).Take(20).ToListAsync();
            }
            """, RuleIds.NoUniqueTieBreaker).RunAsync();

        [Fact]
        public Task Site_pages_ordered_by_id_are_walked_in_primary_key_order_and_report_sarg0003() => Cms("""
            namespace Cms;
            class Pages
            {
                Task<List<Page>> Recent(PageRepository pages, CmsDb db, int siteId) =>
                    db.Pages.Where(p => p.SiteId == siteId).[|OrderByDescending(p => p.Id)|].Take(20).ToListAsync();
            }
            """, RuleIds.FilterOrderMismatch).RunAsync();

        [Fact]
        public Task Site_pages_ordered_by_slug_are_served_by_the_unique_index() => Cms("""
            namespace Cms;
            class Pages
            {
                Task<List<Page>> BySlug(CmsDb db, int siteId) =>
                    db.Pages.Where(p => p.SiteId == siteId).OrderBy(p => p.Slug).Take(20).ToListAsync();
            }
            """, RuleIds.FilterOrderMismatch, checkAllRules: true).RunAsync();

        [Fact]
        public async Task Published_pages_of_a_growing_table_get_a_partial_index_not_an_index_on_the_flag()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace Cms;
                class Pages
                {
                    Task<List<Page>> Published(CmsDb db) => db.Pages.Where(p => p.IsPublished).ToListAsync();
                }
                """, new[] { CmsModel.Source });

            var message = Assert.Single(diagnostics, d => d.Id == RuleIds.NoIndexForFilter).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("add a partial index on (Id) WHERE \"IsPublished\"", message, StringComparison.Ordinal);
        }

        [Fact]
        public Task Published_pages_of_one_site_are_served_by_the_site_index() => Cms("""
            namespace Cms;
            class Pages
            {
                Task<List<Page>> Published(CmsDb db, int siteId) => db.Pages.Where(p => p.SiteId == siteId && p.IsPublished).ToListAsync();
            }
            """, RuleIds.NoIndexForFilter).RunAsync();

        [Fact]
        public Task Matching_prefiltered_revisions_against_in_memory_pairs_is_quiet() => Cms("""
            namespace Cms;
            class RevisionSync
            {
                List<Revision> Matching(CmsDb db, List<long> pageIds, List<(long PageId, DateTime Created)> pairs) => db.Revisions
                    .Where(r => pageIds.Contains(r.PageId))
                    .AsEnumerable()
                    .Where(r => pairs.Contains((r.PageId, r.Created)))
                    .ToList();
            }
            """, RuleIds.ClientSideEvaluation).RunAsync();

        [Fact]
        public Task A_plain_date_filter_after_as_enumerable_reports_sarg0009() => Cms("""
            namespace Cms;
            class RevisionSync
            {
                List<Revision> Since(CmsDb db, List<long> pageIds, DateTime since) => db.Revisions
                    .Where(r => pageIds.Contains(r.PageId))
                    .AsEnumerable()
                    .[|Where(r => r.Created > since)|]
                    .ToList();
            }
            """, RuleIds.ClientSideEvaluation).RunAsync();
    }

    internal static class AnalyzerTestSetup
    {
        /// <summary>Applies one more setting to a test built by a helper, and returns it.</summary>
        public static AnalyzerTest With(this AnalyzerTest test, System.Action<AnalyzerTest> configure)
        {
            configure(test);
            return test;
        }
    }
}
