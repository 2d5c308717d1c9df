using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>Predicate lambdas: AND, OR over one column, comparisons, NOT and constant patterns.</summary>
    internal sealed partial class SyntaxShapeReader
    {
        private bool ReadPredicateLambda(ExpressionSyntax argument, InvocationExpressionSyntax call)
        {
            if (!Lambda(argument, out var parameter, out var body) || Contains(body, static n => n is LambdaExpressionSyntax))
            {
                return false;
            }

            predicateLocation = Register(call);
            return ReadPredicate(body, parameter);
        }

        private bool ReadPredicate(ExpressionSyntax expression, string parameter)
        {
            var node = expression.WithoutParenthesesOrCasts();
            if (!Mentions(node, parameter))
            {
                return true;
            }

            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    return ReadPredicate(binary.Left, parameter) && ReadPredicate(binary.Right, parameter);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                    return ReadOr(binary, parameter);
                case BinaryExpressionSyntax binary:
                    return ReadComparison(binary, parameter);
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) && Column(not.Operand, parameter, out var notAccess, out var notProperty):
                    accesses[notAccess].Equalities.Add(ColumnLiterals.BooleanTest(accesses[notAccess].Entity, notProperty, value: false, predicateLocation));
                    return true;
                case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } pattern when Column(pattern.Expression, parameter, out var patternAccess, out var patternProperty):
                    accesses[patternAccess].Equalities.Add(constant.Expression.IsKind(SyntaxKind.NullLiteralExpression)
                        ? new ColumnEquality(patternProperty, EqualityKind.IsNull, predicateLocation)
                        : ColumnLiterals.Equal(accesses[patternAccess].Entity, patternProperty, constant.Expression, predicateLocation));
                    return true;
                case InvocationExpressionSyntax invocation:
                    return ReadCall(invocation, parameter);
                default:
                    if (Column(node, parameter, out var access, out var property))
                    {
                        accesses[access].Equalities.Add(ColumnLiterals.BooleanTest(accesses[access].Entity, property, value: true, predicateLocation));
                        return true;
                    }

                    return false;
            }
        }

        private bool ReadOr(BinaryExpressionSyntax binary, string parameter)
        {
            var terms = new List<ExpressionSyntax>();
            Flatten(binary, terms);
            (int Access, string Property)? shared = null;
            foreach (var term in terms)
            {
                if (term is BinaryExpressionSyntax equals && equals.IsKind(SyntaxKind.EqualsExpression) && ColumnAndValue(equals, parameter, out var access, out var property, out _) &&
                    (shared is null || shared == (access, property)))
                {
                    shared = (access, property);
                    continue;
                }

                // An OR across columns: leave it to the binding reader, which describes it exactly.
                return false;
            }

            accesses[shared!.Value.Access].Equalities.Add(new ColumnEquality(shared.Value.Property, EqualityKind.List, predicateLocation));
            return true;

            static void Flatten(ExpressionSyntax expression, List<ExpressionSyntax> into)
            {
                var node = expression.WithoutParenthesesOrCasts();
                if (node is BinaryExpressionSyntax or && or.IsKind(SyntaxKind.LogicalOrExpression))
                {
                    Flatten(or.Left, into);
                    Flatten(or.Right, into);
                }
                else
                {
                    into.Add(node);
                }
            }
        }

        private bool ReadComparison(BinaryExpressionSyntax binary, string parameter)
        {
            if (!ColumnAndValue(binary, parameter, out var access, out var property, out var flipped))
            {
                return false;
            }

            var value = (flipped ? binary.Left : binary.Right).WithoutParenthesesOrCasts();
            var isNull = value.IsKind(SyntaxKind.NullLiteralExpression);
            var state = accesses[access];
            switch (binary.Kind())
            {
                case SyntaxKind.EqualsExpression:
                    state.Equalities.Add(isNull ? new ColumnEquality(property, EqualityKind.IsNull, predicateLocation) : ColumnLiterals.Equal(state.Entity, property, value, predicateLocation));
                    return true;
                case SyntaxKind.NotEqualsExpression:
                    state.Unusable.Add(new UnusablePredicate(UnusableReason.NotEqual, property, property + (isNull ? " IS NOT NULL" : " <> ..."), predicateLocation));
                    return true;
                case SyntaxKind.LessThanExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.GreaterThan : RangeKind.LessThan, predicateLocation));
                    return true;
                case SyntaxKind.LessThanOrEqualExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.GreaterOrEqual : RangeKind.LessOrEqual, predicateLocation));
                    return true;
                case SyntaxKind.GreaterThanExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.LessThan : RangeKind.GreaterThan, predicateLocation));
                    return true;
                case SyntaxKind.GreaterThanOrEqualExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.LessOrEqual : RangeKind.GreaterOrEqual, predicateLocation));
                    return true;
                default:
                    return false;
            }
        }

        private bool ColumnAndValue(BinaryExpressionSyntax binary, string parameter, out int access, out string property, out bool flipped)
        {
            flipped = false;
            if (Column(binary.Left, parameter, out access, out property) && !Mentions(binary.Right, parameter))
            {
                return true;
            }

            flipped = true;
            return Column(binary.Right, parameter, out access, out property) && !Mentions(binary.Left, parameter);
        }
    }
}
