using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Query;
using Sargable.Analyzers.Tests.Verifiers;
using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Generated
{
    /// <summary>
    /// The syntax-only reader may only ever skip binding when the engine would find nothing: wherever it reads a query,
    /// the engine must say exactly the same about its shape as about the binding reader's shape.
    /// </summary>
    public sealed class SyntaxShapeReaderTests
    {
        [Fact]
        public void Syntax_shapes_get_the_same_findings_as_bound_shapes()
        {
            var sources = GeneratedEfProject.Sources(500).Select(s => s.Text)
                .Concat(Directory.EnumerateFiles(RepositoryPaths.Combine("samples", "Sargable.Samples.AntiPatterns"), "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                    .Select(File.ReadAllText));
            var compared = 0;
            var withFindings = 0;
            foreach (var group in new[] { GeneratedEfProject.Sources(500).Select(s => s.Text).ToList(), sources.Skip(500).ToList() })
            {
                var compilation = GeneratedEfProject.Compile(GeneratedEfProject.Parse(group.Select((t, i) => ($"/{i}.cs", t)).ToList()), TestReferences.WithEfCore);
                var state = CompilationState.For(compilation, default)!;
                var model = state.GetModel(CancellationToken.None);
                var dbSets = state.GetDbSets(CancellationToken.None);
                var engine = state.GetEngine(EditorConfigOptions.Default, CancellationToken.None);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var semanticModel = compilation.GetSemanticModel(tree);
                    foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        var syntactic = SyntaxShapeReader.TryRead(call, model, dbSets);
                        if (syntactic is null || semanticModel.GetOperation(call) is not IInvocationOperation invocation ||
                            QueryChains.FromInvocation(invocation, state.Symbols, CancellationToken.None) is not { } chain ||
                            ShapeBuilder.Build(chain, model, state.Symbols, CancellationToken.None) is not { } bound)
                        {
                            continue;
                        }

                        var expected = Describe(engine.Evaluate(bound.Shape));
                        Assert.True(expected == Describe(engine.Evaluate(syntactic.Shape.Shape)), $"{call}: bound {expected}, syntax {Describe(engine.Evaluate(syntactic.Shape.Shape))}");
                        compared++;
                        withFindings += expected.Length > 0 ? 1 : 0;
                    }
                }
            }

            Assert.True(compared > 1000, $"Only {compared} queries were read both ways.");
            Assert.True(withFindings > 100, $"Only {withFindings} compared queries had findings.");
        }

        private static string Describe(IReadOnlyList<Finding> findings) =>
            string.Join(", ", findings.Select(f => $"{f.RuleId}@{f.AccessId}:{string.Join("/", f.Columns)}").OrderBy(s => s, StringComparer.Ordinal));
    }
}
