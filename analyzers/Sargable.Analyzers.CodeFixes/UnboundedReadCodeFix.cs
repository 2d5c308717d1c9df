using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Sargable.Analyzers.CodeFixes
{
    /// <summary>
    /// SARG0001: <c>foreach (var d in db.Deployments) { ... }</c> becomes keyset batches through the runtime package's
    /// <c>EachBatchAsync</c>. Offered only when that method resolves in the compilation.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedReadCodeFix))]
    [Shared]
    public sealed class UnboundedReadCodeFix : SargableCodeFix
    {
        public const string EquivalenceKey = CodeFixAssembly.EquivalenceKeyPrefix + "EachBatch";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnboundedRead);

        protected override string Key => EquivalenceKey;

        protected override bool NeedsSemanticModel => true;

        protected override string? Title(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(QueryShapeRules.BatchProperty) && Loop(root, diagnostic) is { } loop && EachBatch(model!, loop) is not null
                ? "Iterate in keyset batches with EachBatchAsync"
                : null;

        private static ForEachStatementSyntax? Loop(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ForEachStatementSyntax>()
                .FirstOrDefault(l => l.Expression.Span.Contains(diagnostic.Location.SourceSpan) && l.AwaitKeyword.IsKind(SyntaxKind.None));

        /// <summary>The EachBatchAsync extension available on the loop's query: by metadata name, or any accessible one in scope.</summary>
        private static IMethodSymbol? EachBatch(SemanticModel model, ForEachStatementSyntax loop)
        {
            var type = model.GetTypeInfo(loop.Expression).Type;
            if (type is null)
            {
                return null;
            }

            var inScope = model.LookupSymbols(loop.Expression.SpanStart, type, "EachBatchAsync", includeReducedExtensionMethods: true).OfType<IMethodSymbol>().FirstOrDefault();
            if (inScope is not null)
            {
                return inScope;
            }

            return model.Compilation.GetTypeByMetadataName("Sargable.QueryableBatchingExtensions")?.GetMembers("EachBatchAsync").OfType<IMethodSymbol>().FirstOrDefault();
        }

        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || Loop(root, diagnostic) is not { } loop || EachBatch(model, loop) is not { } method)
            {
                return document;
            }

            var batch = model.LookupSymbols(loop.SpanStart, name: "batch").IsEmpty ? "batch" : "queryBatch";
            var inner = loop
                .WithExpression(AwaitExpression(FixSyntax.Call(IdentifierName(batch), "ToListAsync")))
                .WithoutLeadingTrivia();
            var outer = ForEachStatement(
                    IdentifierName("var"),
                    Identifier(batch),
                    FixSyntax.Call(loop.Expression.WithoutTrivia(), "EachBatchAsync"),
                    Block(inner))
                .WithAwaitKeyword(Token(SyntaxKind.AwaitKeyword))
                .WithTriviaFrom(loop)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var newRoot = root.ReplaceNode(loop, outer);
            var queryType = model.GetTypeInfo(loop.Expression).Type;
            if (model.LookupSymbols(loop.Expression.SpanStart, queryType, "ToListAsync", includeReducedExtensionMethods: true).IsEmpty)
            {
                newRoot = FixSyntax.AddUsing(newRoot, "Microsoft.EntityFrameworkCore");
            }

            var ns = method.ContainingNamespace?.ToDisplayString();
            if (ns is not null && model.LookupSymbols(loop.Expression.SpanStart, queryType, "EachBatchAsync", includeReducedExtensionMethods: true).IsEmpty)
            {
                newRoot = FixSyntax.AddUsing(newRoot, ns);
            }

            return await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
