using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sargable.Analyzers.Query
{
    /// <summary>Syntax helpers: single-parameter lambdas, parentheses and casts looked through, and searches of a subtree.</summary>
    internal sealed partial class SyntaxShapeReader
    {
        private static bool Lambda(ExpressionSyntax expression, out string parameter, out ExpressionSyntax body)
        {
            switch (expression)
            {
                case SimpleLambdaExpressionSyntax { ExpressionBody: { } simpleBody } simple:
                    parameter = simple.Parameter.Identifier.ValueText;
                    body = simpleBody;
                    return true;
                case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1, ExpressionBody: { } parenthesizedBody } parenthesized:
                    parameter = parenthesized.ParameterList.Parameters[0].Identifier.ValueText;
                    body = parenthesizedBody;
                    return true;
                default:
                    parameter = string.Empty;
                    body = expression;
                    return false;
            }
        }

        private static bool Mentions(SyntaxNode node, string parameter)
        {
            if (node is IdentifierNameSyntax identifier)
            {
                return identifier.Identifier.ValueText == parameter;
            }

            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is { } childNode && Mentions(childNode, parameter))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Does the node or a descendant match? A recursive walk: called per predicate term, it allocates nothing.</summary>
        private static bool Contains(SyntaxNode node, Func<SyntaxNode, bool> match)
        {
            if (match(node))
            {
                return true;
            }

            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is { } childNode && Contains(childNode, match))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
