using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Sargable.Analyzers.CodeFixes
{
    /// <summary>
    /// What every Sargable code fix shares: one action per diagnostic it can fix, titled for that diagnostic, under
    /// one equivalence key per fix, with batch FixAll. A fix says whether and how it applies (<see cref="Title"/>) and
    /// what it writes (<see cref="FixAsync"/>).
    /// </summary>
    public abstract class SargableCodeFix : CodeFixProvider
    {
        /// <summary>The fix's equivalence key (<see cref="CodeFixAssembly.EquivalenceKeyPrefix"/> + name), shared by FixAll.</summary>
        protected abstract string Key { get; }

        /// <summary>True when <see cref="Title"/> needs the semantic model (asked for once per call, not per diagnostic).</summary>
        protected virtual bool NeedsSemanticModel => false;

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = NeedsSemanticModel ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) : null;
            if (root is null || (NeedsSemanticModel && model is null))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Title(root, model, diagnostic) is { } title)
                {
                    var document = context.Document;
                    context.RegisterCodeFix(CodeAction.Create(title, ct => FixAsync(document, diagnostic, ct), Key), diagnostic);
                }
            }
        }

        /// <summary>The action's title for this diagnostic, or null when the fix does not apply to it.</summary>
        protected abstract string? Title(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic);

        /// <summary>The document with the fix applied (unchanged when the code no longer has the fixable form).</summary>
        protected abstract Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);
    }
}
