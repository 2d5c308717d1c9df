using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sargable.Analyzers;

namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// The same twins and references under Sargable's Roslyn analyzers, compiled from their source files against the
    /// real Sargable.Deployments and EF Core assemblies: the row-by-row delete, which no runtime check sees as such, is
    /// SARG0005 while coding; the loops are SARG0004 and the OFFSET batches SARG0008, as at run time.
    /// </summary>
    public sealed class AnalyzerTests
    {
        private static readonly Lazy<Task<ImmutableArray<Diagnostic>>> Twins = new(() => AnalyzeAsync("benchmarks/Sargable.Benchmarks/Deployments/NaiveTwins.cs"));

        public static TheoryData<string, string> TwinRules => new()
        {
            { nameof(Benchmarks.Deployments.NaiveTwins.DeleteOlderThanRowByRowAsync), RuleIds.RowByRowWrite },
            { nameof(Benchmarks.Deployments.NaiveTwins.DeleteOlderThanOneByOneAsync), RuleIds.QueryInLoop },
            { nameof(Benchmarks.Deployments.NaiveTwins.DescendantsLevelByLevelAsync), RuleIds.QueryInLoop },
            { nameof(Benchmarks.Deployments.NaiveTwins.BackfillFinishedAtWithOffsetAsync), RuleIds.LargeOffset },
            { nameof(Benchmarks.Deployments.NaiveTwins.LatestDeploysLoopAsync), RuleIds.QueryInLoop },
            { nameof(Benchmarks.Deployments.NaiveTwins.EnvironmentsStatusLoopAsync), RuleIds.QueryInLoop },
            { nameof(Benchmarks.Deployments.NaiveTwins.SuccessfulCountsLoopAsync), RuleIds.QueryInLoop },
        };

        [Theory]
        [MemberData(nameof(TwinRules))]
        public async Task A_naive_twin_is_reported_by_the_analyzer(string method, string ruleId)
        {
            var diagnostics = await Twins.Value;

            Assert.True(diagnostics.Any(d => d.Id == ruleId && Enclosing(d) == method), string.Join(Environment.NewLine, diagnostics.Select(d => Enclosing(d) + ": " + d)));
        }

        private static string? Enclosing(Diagnostic diagnostic)
        {
            var root = diagnostic.Location.SourceTree!.GetRoot();
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            return node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.Text;
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] files)
        {
            var root = Sargable.Testing.RepositoryPaths.Root;
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(root, f)), new CSharpParseOptions(LanguageVersion.Latest), path: f)).ToList();
            trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;"));
            var compilation = CSharpCompilation.Create(
                "Twins",
                trees,
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The twins do not compile here: " + string.Join(Environment.NewLine, errors));
            var analyzed = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SargableAnalyzer()));
            return (await analyzed.GetAnalyzerDiagnosticsAsync()).Where(d => d.Id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal)).ToImmutableArray();
        }

        private static IEnumerable<MetadataReference> References()
        {
            var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
            paths.Add(typeof(DeploymentsDbContext).Assembly.Location);
            paths.Add(typeof(SargableScope).Assembly.Location);
            paths.Add(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location);
            paths.Add(typeof(Microsoft.EntityFrameworkCore.RelationalQueryableExtensions).Assembly.Location);
            return paths.Distinct(StringComparer.Ordinal).Where(File.Exists).Select(p => MetadataReference.CreateFromFile(p));
        }
    }
}
