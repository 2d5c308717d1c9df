using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Sargable.Analyzers.CodeFixes
{
    /// <summary>SARG0010: a whole-table count used as an existence test becomes <c>Any()</c> / <c>!Any()</c> (or the async forms).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WholeTableAggregateCodeFix))]
    [Shared]
    public sealed class WholeTableAggregateCodeFix : SargableCodeFix
    {
        /// <summary>The equivalence key shared by every instance of this fix (FixAll).</summary>
        public const string EquivalenceKey = CodeFixAssembly.EquivalenceKeyPrefix + "UseAny";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WholeTableAggregate);

        /// <inheritdoc />
        protected override string Key => EquivalenceKey;

        /// <inheritdoc />
        protected override string? Title(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(QueryShapeRules.ExistenceProperty, out var meaning) || meaning is null ||
                FixSyntax.CallAt(root, diagnostic.Location.SourceSpan) is not { } call || WholeTableAggregateExistence.Comparison(call) is null)
            {
                return null;
            }

            var any = AnyName(call.Name()!);
            return meaning == "none" ? $"Use !{any}() instead of counting every row" : $"Use {any}() instead of counting every row";
        }

        /// <inheritdoc />
        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var call = root is null ? null : FixSyntax.CallAt(root, diagnostic.Location.SourceSpan);
            if (root is null || call?.Member() is not { } member || WholeTableAggregateExistence.Comparison(call) is not { } comparison)
            {
                return document;
            }

            var anyCall = call.WithExpression(member.WithName(IdentifierName(AnyName(member.Name.Identifier.ValueText)).WithTriviaFrom(member.Name)));
            var side = comparison.CountSide.ReplaceNode(call, anyCall).WithoutTrivia();
            var replacement = comparison.Meaning == "none"
                ? PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, side)
                : (ExpressionSyntax)side;
            replacement = FixSyntax.ParenthesizeIfNeeded(replacement.WithTriviaFrom(comparison.Binary), comparison.Binary);
            return document.WithSyntaxRoot(root.ReplaceNode(comparison.Binary, replacement));
        }

        private static string AnyName(string countName) => countName.EndsWith("Async", System.StringComparison.Ordinal) ? "AnyAsync" : "Any";
    }
}
