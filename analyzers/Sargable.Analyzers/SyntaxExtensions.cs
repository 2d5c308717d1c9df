using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sargable.Analyzers
{
    internal static class SyntaxExtensions
    {
        /// <summary>Strips parentheses and casts: the syntax-side twin of <see cref="OperationExtensions.Unwrap"/>.</summary>
        public static ExpressionSyntax WithoutParenthesesOrCasts(this ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    default:
                        return expression;
                }
            }
        }
    }
}
