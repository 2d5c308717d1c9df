using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0010WholeTableAggregateTests
    {
        private const string Rule = RuleIds.WholeTableAggregate;

        [Fact]
        public Task CountAsync_of_a_whole_table_is_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stats
            {
                Task<int> Run(AppDb db) => db.Deployments.[|CountAsync()|];
            }
            """, Rule);

        [Fact]
        public Task Max_and_LongCount_of_a_whole_table_are_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stats
            {
                DateTime Newest(AppDb db) => db.Deployments.[|Max(d => d.CreatedAt)|];
                long Total(AppDb db) => db.Deployments.[|LongCount()|];
            }
            """, Rule);

        [Fact]
        public Task A_filtered_count_is_not_reported() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Stats
            {
                Task<int> Run(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId).CountAsync();
            }
            """, Rule);

        [Fact]
        public Task A_small_table_from_editorconfig_is_not_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stats
            {
                int Run(AppDb db) => db.Projects.Count();
            }
            """, Rule, new Dictionary<string, string> { ["sargable.small_tables"] = "projects" });

        [Fact]
        public async Task The_diagnostic_says_what_the_size_judgement_rested_on()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App;
                class Stats
                {
                    Task<int> Run(AppDb db) => db.Deployments.CountAsync();
                }
                """, new[] { TestModel.Deployments });

            var diagnostic = Assert.Single(diagnostics, d => d.Id == Rule);
            Assert.Equal("Unknown", diagnostic.Properties["Sargable.SizeBasis"]);
            Assert.Equal("size unknown, treated as large", diagnostic.Properties["Sargable.SizeKnowledge"]);
        }

        [Fact]
        public async Task Existence_comparisons_are_marked_for_the_Any_fix()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App;
                class Seed
                {
                    async Task<bool> Empty(AppDb db) => await db.Deployments.CountAsync() == 0;
                    bool Some(AppDb db) => db.Deployments.Count() >= 1;
                    int Total(AppDb db) => db.Deployments.Count();
                }
                """, new[] { TestModel.Deployments });

            var marks = diagnostics.Where(d => d.Id == Rule).OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => d.Properties.TryGetValue("Sargable.Existence", out var v) ? v : null).ToList();
            Assert.Equal(new[] { "none", "any", null }, marks);
        }

        [Fact]
        public Task A_count_composed_across_statements_is_reported_only_when_no_path_filters_it() => Verify.DiagnosticsAsync("""
            namespace App;
            public sealed class DeploymentStats(AppDb db)
            {
                public Task<int> TotalAsync(bool includeProject)
                {
                    var query = db.Deployments.AsNoTracking();
                    if (includeProject)
                    {
                        query = query.Include(d => d.Project);
                    }

                    return query.[|CountAsync()|];
                }

                // One path filters: the count may be of one project only.
                public Task<int> CountInProjectAsync(long? projectId)
                {
                    var query = db.Deployments.AsNoTracking();
                    if (projectId is not null)
                    {
                        query = query.Where(d => d.ProjectId == projectId);
                    }

                    return query.CountAsync();
                }
            }
            """, Rule);
    }
}
