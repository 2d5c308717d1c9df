using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Corpus
{
    /// <summary>
    /// The analyzers over the EF corpus the core's tests capture SQL from (tests/Sargable.Core.Tests/EfCorpus): a real
    /// snake_case model and its ~70 named LINQ shapes. Each catalog entry must get exactly the rules listed here.
    /// </summary>
    public sealed class EfCorpusCatalogTests
    {
        private static readonly string[] Files = { "CorpusEntities.cs", "CorpusDbContext.cs", "SnakeCaseNames.cs", "CorpusSeed.cs", "EfQueryCatalog.cs" };

        /// <summary>Catalog entries with findings; every other entry must have none.</summary>
        private static readonly Dictionary<string, string> Expected = new()
        {
            ["environments-by-name-without-project"] = "SARG0002",
            ["environment-by-name-marker-parameter"] = "SARG0002",
            ["deployments-by-environment-name-ordered-by-iid"] = "SARG0002 SARG0003",
            ["deployments-in-environments-named-subquery"] = "SARG0002 SARG0003",
            ["production-deployments-of-project-via-navigation"] = "SARG0002",
            ["successful-deployments-ordered-by-id-take-20"] = "SARG0003",
            ["deployments-updated-before-ordered-by-id"] = "SARG0003",
            ["environment-deployments-finished-in-range-ordered-by-updated-at"] = "SARG0003",
            ["deployments-page-by-offset-variable"] = "SARG0003 SARG0008",
            ["deployments-page-by-literal-offset"] = "SARG0008",
            ["deployments-newest-first-then-by-id"] = "SARG0003",
            ["environments-ordered-by-name-without-tie-breaker"] = "SARG0003 SARG0007",
            ["long-count-all-deployments"] = "SARG0010",
            ["namespaces-path-starts-with"] = "SARG0006",
            ["environments-name-contains"] = "SARG0006",
            ["projects-name-case-insensitive"] = "SARG0006",
            ["release-environments-with-last-deployment"] = "SARG0006",
            ["whole-deployments-table-to-list"] = "SARG0001",
            ["whole-projects-table-no-tracking-sync"] = "SARG0001",
            ["latest-deployment-per-environment-n-plus-one"] = "SARG0003 SARG0004",
            ["remove-range-of-loaded-deployments"] = "SARG0005",
            ["execute-update-cancel-stale-running"] = "SARG0006",
            ["include-environment-of-deployments"] = "SARG0003",
            ["project-deployments-to-dto"] = "SARG0003",
        };

        [Fact]
        public async Task Catalog_entries_get_their_rules()
        {
            var directory = RepositoryPaths.Combine("tests", "Sargable.Core.Tests", "EfCorpus");
            var compilation = AnalyzerRunner.CompileFiles("EfCorpus", Files.Select(f => Path.Combine(directory, f)));
            var trees = compilation.SyntaxTrees.ToList();

            var diagnostics = await AnalyzerRunner.AnalyzeAsync(compilation);
            var catalog = trees.Single(t => t.FilePath.EndsWith("EfQueryCatalog.cs", StringComparison.Ordinal));
            var text = catalog.GetText();
            var entries = Regex.Matches(text.ToString(), "Add\\(\"([a-z0-9-]+)\"").Select(m => (Start: m.Index, Name: m.Groups[1].Value)).ToList();
            var actual = diagnostics
                .Where(d => d.Location.SourceTree == catalog && d.Id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal))
                .Select(d => (Entry: entries.Last(e => e.Start <= d.Location.SourceSpan.Start).Name, d.Id))
                .Distinct()
                .GroupBy(p => p.Entry)
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => p.Id).OrderBy(id => id, StringComparer.Ordinal)));
            Assert.True(entries.Count > 60, $"Only {entries.Count} catalog entries were found.");
            var differences = entries
                .Select(e => (e.Name, Expected: Expected.TryGetValue(e.Name, out var x) ? x : "-", Actual: actual.TryGetValue(e.Name, out var a) ? a : "-"))
                .Where(e => e.Expected != e.Actual)
                .Select(e => $"  {e.Name}: expected {e.Expected}, reported {e.Actual}")
                .ToList();
            Assert.True(differences.Count == 0, "Catalog findings differ:" + Environment.NewLine + string.Join(Environment.NewLine, differences));
            Assert.All(Expected.Keys, name => Assert.Contains(entries, e => e.Name == name));
        }
    }
}
