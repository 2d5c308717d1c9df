using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Sargable.Analyzers.CodeFixes
{
    /// <summary>Syntax helpers shared by the fixes.</summary>
    internal static class FixSyntax
    {
        /// <summary>The call a diagnostic points at: its span runs from the method name to the closing parenthesis.</summary>
        public static InvocationExpressionSyntax? CallAt(SyntaxNode root, TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            return node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax member && member.Name.SpanStart == span.Start && i.Span.End == span.End);
        }

        public static MemberAccessExpressionSyntax? Member(this InvocationExpressionSyntax invocation) => invocation.Expression as MemberAccessExpressionSyntax;

        public static string? Name(this InvocationExpressionSyntax invocation) => invocation.Member()?.Name.Identifier.ValueText;

        /// <summary>The call this call is the receiver of (<c>a.B().C()</c>: from B to C).</summary>
        public static InvocationExpressionSyntax? OuterCall(this InvocationExpressionSyntax invocation) =>
            invocation.Parent is MemberAccessExpressionSyntax member && member.Expression == invocation && member.Parent is InvocationExpressionSyntax outer ? outer : null;

        /// <summary>The lambda parameter name of a call's first lambda argument, or the fallback.</summary>
        public static string LambdaParameter(InvocationExpressionSyntax invocation, string fallback = "x")
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                switch (argument.Expression)
                {
                    case SimpleLambdaExpressionSyntax simple:
                        return simple.Parameter.Identifier.ValueText;
                    case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized:
                        return parenthesized.ParameterList.Parameters[0].Identifier.ValueText;
                }
            }

            return fallback;
        }

        /// <summary><c>p => p.Property</c>.</summary>
        public static SimpleLambdaExpressionSyntax PropertyLambda(string parameter, string property) =>
            SimpleLambdaExpression(
                Parameter(Identifier(parameter)),
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(parameter), IdentifierName(property)));

        /// <summary><c>receiver.Name(arguments)</c>.</summary>
        public static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string name, params ArgumentSyntax[] arguments) =>
            InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, IdentifierName(name)),
                ArgumentList(SeparatedList(arguments)));

        public static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>Wraps the expression in parentheses when it replaces a node used as a receiver or operand.</summary>
        public static ExpressionSyntax ParenthesizeIfNeeded(ExpressionSyntax replacement, SyntaxNode replaced) =>
            replacement is AwaitExpressionSyntax && replaced.Parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or CastExpressionSyntax
                ? ParenthesizedExpression(replacement)
                : replacement;

        /// <summary>Adds <c>using Namespace;</c> to the compilation unit when it is missing.</summary>
        public static SyntaxNode AddUsing(SyntaxNode root, string ns)
        {
            if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Name?.ToString() == ns))
            {
                return root;
            }

            var directive = UsingDirective(ParseName(ns)).WithTrailingTrivia(ElasticCarriageReturnLineFeed);
            return unit.AddUsings(directive);
        }
    }
}
