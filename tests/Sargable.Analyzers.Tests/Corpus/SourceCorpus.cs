using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sargable.Analyzers.Tests.Verifiers;
using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Corpus
{
    /// <summary>
    /// Real sources to compare two ways of reading code on: the C# literals of the analyzer tests (markup removed) and
    /// the projects of the repository written as files. Not among the Verifiers, which the code-fix tests compile too:
    /// it compiles with the benchmarks' generated-project settings.
    /// </summary>
    public static partial class SourceCorpus
    {
        /// <summary>Every string literal of the analyzer and code-fix tests that <paramref name="holds"/> accepts, with its file and line.</summary>
        public static IEnumerable<(string Origin, string Text)> TestLiterals(Func<string, bool> holds)
        {
            foreach (var project in new[] { "Sargable.Analyzers.Tests", "Sargable.Analyzers.CodeFixes.Tests" })
            {
                foreach (var file in SourceFiles(RepositoryPaths.Combine("tests", project)))
                {
                    var tokens = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantTokens()
                        .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken));
                    foreach (var token in tokens)
                    {
                        var text = Markup().Replace(token.ValueText, string.Empty);
                        if (holds(text))
                        {
                            var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                            yield return ($"{Path.GetFileName(file)}:{line.ToString(CultureInfo.InvariantCulture)}", text);
                        }
                    }
                }
            }
        }

        /// <summary>Contexts and code written as files: the samples, the CLI's fixture apps, the reference queries and the SQL corpus' model.</summary>
        public static IEnumerable<(string Origin, IReadOnlyList<string> Sources)> Projects()
        {
            var projects = Directory.EnumerateDirectories(RepositoryPaths.Combine("samples"))
                .Concat(Directory.EnumerateDirectories(RepositoryPaths.Combine("tests", "Sargable.Cli.Tests", "Fixtures")))
                .Append(RepositoryPaths.Combine("runtime", "Sargable.Deployments"))
                .Append(RepositoryPaths.Combine("tests", "Sargable.Core.Tests", "EfCorpus"));
            foreach (var project in projects)
            {
                var sources = SourceFiles(project).Select(File.ReadAllText).ToList();
                if (sources.Count > 0)
                {
                    yield return (Path.GetFileName(project), sources);
                }
            }
        }

        /// <summary>
        /// Every source set worth compiling on its own: the test literals that hold a class or a query (a bare statement
        /// wrapped in a method), the projects, and both generated projects at 80 files.
        /// </summary>
        public static IEnumerable<(string Origin, IReadOnlyList<string> Sources)> Compilations() =>
            TestLiterals(text => text.Contains("class ", StringComparison.Ordinal) || text.Contains("db.", StringComparison.Ordinal))
                .Select(l => (l.Origin, (IReadOnlyList<string>)new[] { l.Text.Contains("class ", StringComparison.Ordinal) ? l.Text : TestModel.InMethod(l.Text), TestModel.Deployments }))
                .Concat(Projects())
                .Append(("the repository project", GeneratedRepositoryProject.Sources(80).Select(s => s.Text).ToList()))
                .Append(("the services project", GeneratedEfProject.Sources(80).Select(s => s.Text).ToList()));

        /// <summary>Each of <see cref="Compilations"/> compiled, with its analyzer state; those without EF Core are left out.</summary>
        internal static IEnumerable<(string Origin, CSharpCompilation Compilation, CompilationState State)> CompiledWithEf()
        {
            foreach (var (origin, sources) in Compilations())
            {
                var compilation = Compile(sources);
                if (CompilationState.For(compilation, default) is { } state)
                {
                    yield return (origin, compilation, state);
                }
            }
        }

        /// <summary>The sources with the tests' global usings, compiled against EF Core.</summary>
        public static CSharpCompilation Compile(IEnumerable<string> sources) =>
            GeneratedEfProject.Compile(
                GeneratedEfProject.Parse(sources.Prepend(TestModel.GlobalUsings).Select((t, i) => ($"/{i}.cs", t)).ToList()),
                TestReferences.WithEfCore);

        private static IEnumerable<string> SourceFiles(string directory) =>
            Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);

        [GeneratedRegex(@"\{\|[A-Z]+[0-9]*:|\[\||\|\]|\|\}")]
        private static partial Regex Markup();
    }
}
