using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests.Verifiers
{
    /// <summary>
    /// A code-fix test on Microsoft.CodeAnalysis.Testing: the marked-up source must report the marked diagnostics
    /// (as in <see cref="AnalyzerTest"/>); applying the fix one diagnostic at a time, and FixAll in the document, the
    /// project and the solution, must each give the expected source, which must compile with no marked diagnostic left.
    /// </summary>
    public sealed class CodeFixTest : CSharpCodeFixTest<SargableAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
    {
        private readonly SargableTestState state;
        private readonly CodeFixProvider provider;
        private readonly string markup;
        private readonly string expected;

        public CodeFixTest(string markup, string expected, string ruleId, CodeFixProvider provider)
        {
            state = new SargableTestState(ruleId);
            this.provider = provider;
            this.markup = markup;
            this.expected = expected;
            TestCode = markup;
            CodeActionVerifier = (action, verifier) =>
                verifier.True(action.EquivalenceKey?.StartsWith(CodeFixAssembly.EquivalenceKeyPrefix, StringComparison.Ordinal) == true, $"Equivalence key '{action.EquivalenceKey}' lacks the Sargable prefix.");
        }

        public string RuleId => state.RuleId;

        /// <summary>Expected FixAll output when it differs from applying fixes one by one.</summary>
        public string? ExpectedFixAll { get; init; }

        /// <summary>Set when the marked diagnostics must have no fix offered (the output must equal the input).</summary>
        public bool NoFixExpected { get; init; }

        /// <inheritdoc cref="SargableTestState.Sources"/>
        public List<string> Sources => state.Sources;

        /// <inheritdoc cref="SargableTestState.EditorConfig"/>
        public Dictionary<string, string> EditorConfig => state.EditorConfig;

        /// <summary>Extra metadata references of the test project (for example the runtime package's assembly).</summary>
        public List<MetadataReference> References => state.References;

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            // The fixed project keeps the test project's other sources; references and files are inherited. Markup in the
            // expected source marks findings the fix leaves (by default the framework ignores markup of fixable IDs there).
            FixedState.MarkupHandling = MarkupMode.Allow;
            FixedState.Sources.Add(("/0/Test0.cs", NoFixExpected ? markup : expected));
            state.AddOtherSources(FixedState);
            if (ExpectedFixAll is not null)
            {
                BatchFixedState.MarkupHandling = MarkupMode.Allow;
                BatchFixedState.Sources.Add(("/0/Test0.cs", ExpectedFixAll));
                state.AddOtherSources(BatchFixedState);
            }

            state.ApplyTo(TestState);
            DisabledDiagnostics.AddRange(state.NotCompared(new[] { TestState, FixedState }, MarkupOptions));
            await base.RunImplAsync(cancellationToken);
            await state.VerifySyntaxReportsAsync(cancellationToken);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AnalyzerRunner.AllAnalyzers;

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { provider };

        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => SargableTestState.Descriptor(RuleId);

        protected override CompilationOptions CreateCompilationOptions() => SargableTestState.WithNullable(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            state.Capture(compilation, options);
            return base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken);
        }
    }
}
