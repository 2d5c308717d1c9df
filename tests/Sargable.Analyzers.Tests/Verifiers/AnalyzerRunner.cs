using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Compiles whole projects (samples, the EF corpus, the generated project) and runs every Sargable analyzer on
    /// them; markup tests go through <see cref="AnalyzerTest"/> instead. Fails on compiler errors and analyzer exceptions.
    /// </summary>
    public static class AnalyzerRunner
    {
        public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(SargableAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>
        /// The analyzers with every query that has a finding bound before it is reported (see
        /// <c>SargableAnalyzer(reportFromSyntax: false)</c>): the reference the syntax-only reports must match.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> BindingAnalyzers { get; } = AllAnalyzers
            .Select(a => a is SargableAnalyzer ? new SargableAnalyzer(reportFromSyntax: false) : a)
            .ToImmutableArray();

        public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

        public static CSharpCompilationOptions CompilationOptions { get; } = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

        /// <summary>Compiles a library (with the global usings) to an in-memory reference: code the analyzers see only as metadata.</summary>
        public static MetadataReference CompileLibrary(string source)
        {
            var compilation = CSharpCompilation.Create(
                "Library" + Guid.NewGuid().ToString("N"),
                new[] { CSharpSyntaxTree.ParseText(source, ParseOptions), CSharpSyntaxTree.ParseText(TestModel.GlobalUsings, ParseOptions) },
                TestReferences.WithEfCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new Xunit.Sdk.XunitException("The library does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>Compiles files from disk (a sample, the EF corpus) with EF Core referenced, failing on any compiler error.</summary>
        public static CSharpCompilation CompileFiles(string assemblyName, IEnumerable<string> paths)
        {
            var trees = paths.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path)).ToList();
            var compilation = CSharpCompilation.Create(assemblyName, trees, TestReferences.WithEfCore, CompilationOptions);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            return compilation;
        }

        public static CSharpCompilation Compile(string source, IEnumerable<string> otherSources, bool referenceEfCore)
        {
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, ParseOptions, "/0/Test0.cs") };
            var n = 1;
            foreach (var other in otherSources.Prepend(TestModel.GlobalUsings))
            {
                trees.Add(CSharpSyntaxTree.ParseText(other, ParseOptions, $"/0/Test{n++}.cs"));
            }

            return CSharpCompilation.Create("TestProject", trees, referenceEfCore ? TestReferences.WithEfCore : TestReferences.WithoutEfCore, CompilationOptions);
        }

        /// <summary>
        /// Compiles one source (as <c>/0/Test0.cs</c>) with the given others and returns every analyzer diagnostic, for
        /// tests that look at one diagnostic's message or properties; syntax and binding runs must agree.
        /// </summary>
        public static async Task<(SyntaxTree Tree, ImmutableArray<Diagnostic> Diagnostics)> RunAsync(
            string source,
            IEnumerable<string> otherSources,
            IReadOnlyDictionary<string, string>? editorConfig = null,
            IEnumerable<(string Path, string Text)>? additionalFiles = null,
            bool referenceEfCore = true,
            IEnumerable<MetadataReference>? references = null)
        {
            var compilation = Compile(source, otherSources, referenceEfCore).AddReferences(references ?? Array.Empty<MetadataReference>());
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            var options = new AnalyzerOptions(
                (additionalFiles ?? Array.Empty<(string, string)>()).Select(f => (AdditionalText)new TestAdditionalText(f.Item1, f.Item2)).ToImmutableArray(),
                new TestOptionsProvider(editorConfig));
            return (compilation.SyntaxTrees.First(), await AnalyzeAsync(compilation, options));
        }

        /// <summary>
        /// Runs the analyzers. With the default set, the run is made twice, reporting from syntax and binding every
        /// query with a finding, and fails unless both give exactly the same diagnostics (ID, place, message, fix data).
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
            Compilation compilation,
            AnalyzerOptions? options = null,
            ImmutableArray<DiagnosticAnalyzer>? analyzers = null,
            CancellationToken cancellationToken = default)
        {
            options ??= new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            var diagnostics = await AnalyzeOnceAsync(compilation, options, analyzers ?? AllAnalyzers, cancellationToken);
            if (analyzers is null)
            {
                await VerifyBindingAgreesAsync(compilation, options, diagnostics, cancellationToken);
            }

            return diagnostics;
        }

        /// <summary>Fails unless binding every query with a finding gives exactly <paramref name="fromSyntax"/>.</summary>
        public static async Task VerifyBindingAgreesAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<Diagnostic> fromSyntax, CancellationToken cancellationToken = default)
        {
            var bound = await AnalyzeOnceAsync(compilation, options, BindingAnalyzers, cancellationToken);
            var reported = Describe(fromSyntax);
            var withBinding = Describe(bound);
            if (reported != withBinding)
            {
                throw new Xunit.Sdk.XunitException(
                    "Reporting from syntax changed the diagnostics." + Environment.NewLine + "Reported:" + Environment.NewLine + reported +
                    Environment.NewLine + "With binding:" + Environment.NewLine + withBinding);
            }
        }

        /// <summary>One line per diagnostic with everything a user or a code fix sees, in a stable order.</summary>
        public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join(
            Environment.NewLine,
            diagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path}{d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} " +
                    string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))
                .OrderBy(line => line, StringComparer.Ordinal));

        public static async Task<ImmutableArray<Diagnostic>> AnalyzeOnceAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
        {
            var exceptions = new List<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    options,
                    (exception, analyzer, diagnostic) =>
                    {
                        lock (exceptions)
                        {
                            exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                        }
                    },
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).Concat(exceptions).ToList();
            if (crashes.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("An analyzer threw:" + Environment.NewLine + string.Join(Environment.NewLine, crashes));
            }

            return diagnostics;
        }
    }
}
