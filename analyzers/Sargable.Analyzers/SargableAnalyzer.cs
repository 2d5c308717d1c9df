using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Sargable.Analyzers.Baseline;
using Sargable.Analyzers.Query;
using Sargable.Analyzers.Summaries;

namespace Sargable.Analyzers
{
    /// <summary>
    /// The Sargable analyzer: SARG0001–SARG0009 in one pass per syntax tree. Shape rules (SARG0001, SARG0002, SARG0003, SARG0006,
    /// SARG0007, SARG0008) reduce each executed EF query and the EF model to a core shape and registry and ask the engine
    /// (<see cref="QueryShapeRules"/>); SARG0004 (<see cref="QueryInLoopRule"/>), SARG0005 (<see cref="RowByRowWriteRule"/>) and
    /// SARG0009 (<see cref="ClientSideEvaluationRule"/>) follow C# code flow. One analyzer, so each tree is walked once and
    /// the EF model is read once per compilation; nothing is registered when EF Core is not referenced.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SargableAnalyzer : DiagnosticAnalyzer
    {
        private readonly bool reportFromSyntax;

        /// <summary>The analyzer as the compiler loads it.</summary>
        public SargableAnalyzer()
            : this(reportFromSyntax: true)
        {
        }

        /// <summary>
        /// <paramref name="reportFromSyntax"/> false is the tests' reference run: it binds every query with a finding
        /// before reporting it and walks every node of the members it enters, so every test checks that the syntax-only
        /// reports and the candidates found from names are exactly those.
        /// </summary>
        internal SargableAnalyzer(bool reportFromSyntax) => this.reportFromSyntax = reportFromSyntax;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.All.Add(Descriptors.InvalidRegistry).Add(Descriptors.InvalidBaseline);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // No action runs on generated files (no Analyze flag). ReportDiagnostics spares the driver from checking every
            // reported diagnostic for [GeneratedCode] on its symbols, a walk of the whole tree that was a third of this
            // analyzer's time on a 500-file project; CandidateWalker skips [GeneratedCode] types itself, from syntax.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var state = CompilationState.For(start.Compilation, start.Options.AdditionalFiles);
                if (state is null)
                {
                    return;
                }

                if (state.RegistryFile is not null)
                {
                    start.RegisterAdditionalFileAction(c => QueryShapeRules.ReportInvalidRegistry(c, state));
                }

                if (state.Baseline is { } baseline)
                {
                    start.RegisterAdditionalFileAction(c => ReportInvalidBaseline(c, baseline));
                }

                var symbols = state.Symbols;
                start.RegisterSemanticModelAction(c =>
                {
                    var summaries = state.GetSummaries(c.CancellationToken);
                    var relevance = state.GetRelevance(c.CancellationToken);
                    CandidateWalker.Run(c, relevance, n => IsCandidate(n, summaries, relevance.DbSets), node => Analyze(node, summaries, relevance.DbSets), state.Baseline, walkEveryNode: !reportFromSyntax);
                });

                void Analyze(NodeContext node, QuerySummaries summaries, System.Collections.Generic.Dictionary<string, INamedTypeSymbol?> dbSets)
                {
                    if (QueryShapeRules.IsCandidate(node.Node))
                    {
                        if (node.Node is InvocationExpressionSyntax)
                        {
                            QueryShapeRules.AnalyzeInvocation(node, state, reportFromSyntax);
                        }
                        else
                        {
                            QueryShapeRules.AnalyzeForEach(node, state, reportFromSyntax);
                        }
                    }

                    if (QueryInLoopRule.IsCandidate(node.Node, summaries, dbSets))
                    {
                        QueryInLoopRule.Analyze(node, symbols, summaries);
                    }

                    if (RowByRowWriteRule.IsCandidate(node.Node))
                    {
                        if (node.Node is InvocationExpressionSyntax)
                        {
                            RowByRowWriteRule.AnalyzeInvocation(node, symbols, summaries);
                        }
                        else
                        {
                            RowByRowWriteRule.AnalyzeForEach(node, symbols, summaries);
                        }
                    }

                    if (PagingHelperRule.IsCandidate(node.Node, dbSets))
                    {
                        PagingHelperRule.Analyze(node, symbols);
                    }

                    if (symbols.Enumerable is not null && ClientSideEvaluationRule.IsCandidate(node.Node))
                    {
                        ClientSideEvaluationRule.Analyze(node, symbols);
                    }
                }
            });
        }

        /// <summary>A baseline that cannot be read is reported on the file, never silently ignored (every finding is then reported).</summary>
        private static void ReportInvalidBaseline(AdditionalFileAnalysisContext context, CodeBaseline baseline)
        {
            if (context.AdditionalFile == baseline.File && baseline.Error is { } error)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidBaseline, Location.None, error.Message + ". Every finding is reported until it is fixed."));
            }
        }

        /// <summary>
        /// Every name a call accepted by <see cref="IsCandidate"/> can have (the walker finds candidates by these names,
        /// and <c>foreach</c> statements by their keyword); <paramref name="queryMethodNames"/> are the summaries' names.
        /// </summary>
        internal static IEnumerable<string> CandidateNames(IEnumerable<string> queryMethodNames) =>
            QueryShapeRules.CandidateNames
                .Concat(QueryInLoopRule.CandidateNames(queryMethodNames))
                .Concat(RowByRowWriteRule.CandidateNames)
                .Concat(PagingHelperRule.CandidateNames)
                .Concat(ClientSideEvaluationRule.CandidateNames);

        private static bool IsCandidate(SyntaxNode node, QuerySummaries summaries, System.Collections.Generic.Dictionary<string, INamedTypeSymbol?> dbSets) =>
            QueryShapeRules.IsCandidate(node) || QueryInLoopRule.IsCandidate(node, summaries, dbSets) || RowByRowWriteRule.IsCandidate(node) || PagingHelperRule.IsCandidate(node, dbSets) || ClientSideEvaluationRule.IsCandidate(node);
    }
}
