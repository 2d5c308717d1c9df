using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// A small analyzer test harness (Microsoft.CodeAnalysis.Testing is not available here): compiles the marked-up
    /// source with the deployments model against EF Core's real assemblies, runs every Sargable analyzer, and
    /// compares the diagnostics of the rule under test (and of any rule named in the markup) with the marked spans.
    /// </summary>
    public sealed class AnalyzerTest
    {
        public AnalyzerTest(string markup, string ruleId)
        {
            Markup = markup;
            RuleId = ruleId;
        }

        public string Markup { get; }

        /// <summary>The rule <c>[|...|]</c> stands for.</summary>
        public string RuleId { get; }

        /// <summary>Other sources of the test project; the deployments model by default.</summary>
        public List<string> Sources { get; } = new() { TestModel.Deployments };

        public Dictionary<string, string> EditorConfig { get; } = new();

        public List<(string Path, string Text)> AdditionalFiles { get; } = new();

        public bool ReferenceEfCore { get; set; } = true;

        /// <summary>Extra metadata references (libraries compiled by <see cref="AnalyzerRunner.CompileLibrary"/>).</summary>
        public List<MetadataReference> References { get; } = new();

        /// <summary>Also fail on diagnostics of Sargable rules the markup does not mention.</summary>
        public bool CheckAllRules { get; set; }

        public async Task RunAsync()
        {
            var (source, expected) = Verifiers.Markup.Parse(Markup);
            var run = await AnalyzerRunner.RunAsync(source, Sources, EditorConfig, AdditionalFiles, ReferenceEfCore, References);
            var checkedRules = new HashSet<string>(expected.Select(e => e.RuleId ?? RuleId), StringComparer.Ordinal) { RuleId };
            var actual = run.Diagnostics
                .Where(d => d.Location.SourceTree == run.Tree && (CheckAllRules ? d.Id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal) : checkedRules.Contains(d.Id)))
                .ToList();
            var expectedSet = expected.Select(e => (Id: e.RuleId ?? RuleId, e.Span)).ToList();
            var actualSet = actual.Select(d => (d.Id, d.Location.SourceSpan)).ToList();
            var missing = expectedSet.Where(e => !actualSet.Contains(e)).ToList();
            var unexpected = actual.Where(d => !expectedSet.Contains((d.Id, d.Location.SourceSpan))).ToList();
            if (missing.Count == 0 && unexpected.Count == 0 && expectedSet.Count == actualSet.Count)
            {
                return;
            }

            var text = SourceText.From(source);
            var message = new StringBuilder();
            message.AppendLine($"Diagnostics differ for {RuleId}.");
            foreach (var (id, span) in missing)
            {
                message.AppendLine($"  missing    {id} at {Position(text, span)}: '{text.ToString(span)}'");
            }

            foreach (var diagnostic in unexpected)
            {
                var span = diagnostic.Location.SourceSpan;
                message.AppendLine($"  unexpected {diagnostic.Id} at {Position(text, span)}: '{text.ToString(span)}' — {diagnostic.GetMessage()}");
            }

            message.AppendLine("Actual markup:");
            message.AppendLine(Render(source, actual.Select(d => (d.Id == RuleId ? null : d.Id, d.Location.SourceSpan))));
            throw new Xunit.Sdk.XunitException(message.ToString());
        }

        /// <summary>The source with the given diagnostics written back as markup.</summary>
        public static string Render(string source, IEnumerable<(string? Id, TextSpan Span)> diagnostics)
        {
            var inserts = new List<(int Position, int Order, string Text)>();
            foreach (var (id, span) in diagnostics)
            {
                inserts.Add((span.Start, 1, id is null ? "[|" : "{|" + id + ":"));
                inserts.Add((span.End, 0, id is null ? "|]" : "|}"));
            }

            var builder = new StringBuilder(source);
            foreach (var insert in inserts.OrderByDescending(i => i.Position).ThenBy(i => i.Order))
            {
                builder.Insert(insert.Position, insert.Text);
            }

            return builder.ToString();
        }

        private static string Position(SourceText text, TextSpan span)
        {
            var position = text.Lines.GetLinePosition(span.Start);
            return $"({position.Line + 1},{position.Character + 1})";
        }
    }

    /// <summary>Compiles sources and runs the Sargable analyzers; fails on compiler errors and analyzer exceptions.</summary>
    public static class AnalyzerRunner
    {
        public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(SargableAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

        /// <summary>Compiles a library (with the global usings) to an in-memory reference: code the analyzers see only as metadata.</summary>
        public static MetadataReference CompileLibrary(string source)
        {
            var compilation = CSharpCompilation.Create(
                "Library" + Guid.NewGuid().ToString("N"),
                new[] { CSharpSyntaxTree.ParseText(source, ParseOptions), CSharpSyntaxTree.ParseText(TestModel.GlobalUsings, ParseOptions) },
                TestReferences.WithEfCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new System.IO.MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new Xunit.Sdk.XunitException("The library does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        public static CSharpCompilation Compile(string source, IEnumerable<string> otherSources, bool referenceEfCore, string path = "/0/Test0.cs", IEnumerable<MetadataReference>? references = null)
        {
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, ParseOptions, path) };
            var n = 1;
            foreach (var other in otherSources.Prepend(TestModel.GlobalUsings))
            {
                trees.Add(CSharpSyntaxTree.ParseText(other, ParseOptions, $"/0/Test{n++}.cs"));
            }

            return CSharpCompilation.Create(
                "TestProject",
                trees,
                (referenceEfCore ? TestReferences.WithEfCore : TestReferences.WithoutEfCore).AddRange(references ?? Array.Empty<MetadataReference>()),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        public static async Task<(SyntaxTree Tree, ImmutableArray<Diagnostic> Diagnostics)> RunAsync(
            string source,
            IEnumerable<string> otherSources,
            IReadOnlyDictionary<string, string>? editorConfig = null,
            IEnumerable<(string Path, string Text)>? additionalFiles = null,
            bool referenceEfCore = true,
            IEnumerable<MetadataReference>? references = null)
        {
            var compilation = Compile(source, otherSources, referenceEfCore, references: references);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            var diagnostics = await AnalyzeAsync(compilation, editorConfig, additionalFiles);
            return (compilation.SyntaxTrees.First(), diagnostics);
        }

        /// <summary>
        /// The analyzers with every query that has a finding bound before it is reported (see
        /// <c>SargableAnalyzer(reportFromSyntax: false)</c>): the reference the syntax-only reports must match.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> BindingAnalyzers { get; } = AllAnalyzers
            .Select(a => a is SargableAnalyzer ? new SargableAnalyzer(reportFromSyntax: false) : a)
            .ToImmutableArray();

        /// <summary>
        /// Runs the analyzers. With the default set, every run is made twice, reporting from syntax and binding every
        /// query with a finding, and fails unless both give exactly the same diagnostics (ID, place, message, fix data).
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
            Compilation compilation,
            IReadOnlyDictionary<string, string>? editorConfig = null,
            IEnumerable<(string Path, string Text)>? additionalFiles = null,
            ImmutableArray<DiagnosticAnalyzer>? analyzers = null,
            CancellationToken cancellationToken = default)
        {
            var options = new AnalyzerOptions(
                (additionalFiles ?? Array.Empty<(string, string)>()).Select(f => (AdditionalText)new TestAdditionalText(f.Item1, f.Item2)).ToImmutableArray(),
                new TestOptionsProvider(editorConfig));
            var diagnostics = await AnalyzeOnceAsync(compilation, options, analyzers ?? AllAnalyzers, cancellationToken);
            if (analyzers is null)
            {
                var bound = await AnalyzeOnceAsync(compilation, options, BindingAnalyzers, cancellationToken);
                var fromSyntax = Describe(diagnostics);
                var fromBinding = Describe(bound);
                if (fromSyntax != fromBinding)
                {
                    throw new Xunit.Sdk.XunitException(
                        "Reporting from syntax changed the diagnostics." + Environment.NewLine + "Reported:" + Environment.NewLine + fromSyntax +
                        Environment.NewLine + "With binding:" + Environment.NewLine + fromBinding);
                }
            }

            return diagnostics;
        }

        /// <summary>One line per diagnostic with everything a user or a code fix sees, in a stable order.</summary>
        public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join(
            Environment.NewLine,
            diagnostics
                .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} " +
                    string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))
                .OrderBy(line => line, StringComparer.Ordinal));

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeOnceAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
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

    /// <summary>Shorthands for the common cases.</summary>
    public static class Verify
    {
        public static Task DiagnosticsAsync(string markup, string ruleId, IReadOnlyDictionary<string, string>? editorConfig = null)
        {
            var test = new AnalyzerTest(markup, ruleId);
            if (editorConfig is not null)
            {
                foreach (var pair in editorConfig)
                {
                    test.EditorConfig[pair.Key] = pair.Value;
                }
            }

            return test.RunAsync();
        }

        /// <summary>No Sargable diagnostic of the given rule in the source.</summary>
        public static Task NoDiagnosticsAsync(string source, string ruleId) => new AnalyzerTest(source, ruleId).RunAsync();
    }
}
