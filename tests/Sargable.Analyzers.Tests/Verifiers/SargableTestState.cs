using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// What every Sargable analyzer and code-fix test shares on top of the standard framework: the test project's
    /// sources, references, .editorconfig and additional files; which diagnostics a test compares; and the check
    /// that reporting from syntax gives the same diagnostics as binding every query first.
    /// </summary>
    public sealed class SargableTestState
    {
        private Compilation? analyzed;
        private AnalyzerOptions? analyzedOptions;

        public SargableTestState(string ruleId) => RuleId = ruleId;

        /// <summary>The rule <c>[|...|]</c> stands for.</summary>
        public string RuleId { get; }

        /// <summary>Other sources of the test project; the deployments model by default.</summary>
        public List<string> Sources { get; } = new() { TestModel.Deployments };

        /// <summary>Keys of the test project's .editorconfig (section <c>[*]</c>).</summary>
        public Dictionary<string, string> EditorConfig { get; } = new();

        public List<(string Path, string Text)> AdditionalFiles { get; } = new();

        public bool ReferenceEfCore { get; set; } = true;

        /// <summary>Extra metadata references (libraries compiled by <see cref="AnalyzerRunner.CompileLibrary"/>).</summary>
        public List<MetadataReference> References { get; } = new();

        /// <summary>Also fail on diagnostics of Sargable rules the markup does not mention.</summary>
        public bool CheckAllRules { get; set; }

        public static ImmutableHashSet<string> SargableIds { get; } = AnalyzerRunner.AllAnalyzers
            .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);

        public static DiagnosticDescriptor Descriptor(string id) =>
            AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);

        /// <summary>Writes the test project into the framework's state: references, sources, .editorconfig, additional files.</summary>
        public void ApplyTo(SolutionState state)
        {
            state.ReferenceAssemblies = TestReferences.None;
            state.AdditionalReferences.AddRange(ReferenceEfCore ? TestReferences.WithEfCore : TestReferences.WithoutEfCore);
            state.AdditionalReferences.AddRange(References);
            AddOtherSources(state);

            if (EditorConfig.Count > 0)
            {
                var text = new StringBuilder("root = true").AppendLine().AppendLine().AppendLine("[*]");
                foreach (var pair in EditorConfig)
                {
                    text.Append(pair.Key).Append(" = ").AppendLine(pair.Value);
                }

                state.AnalyzerConfigFiles.Add(("/.editorconfig", text.ToString()));
            }

            foreach (var file in AdditionalFiles)
            {
                state.AdditionalFiles.Add((file.Path, file.Text));
            }
        }

        /// <summary>The global usings and <see cref="Sources"/>, after the source under test (<c>/0/Test0.cs</c>).</summary>
        public void AddOtherSources(SolutionState state)
        {
            var n = 1;
            foreach (var source in Sources.Prepend(TestModel.GlobalUsings))
            {
                state.Sources.Add(($"/0/Test{n++}.cs", source));
            }
        }

        /// <summary>
        /// The Sargable rules a test does not compare, for the framework's <c>DisabledDiagnostics</c>: all but the rule
        /// under test and the rules the markup names (none with <see cref="CheckAllRules"/>). Other rules' findings on
        /// the same code belong to their own tests. The markup is read by the framework's own parser; the first state is
        /// the test state, the others (a fixed state) inherit from it.
        /// </summary>
        public IEnumerable<string> NotCompared(IReadOnlyList<SolutionState> states, MarkupOptions markupOptions)
        {
            if (CheckAllRules)
            {
                return Array.Empty<string>();
            }

            var supported = AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray();
            var compared = new HashSet<string>(StringComparer.Ordinal) { RuleId };
            foreach (var solutionState in states)
            {
                var processed = solutionState.WithInheritedValuesApplied(solutionState == states.First() ? null : states.First(), ImmutableArray<string>.Empty).WithProcessedMarkup(markupOptions, Descriptor(RuleId), supported, ImmutableArray<string>.Empty, "/0/Test0.cs");
                compared.UnionWith(processed.ExpectedDiagnostics.Select(d => d.Id));
            }

            return SargableIds.Where(id => !compared.Contains(id)).OrderBy(id => id, StringComparer.Ordinal);
        }

        /// <summary>Remembers the first compilation the framework analyzes: the test source as written.</summary>
        public void Capture(Compilation compilation, AnalyzerOptions options)
        {
            if (analyzed is null)
            {
                analyzed = compilation;
                analyzedOptions = options;
            }
        }

        /// <summary>Reports from syntax and with binding on the test source and fails unless both give the same diagnostics.</summary>
        public async Task VerifySyntaxReportsAsync(CancellationToken cancellationToken)
        {
            if (analyzed is null || analyzedOptions is null)
            {
                throw new InvalidOperationException("The framework analyzed no compilation.");
            }

            var fromSyntax = await AnalyzerRunner.AnalyzeOnceAsync(analyzed, analyzedOptions, AnalyzerRunner.AllAnalyzers, cancellationToken);
            await AnalyzerRunner.VerifyBindingAgreesAsync(analyzed, analyzedOptions, fromSyntax, cancellationToken);
        }

        public static CompilationOptions WithNullable(CompilationOptions options) =>
            ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
