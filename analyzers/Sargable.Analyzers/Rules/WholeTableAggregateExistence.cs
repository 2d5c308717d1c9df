using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0010's existence form: a count compared so that only "is there a row" matters (<c>Count() == 0</c>,
    /// <c>&gt; 0</c>, <c>&gt;= 1</c>, <c>!= 0</c>, and the mirrored forms). Any() answers it with the first row.
    /// The analyzer marks the diagnostic; the code fix uses <see cref="Comparison"/> to find what to rewrite.
    /// </summary>
    internal static class WholeTableAggregateExistence
    {
        /// <summary>"any", "none", or null when the query's count is not an existence test.</summary>
        public static string? Of(LinqShape shape)
        {
            var location = shape.ExecutionLocation;
            if (location.SourceTree is not { } tree || !location.IsInSource)
            {
                return null;
            }

            var span = location.SourceSpan;
            var node = tree.GetRoot().FindNode(span, getInnermostNodeForTie: true);
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                if (ancestor is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call && member.Name.SpanStart == span.Start)
                {
                    return Comparison(call)?.Meaning;
                }
            }

            return null;
        }

        /// <summary>The comparison around a parameterless count call, with its meaning ("any" / "none").</summary>
        public static (BinaryExpressionSyntax Binary, ExpressionSyntax CountSide, string Meaning)? Comparison(InvocationExpressionSyntax call)
        {
            if (call.Expression is not MemberAccessExpressionSyntax member ||
                member.Name.Identifier.ValueText is not ("Count" or "LongCount" or "CountAsync" or "LongCountAsync") ||
                call.ArgumentList.Arguments.Count > 1 || (call.ArgumentList.Arguments.Count == 1 && call.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax))
            {
                return null;
            }

            ExpressionSyntax side = call;
            while (side.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax)
            {
                side = (ExpressionSyntax)side.Parent;
            }

            if (side.Parent is not BinaryExpressionSyntax binary)
            {
                return null;
            }

            var countOnLeft = binary.Left == side;
            var other = countOnLeft ? binary.Right : binary.Left;
            if (other is not LiteralExpressionSyntax { Token.Value: int value } || value is not (0 or 1))
            {
                return null;
            }

            // Normalize to "count OP value".
            var kind = countOnLeft ? binary.Kind() : Mirror(binary.Kind());
            var meaning = (kind, value) switch
            {
                (SyntaxKind.EqualsExpression, 0) or (SyntaxKind.LessThanExpression, 1) or (SyntaxKind.LessThanOrEqualExpression, 0) => "none",
                (SyntaxKind.NotEqualsExpression, 0) or (SyntaxKind.GreaterThanExpression, 0) or (SyntaxKind.GreaterThanOrEqualExpression, 1) => "any",
                _ => null,
            };
            return meaning is null ? null : (binary, side, meaning);
        }

        private static SyntaxKind Mirror(SyntaxKind kind) => kind switch
        {
            SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
            SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
            SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
            SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
            _ => kind,
        };
    }
}
