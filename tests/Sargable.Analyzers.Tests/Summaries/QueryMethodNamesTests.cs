using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Summaries;
using Sargable.Analyzers.Tests.Corpus;
using Sargable.Analyzers.Tests.Verifiers;
using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Summaries
{
    /// <summary>
    /// The names of methods that may query are found from one text pass and a few token lookups; a reference that walks
    /// every call of every method must find exactly the same names on every source the tests, samples and generated
    /// projects hold, since a name missed there is an N+1 through a method that is never reported.
    /// </summary>
    public sealed class QueryMethodNamesTests
    {
        [Fact]
        public void Every_source_gives_the_names_a_walk_of_every_call_gives()
        {
            var compared = 0;
            var withNames = 0;
            foreach (var (origin, compilation, state) in SourceCorpus.CompiledWithEf())
            {
                var relevance = EfRelevance.Create(state.Symbols, CancellationToken.None);
                var expected = Reference(compilation, relevance).Order(StringComparer.Ordinal).ToList();
                var actual = QueryMethodNames.Find(compilation, relevance, CancellationToken.None).Order(StringComparer.Ordinal).ToList();
                Assert.True(expected.SequenceEqual(actual), $"{origin}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", actual)}].");
                compared++;
                withNames += actual.Count > 0 ? 1 : 0;
            }

            Assert.True(compared >= 210, $"Only {compared} sources were compared.");
            Assert.True(withNames >= 130, $"Only {withNames} sources had a method that may query.");
        }

        [Fact]
        public void Names_are_found_through_explicit_implementations_nested_types_and_every_level()
        {
            var compilation = Compile(new[]
            {
                """
                using App;

                namespace Names
                {
                    public interface IWork { Task<int> RunAsync(); }

                    public sealed class Work : IWork, IAsyncDisposable
                    {
                        private readonly AppDb db = null!;

                        async Task<int> IWork.RunAsync() => await db.Deployments.CountAsync();

                        ValueTask IAsyncDisposable.DisposeAsync() => new(db.SaveChangesAsync());

                        public sealed class Inner
                        {
                            private readonly AppDb db = null!;

                            public Task<List<Deployment>> AllAsync() => db.Deployments.ToListAsync();
                        }
                    }

                    public sealed class Callers
                    {
                        // Comments and strings name calls too: "Outer(" here is not a call of Outer.
                        public Task<int> First(IWork work) => work.RunAsync();

                        public ValueTask Close(Work work) => ((IAsyncDisposable)work).DisposeAsync();

                        public Task<List<Deployment>> Inner(Work.Inner inner) => inner.AllAsync();

                        public async Task<int> Second(IWork work) => await First(work);

                        public async Task<int> Third(IWork work) => await Second /* then */ (work);

                        public async Task<int> Fourth(IWork work) => await Third(work);

                        public int Count(List<int> items)
                        {
                            // Not work.RunAsync() here, nor "First(": a name in a comment or a string is no call.
                            return items.Count + "First(".Length;
                        }

                        public string Outer() => "no query";
                    }
                }
                """,
                TestModel.Deployments,
            });
            var state = CompilationState.For(compilation, default)!;
            var names = QueryMethodNames.Find(compilation, EfRelevance.Create(state.Symbols, CancellationToken.None), CancellationToken.None);

            // MaxDepth 3: Second calls First calls RunAsync, which queries; Third is one level too deep.
            Assert.Equal(new[] { "AllAsync", "Close", "DisposeAsync", "First", "Inner", "RunAsync", "Second" }, names.Order(StringComparer.Ordinal));
        }

        /// <summary>The same levels from every invocation node of every method's body, with no text pass and no token lookup.</summary>
        private static HashSet<string> Reference(Compilation compilation, EfRelevance relevance)
        {
            var methods = new List<(MethodDeclarationSyntax Method, int[] Mentions, List<string> Calls)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                relevance.Scan(tree.GetText().ToString(), out var mentions, out _, CancellationToken.None);
                foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    if (((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } body)
                    {
                        var calls = body.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(QueryMethodNames.CalledName).OfType<string>().ToList();
                        methods.Add((method, mentions, calls));
                    }
                }
            }

            var found = new HashSet<string>(StringComparer.Ordinal);
            var added = methods.Where(m => m.Calls.Any(QueryMethodNames.IsExecutingName) && EfRelevance.IsRelevant(m.Method, m.Mentions))
                .Select(m => m.Method.Identifier.ValueText).Where(found.Add).ToList();
            for (var level = 1; level < QuerySummaries.MaxDepth && added.Count > 0; level++)
            {
                var previous = added;
                added = methods.Where(m => !found.Contains(m.Method.Identifier.ValueText) && m.Calls.Any(previous.Contains))
                    .Select(m => m.Method.Identifier.ValueText).Where(found.Add).ToList();
            }

            return found;
        }

        private static CSharpCompilation Compile(IEnumerable<string> sources) => SourceCorpus.Compile(sources);
    }
}
