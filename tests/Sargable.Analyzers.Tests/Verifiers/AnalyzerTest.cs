using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// An analyzer test on Microsoft.CodeAnalysis.Testing: the marked-up source is compiled with the deployments model
    /// against offline reference assemblies and EF Core, every Sargable analyzer runs, and the diagnostics of the rule
    /// under test (<c>[|...|]</c>) and of any rule the markup names (<c>{|SARG0006:...|}</c>) must match the markup.
    /// The framework's own checks run too: compiler errors, generated code, <c>#pragma</c> suppression.
    /// </summary>
    public sealed class AnalyzerTest : CSharpAnalyzerTest<SargableAnalyzer, DefaultVerifier>
    {
        private readonly SargableTestState state;

        public AnalyzerTest(string markup, string ruleId)
        {
            state = new SargableTestState(ruleId);
            TestCode = markup;
        }

        /// <summary>The rule <c>[|...|]</c> stands for.</summary>
        public string RuleId => state.RuleId;

        /// <inheritdoc cref="SargableTestState.Sources"/>
        public List<string> Sources => state.Sources;

        /// <inheritdoc cref="SargableTestState.EditorConfig"/>
        public Dictionary<string, string> EditorConfig => state.EditorConfig;

        /// <inheritdoc cref="SargableTestState.AdditionalFiles"/>
        public List<(string Path, string Text)> AdditionalFiles => state.AdditionalFiles;

        /// <inheritdoc cref="SargableTestState.ReferenceEfCore"/>
        public bool ReferenceEfCore { get => state.ReferenceEfCore; set => state.ReferenceEfCore = value; }

        /// <inheritdoc cref="SargableTestState.References"/>
        public List<MetadataReference> References => state.References;

        /// <inheritdoc cref="SargableTestState.CheckAllRules"/>
        public bool CheckAllRules { get => state.CheckAllRules; set => state.CheckAllRules = value; }

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            state.ApplyTo(TestState);
            DisabledDiagnostics.AddRange(state.NotCompared(new[] { TestState }, MarkupOptions));
            await base.RunImplAsync(cancellationToken);
            await state.VerifySyntaxReportsAsync(cancellationToken);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AnalyzerRunner.AllAnalyzers;

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
