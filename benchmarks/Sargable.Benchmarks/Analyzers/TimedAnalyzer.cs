using System;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// Runs an analyzer and adds up the wall time of its actions, with everything they cause (binding they ask for, a
    /// collection that lands inside them), on the one thread the benchmark compiles on. This is what Roslyn's
    /// <c>ReportAnalyzer</c> measures in a build, taken here inside the same operation as the compile around it, so the
    /// share does not depend on how fast the machine ran that process.
    /// </summary>
    /// <remarks>Supports the registrations Sargable makes; any other throws, so a new one cannot go unmeasured.</remarks>
#pragma warning disable RS1036, RS1041, RS1025, RS1026, RS1012 // Not shipped; it forwards the configuration and registrations of the analyzer it wraps.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TimedAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer inner;
        private readonly Stopwatch actions = new();

        public TimedAnalyzer(DiagnosticAnalyzer inner) => this.inner = inner;

        /// <summary>Time spent in the analyzer's actions since the last <see cref="Reset"/>.</summary>
        public TimeSpan Elapsed => actions.Elapsed;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

        public void Reset() => actions.Reset();

        public override void Initialize(AnalysisContext context) => inner.Initialize(new TimedContext(context, this));

        private void Time(Action action)
        {
            actions.Start();
            try
            {
                action();
            }
            finally
            {
                actions.Stop();
            }
        }

        private sealed class TimedContext : AnalysisContext
        {
            private readonly AnalysisContext context;
            private readonly TimedAnalyzer owner;

            public TimedContext(AnalysisContext context, TimedAnalyzer owner)
            {
                this.context = context;
                this.owner = owner;
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                context.RegisterCompilationStartAction(start => owner.Time(() => action(new TimedStart(start, owner))));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
                context.RegisterSemanticModelAction(c => owner.Time(() => action(c)));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unmeasured();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unmeasured();
        }

        private sealed class TimedStart : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext start;
            private readonly TimedAnalyzer owner;

            public TimedStart(CompilationStartAnalysisContext start, TimedAnalyzer owner)
                : base(start.Compilation, start.Options, start.CancellationToken)
            {
                this.start = start;
                this.owner = owner;
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
                start.RegisterSemanticModelAction(c => owner.Time(() => action(c)));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
                start.RegisterAdditionalFileAction(c => owner.Time(() => action(c)));

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
                start.RegisterCompilationEndAction(c => owner.Time(() => action(c)));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unmeasured();
        }

        private static NotSupportedException Unmeasured() =>
            new("TimedAnalyzer does not time this kind of action yet; add it so the analyzer's own time stays complete.");
    }
#pragma warning restore RS1036, RS1041, RS1025, RS1026, RS1012
}
