using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Meta
{
    /// <summary>Every rule is documented, listed, linked and described from the core's catalog, and reported by exactly one analyzer.</summary>
    public sealed class RuleMetadataTests
    {
        public static TheoryData<string> Rules()
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleCatalog.All)
            {
                data.Add(rule.Id);
            }

            return data;
        }

        private static IEnumerable<DiagnosticDescriptor> Supported => AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics);

        [Theory]
        [MemberData(nameof(Rules))]
        public void Rule_has_a_page_a_readme_row_and_a_resolving_help_link(string id)
        {
            var descriptor = Assert.Single(Supported, d => d.Id == id);
            Assert.Equal(RuleCatalog.HelpLink(id), descriptor.HelpLinkUri);
            Assert.StartsWith(RuleIdFormat.HelpBaseUri, descriptor.HelpLinkUri, StringComparison.Ordinal);
            var page = RepositoryPaths.Combine("docs", "rules", descriptor.HelpLinkUri.Substring(RuleIdFormat.HelpBaseUri.Length));
            Assert.True(File.Exists(page), $"{descriptor.HelpLinkUri} does not resolve to a file in docs/rules.");
            Assert.StartsWith($"# {id}: {RuleCatalog.Get(id).Title}", File.ReadAllText(page), StringComparison.Ordinal);

            var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
            var row = Regex.Match(readme, $@"^\| \[?{id}\]?.*$", RegexOptions.Multiline);
            Assert.True(row.Success, $"README.md has no rules-table row for {id}.");
            Assert.Contains(RuleCatalog.Get(id).Title, row.Value, StringComparison.Ordinal);
            Assert.Contains($"docs/rules/{id}.md", row.Value, StringComparison.Ordinal);

            var releases = File.ReadAllText(RepositoryPaths.Combine("analyzers", "Sargable.Analyzers", "AnalyzerReleases.Unshipped.md"));
            Assert.Matches($@"(?m)^{id} \| Performance \| {RuleCatalog.Get(id).DefaultSeverity} \|", releases);
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void Descriptor_comes_from_the_catalog(string id)
        {
            var rule = RuleCatalog.Get(id);
            var descriptor = Assert.Single(Supported, d => d.Id == id);
            Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Summary, descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("Performance", descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal(rule.DefaultSeverity switch { Severity.Error => DiagnosticSeverity.Error, Severity.Info => DiagnosticSeverity.Info, _ => DiagnosticSeverity.Warning }, descriptor.DefaultSeverity);
        }

        [Fact]
        public void Every_descriptor_is_a_catalog_rule_or_a_configuration_check() =>
            Assert.All(Supported, d => Assert.True(RuleCatalog.TryGet(d.Id, out _) || (d.Id.StartsWith("SARGC", StringComparison.Ordinal) && d.Category == "Configuration"), $"{d.Id} is not in RuleCatalog."));
    }

    /// <summary>How the analyzers behave as compiler extensions: nothing registered without EF, generated code skipped, concurrent.</summary>
    public sealed class AnalyzerBehaviorTests
    {
        private const string Source = """
            namespace App;
            class Export
            {
                List<Deployment> Run(AppDb db) => db.Deployments.ToList();
            }
            """;

        [Fact]
        public async Task Nothing_is_registered_when_EF_Core_is_not_referenced()
        {
            var withoutEf = AnalyzerRunner.Compile("namespace App; class Plain { int Count(List<int> xs) => xs.Where(x => x > 1).ToList().Count(); }", Array.Empty<string>(), referenceEfCore: false);
            var withEf = AnalyzerRunner.Compile(Source, new[] { TestModel.Deployments }, referenceEfCore: true);
            foreach (var analyzer in AnalyzerRunner.AllAnalyzers)
            {
                var without = await Telemetry(withoutEf, analyzer);
                Assert.Equal(0, without.SyntaxNodeActionsCount + without.SemanticModelActionsCount + without.OperationActionsCount + without.SymbolActionsCount + without.CompilationEndActionsCount);
                Assert.Equal(1, without.CompilationStartActionsCount);
                Assert.True(without.Concurrent, $"{analyzer.GetType().Name} does not enable concurrent execution.");

                var with = await Telemetry(withEf, analyzer);
                Assert.True(with.SemanticModelActionsCount > 0, $"{analyzer.GetType().Name} registered nothing although EF Core is referenced.");
            }
        }

        [Fact]
        public async Task Generated_code_is_not_analyzed()
        {
            var (_, handWritten) = await AnalyzerRunner.RunAsync(Source, new[] { TestModel.Deployments });
            Assert.Contains(handWritten, d => d.Id == RuleIds.UnboundedRead);

            var (_, generated) = await AnalyzerRunner.RunAsync("// <auto-generated/>\n" + Source, new[] { TestModel.Deployments });
            Assert.DoesNotContain(generated, d => d.Id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal));

            // A [GeneratedCode] type in a hand-written file is generated code too (the analyzer skips it itself).
            var attributed = Source.Replace("class ", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")] class ", StringComparison.Ordinal);
            Assert.NotEqual(Source, attributed);
            var (_, marked) = await AnalyzerRunner.RunAsync(attributed, new[] { TestModel.Deployments });
            Assert.DoesNotContain(marked, d => d.Id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal));
        }

        private static async Task<AnalyzerTelemetryInfo> Telemetry(Compilation compilation, DiagnosticAnalyzer analyzer)
        {
            var withAnalyzers = compilation.WithAnalyzers(
                System.Collections.Immutable.ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        }
    }
}
