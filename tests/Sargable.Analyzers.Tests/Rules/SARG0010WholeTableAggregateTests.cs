using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0010WholeTableAggregateTests
    {
        private const string Rule = RuleIds.WholeTableAggregate;

        [Fact]
        public Task CountAsyncOfAWholeTable() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stats
            {
                Task<int> Run(AppDb db) => db.Deployments.[|CountAsync()|];
            }
            """, Rule);

        [Fact]
        public Task MaxAndLongCountOfAWholeTable() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stats
            {
                DateTime Newest(AppDb db) => db.Deployments.[|Max(d => d.CreatedAt)|];
                long Total(AppDb db) => db.Deployments.[|LongCount()|];
            }
            """, Rule);

        [Fact]
        public Task FilteredCountIsNotReported() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Stats
            {
                Task<int> Run(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId).CountAsync();
            }
            """, Rule);

        [Fact]
        public Task SmallTableFromEditorConfigIsNotReported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stats
            {
                int Run(AppDb db) => db.Projects.Count();
            }
            """, Rule, new Dictionary<string, string> { ["sargable.small_tables"] = "projects" });

        [Fact]
        public async Task TheDiagnosticSaysWhatTheSizeJudgementRestedOn()
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
        public async Task ExistenceComparisonsAreMarkedForTheAnyFix()
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
    }
}
