using Microsoft.CodeAnalysis;
using Sargable.Analyzers.Tests.Verifiers;
using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Generated
{
    /// <summary>Every analyzer over the benchmark's generated ~500-file EF project: no exception (AD0001), every rule found.</summary>
    public sealed class GeneratedProjectTests
    {
        [Fact]
        public async Task All_analyzers_run_over_the_generated_project_without_analyzer_exceptions()
        {
            var sources = GeneratedEfProject.Sources(500);
            Assert.Equal(500, sources.Count);
            var compilation = GeneratedEfProject.Compile(GeneratedEfProject.Parse(sources), TestReferences.WithEfCore);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

            // AnalyzeAsync fails on any AD0001 or analyzer exception.
            var diagnostics = await AnalyzerRunner.AnalyzeAsync(compilation);

            var found = diagnostics.Select(d => d.Id).Where(id => id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal)).Distinct().OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal), found);

            // The well-shaped methods every service has stay silent: findings come only from the planted slow shapes.
            Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree!.FilePath.EndsWith("Service0.cs", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Every_planted_repository_call_in_a_loop_is_found_and_nothing_else()
        {
            var sources = GeneratedRepositoryProject.Sources(500);
            Assert.Equal(500, sources.Count);
            var compilation = GeneratedEfProject.Compile(GeneratedEfProject.Parse(sources), TestReferences.WithEfCore);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

            var diagnostics = (await AnalyzerRunner.AnalyzeAsync(compilation))
                .Where(d => d.Id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal))
                .ToList();

            // The planted N+1 calls behind the unit of work's repositories, each at MatchAllAsync's call; nothing in the
            // repositories (well indexed), the preloaded twins or the loops that call a repository method that does not query.
            Assert.All(diagnostics, d => Assert.Equal(RuleIds.QueryInLoop, d.Id));
            Assert.All(diagnostics, d => Assert.Contains("IEntity", d.GetMessage(), StringComparison.Ordinal));
            Assert.Equal(GeneratedRepositoryProject.PlantedRepositoryCalls(500), diagnostics.Count);
        }
    }
}
