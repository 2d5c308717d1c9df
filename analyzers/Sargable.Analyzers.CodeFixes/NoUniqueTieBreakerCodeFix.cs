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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Sargable.Analyzers.CodeFixes
{
    /// <summary>SARG0007: append the key as the last sort key, in the direction of the key before it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoUniqueTieBreakerCodeFix))]
    [Shared]
    public sealed class NoUniqueTieBreakerCodeFix : SargableCodeFix
    {
        public const string EquivalenceKey = CodeFixAssembly.EquivalenceKeyPrefix + "AddTieBreaker";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NoUniqueTieBreaker);

        protected override string Key => EquivalenceKey;

        protected override string? Title(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(QueryShapeRules.ThenByProperty, out var keys) || keys is null || FixSyntax.CallAt(root, diagnostic.Location.SourceSpan) is null)
            {
                return null;
            }

            var descending = diagnostic.Properties.TryGetValue(QueryShapeRules.DescendingProperty, out var d) && d == "true";
            return $"Add .{(descending ? "ThenByDescending" : "ThenBy")}(x => x.{keys.Replace(",", ", ")}) as a unique tie-breaker";
        }

        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var orderCall = root is null ? null : FixSyntax.CallAt(root, diagnostic.Location.SourceSpan);
            if (root is null || orderCall is null)
            {
                return document;
            }

            var last = orderCall;
            while (last.OuterCall() is { } outer && outer.Name() is "ThenBy" or "ThenByDescending")
            {
                last = outer;
            }

            var descending = diagnostic.Properties.TryGetValue(QueryShapeRules.DescendingProperty, out var d) && d == "true";
            var parameter = FixSyntax.LambdaParameter(last);
            ExpressionSyntax replacement = last.WithoutTrailingTrivia();
            foreach (var key in diagnostic.Properties[QueryShapeRules.ThenByProperty]!.Split(','))
            {
                replacement = FixSyntax.Call(replacement, descending ? "ThenByDescending" : "ThenBy", Argument(FixSyntax.PropertyLambda(parameter, key)));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(last, replacement.WithTrailingTrivia(last.GetTrailingTrivia())));
        }
    }
}
