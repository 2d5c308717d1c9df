using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Baselines;

namespace Sargable.Analyzers.Baseline
{
    /// <summary>
    /// Reduces a reported diagnostic to what <see cref="BaselineFingerprint.ForCode"/> hashes: the containing member's
    /// documentation ID (local functions and lambdas count as their member) and the tokens of the whole query
    /// expression around the location, with every local, parameter and range variable written <c>_</c>. Line numbers,
    /// trivia and local names are not in it, so moving, reformatting or renaming a local keeps the fingerprint.
    /// </summary>
    internal static class CodeFingerprint
    {
        /// <summary>The diagnostic property that carries the fingerprint to <c>sargable analyze</c> and SARIF.</summary>
        public const string Property = "Sargable.Fingerprint";

        /// <summary>The fingerprint of a diagnostic at <paramref name="location"/>, or null when it is not in source.</summary>
        public static string? Of(Location location, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!location.IsInSource || location.SourceTree != model.SyntaxTree)
            {
                return null;
            }

            var root = location.SourceTree.GetRoot(cancellationToken);
            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            var query = Outermost(node);
            return BaselineFingerprint.ForCode(MemberId(model, query, cancellationToken), Tokens(model, query, cancellationToken));
        }

        /// <summary>The diagnostic with the fingerprint among its properties (messages are always the single argument "{0}").</summary>
        public static Diagnostic Attach(Diagnostic diagnostic, string? fingerprint) => fingerprint is null
            ? diagnostic
            : Diagnostic.Create(
                diagnostic.Descriptor,
                diagnostic.Location,
                diagnostic.AdditionalLocations,
                diagnostic.Properties.SetItem(Property, fingerprint),
                diagnostic.GetMessage(CultureInfo.InvariantCulture));

        /// <summary>Climbs from the flagged node to the whole expression it belongs to (stopping at statements, declarations and lambda blocks).</summary>
        private static SyntaxNode Outermost(SyntaxNode node)
        {
            var current = node;
            while (current.Parent is ExpressionSyntax or ArgumentSyntax or ArgumentListSyntax or BracketedArgumentListSyntax or
                   InitializerExpressionSyntax or AnonymousObjectMemberDeclaratorSyntax or QueryBodySyntax or QueryClauseSyntax or
                   SelectOrGroupClauseSyntax or FromClauseSyntax or TypeArgumentListSyntax)
            {
                current = current.Parent;
            }

            return current;
        }

        private static string MemberId(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            while (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } && symbol.ContainingSymbol is not null)
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol?.GetDocumentationCommentId() ?? string.Empty;
        }

        private static IEnumerable<string> Tokens(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken))
                {
                    yield return token.Text;
                    continue;
                }

                yield return IsLocalName(model, token, cancellationToken) ? "_" : token.ValueText;
            }
        }

        /// <summary>True for names a developer may rename without changing the query: locals, parameters, range variables and their declarations.</summary>
        private static bool IsLocalName(SemanticModel model, SyntaxToken token, CancellationToken cancellationToken)
        {
            if (token.Parent is not SimpleNameSyntax name)
            {
                // A declaration inside the expression: lambda parameter, query range variable, pattern or out variable.
                return true;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            return symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol;
        }
    }
}
