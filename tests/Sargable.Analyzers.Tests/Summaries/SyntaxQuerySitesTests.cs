using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Summaries;
using Sargable.Analyzers.Tests.Corpus;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Summaries
{
    /// <summary>
    /// The summaries settle plain DbSet queries from syntax instead of binding the repository method. That is only a
    /// shortcut: every method of every corpus source must get the same query site (call, file and span) with it as
    /// with binding alone, or an N+1 through a repository would be reported differently, or not at all.
    /// </summary>
    public sealed class SyntaxQuerySitesTests
    {
        [Fact]
        public void Every_method_has_the_same_query_site_with_the_syntax_shortcut_as_with_binding_alone()
        {
            var sites = 0;
            var bySyntax = 0;
            foreach (var (origin, compilation, state) in SourceCorpus.CompiledWithEf())
            {
                var names = state.GetSummaries(CancellationToken.None).Names;
                var shortcut = new SyntaxQuerySites(state);
                var bound = new QuerySummaries(state.Symbols, names, null);
                var fast = new QuerySummaries(state.Symbols, names, shortcut);
                foreach (var method in SourceMethods(compilation))
                {
                    var expected = bound.Of(method, CancellationToken.None);
                    var actual = fast.Of(method, CancellationToken.None);
                    Assert.True(
                        expected?.Call == actual?.Call && expected?.Location == actual?.Location,
                        $"{origin}, {method.ToDisplayString()}: bound {expected?.ToString() ?? "none"} {expected?.Location.SourceSpan}, with the shortcut {actual?.ToString() ?? "none"} {actual?.Location.SourceSpan}.");
                    if (expected is null)
                    {
                        continue;
                    }

                    sites++;
                    var call = expected.Location.SourceTree!.GetRoot().FindNode(expected.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>();
                    bySyntax += call is not null && shortcut.RunsQuery(call, CancellationToken.None) ? 1 : 0;
                }
            }

            // The shortcut must carry real weight, or this test compares binding with itself.
            Assert.True(sites >= 800, $"Only {sites} methods had a query site.");
            Assert.True(bySyntax >= 600, $"Only {bySyntax} of {sites} query sites were settled from syntax.");
        }

        [Fact]
        public void Queries_the_syntax_cannot_confirm_are_left_to_binding()
        {
            var compilation = SourceCorpus.Compile(new[]
            {
                """
                using App;

                namespace Repositories
                {
                    public sealed class Repository
                    {
                        private readonly AppDb db = null!;

                        public Task<Deployment?> Plain(long id) => db.Deployments.Where(d => d.Id == id).FirstOrDefaultAsync();

                        public Task<int> InLambda() => Task.Run(() => db.Deployments.CountAsync());

                        public Task<List<Deployment>> FromLocal()
                        {
                            var deployments = db.Deployments;
                            return deployments.Where(d => d.Iid > 1).ToListAsync();
                        }

                        public Task<int> Shadowed(AppDb other)
                        {
                            var db = other;
                            return db.Deployments.CountAsync();
                        }

                        public Task<List<T>> Generic<T>() where T : class => db.Set<T>().ToListAsync();
                    }
                }
                """,
                TestModel.Deployments,
            });
            var state = CompilationState.For(compilation, default)!;
            var shortcut = new SyntaxQuerySites(state);
            var calls = compilation.SyntaxTrees[1].GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .ToDictionary(
                    m => m.Identifier.ValueText,
                    m => m.DescendantNodes().OfType<InvocationExpressionSyntax>().First(c => QueryMethodNames.IsExecutingName(QueryMethodNames.CalledName(c) ?? string.Empty)));

            Assert.True(shortcut.RunsQuery(calls["Plain"], CancellationToken.None));
            Assert.False(shortcut.RunsQuery(calls["InLambda"], CancellationToken.None));
            Assert.False(shortcut.RunsQuery(calls["FromLocal"], CancellationToken.None));
            Assert.False(shortcut.RunsQuery(calls["Shadowed"], CancellationToken.None));
            Assert.False(shortcut.RunsQuery(calls["Generic"], CancellationToken.None));

            // Binding still finds every one of them: the lambda is a delegate, not an expression tree.
            var summaries = state.GetSummaries(CancellationToken.None);
            var found = SourceMethods(compilation).Where(m => summaries.Of(m, CancellationToken.None) is not null).Select(m => m.Name).Order(StringComparer.Ordinal);
            Assert.Equal(new[] { "FromLocal", "Generic", "InLambda", "Plain", "Shadowed" }, found);
        }

        private static IEnumerable<IMethodSymbol> SourceMethods(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    if (model.GetDeclaredSymbol(declaration) is IMethodSymbol method)
                    {
                        yield return method;
                    }
                }
            }
        }
    }
}
