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
    /// <summary>SARG0003: order by the range-filtered property, then the key, in the direction of the original order.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FilterOrderMismatchCodeFix))]
    [Shared]
    public sealed class FilterOrderMismatchCodeFix : SargableCodeFix
    {
        public const string EquivalenceKey = CodeFixAssembly.EquivalenceKeyPrefix + "OrderByFilteredProperty";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.FilterOrderMismatch);

        protected override string Key => EquivalenceKey;

        protected override string? Title(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(QueryShapeRules.OrderByProperty, out var order) && order is not null &&
            FixSyntax.CallAt(root, diagnostic.Location.SourceSpan) is { } call && call.Name() is "OrderBy" or "OrderByDescending"
                ? $"Order by {order.Replace(",", ", ")} so an index can serve the filter and the order"
                : null;

        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var orderCall = root is null ? null : FixSyntax.CallAt(root, diagnostic.Location.SourceSpan);
            if (root is null || orderCall?.Member() is not { } member)
            {
                return document;
            }

            var last = orderCall;
            while (last.OuterCall() is { } outer && outer.Name() is "ThenBy" or "ThenByDescending")
            {
                last = outer;
            }

            var descending = diagnostic.Properties.TryGetValue(QueryShapeRules.DescendingProperty, out var d) && d == "true";
            var parameter = FixSyntax.LambdaParameter(orderCall);
            var keys = diagnostic.Properties[QueryShapeRules.OrderByProperty]!.Split(',');

            // Keep the receiver, the dot's trivia and the argument list's layout; change the name and the key.
            var first = orderCall
                .WithExpression(member.WithName(IdentifierName(descending ? "OrderByDescending" : "OrderBy").WithTriviaFrom(member.Name)))
                .WithArgumentList(orderCall.ArgumentList.WithArguments(SingletonSeparatedList(Argument(FixSyntax.PropertyLambda(parameter, keys[0])))))
                .WithoutTrailingTrivia();
            ExpressionSyntax replacement = first;
            foreach (var key in keys.Skip(1))
            {
                replacement = FixSyntax.Call(replacement, descending ? "ThenByDescending" : "ThenBy", Argument(FixSyntax.PropertyLambda(parameter, key)));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(last, replacement.WithTrailingTrivia(last.GetTrailingTrivia())));
        }
    }
}
