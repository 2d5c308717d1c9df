using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sargable.Analyzers.Baseline;

namespace Sargable.Analyzers
{
    /// <summary>
    /// The analysis context of one candidate node, shaped like <see cref="SyntaxNodeAnalysisContext"/> so rule code reads
    /// the same; diagnostics go to the semantic-model action that found the node.
    /// </summary>
    internal readonly struct NodeContext
    {
        private readonly SemanticModelAnalysisContext context;
        private readonly CodeBaseline? baseline;

        public NodeContext(SemanticModelAnalysisContext context, SyntaxNode node, LocalDeclarators locals, CodeBaseline? baseline = null)
        {
            this.context = context;
            this.baseline = baseline;
            Node = node;
            Locals = locals;
        }

        public SyntaxNode Node { get; }

        /// <summary>Finds declarations of locals in the tree being walked.</summary>
        public LocalDeclarators Locals { get; }

        public SemanticModel SemanticModel => context.SemanticModel;

        public AnalyzerOptions Options => context.Options;

        public CancellationToken CancellationToken => context.CancellationToken;

        /// <summary>Reports the diagnostic, unless the project's baseline accepts it (then with its fingerprint attached).</summary>
        public void ReportDiagnostic(Diagnostic diagnostic)
        {
            // The fingerprint binds every identifier of the query, which undoes the syntax-only reading: without a
            // baseline nothing here needs it (sargable analyze computes it for the findings it reports).
            if (baseline is null)
            {
                context.ReportDiagnostic(diagnostic);
                return;
            }

            var fingerprint = CodeFingerprint.Of(diagnostic.Location, SemanticModel, CancellationToken);
            if (fingerprint is not null && baseline.Absorbs(diagnostic.Id, diagnostic.Location.SourceTree!.FilePath, fingerprint))
            {
                return;
            }

            context.ReportDiagnostic(CodeFingerprint.Attach(diagnostic, fingerprint));
        }
    }
}
