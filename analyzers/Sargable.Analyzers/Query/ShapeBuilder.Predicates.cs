using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>Predicate lambdas: AND, OR, comparisons, NOT and patterns as equalities, ranges and unusable predicates.</summary>
    internal sealed partial class ShapeBuilder
    {
        private bool ReadPredicateArgument(IOperation argument, IInvocationOperation call)
        {
            var lambda = argument.AsLambda();
            if (lambda is null || lambda.Symbol.Parameters.Length != 1 || lambda.LambdaResult() is not { } body)
            {
                return false;
            }

            return ReadPredicate(body, lambda.Symbol.Parameters[0], Register(call));
        }

        private bool ReadPredicate(IOperation expression, IParameterSymbol parameter, SourceLocation location)
        {
            var operation = expression.Unwrap();
            if (!operation.References(parameter))
            {
                // A condition on captured values only (flags, "include all" switches): not a predicate on the table.
                return true;
            }

            switch (operation)
            {
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And && IsBoolean(binary):
                    return ReadPredicate(binary.LeftOperand, parameter, location) && ReadPredicate(binary.RightOperand, parameter, location);
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or && IsBoolean(binary):
                    return ReadOr(binary, parameter, location);
                case IBinaryOperation binary:
                    return ReadComparison(binary, parameter, location);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    if (TryColumn(not.Operand, parameter, out var notAccess, out var notProperty))
                    {
                        accesses[notAccess].Equalities.Add(ColumnLiterals.BooleanTest(accesses[notAccess].Entity, notProperty, value: false, location));
                        return true;
                    }

                    return AddUnusable(not.Operand, parameter, UnusableReason.Other, "NOT (...)", location);
                case IIsPatternOperation pattern:
                    return ReadPattern(pattern, parameter, location);
                case IInvocationOperation invocation:
                    return ReadCall(invocation, parameter, location);
                default:
                    if (TryColumn(operation, parameter, out var access, out var property))
                    {
                        // A boolean column used as the condition: IsActive = true.
                        accesses[access].Equalities.Add(ColumnLiterals.BooleanTest(accesses[access].Entity, property, value: true, location));
                        return true;
                    }

                    return false;
            }
        }

        private static bool IsBoolean(IBinaryOperation binary) =>
            binary.Type?.SpecialType == SpecialType.System_Boolean || binary.Type is INamedTypeSymbol { TypeArguments.Length: 1 } nullable && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

        private bool ReadPattern(IIsPatternOperation pattern, IParameterSymbol parameter, SourceLocation location)
        {
            if (!TryColumn(pattern.Value, parameter, out var access, out var property))
            {
                return false;
            }

            switch (pattern.Pattern)
            {
                case IConstantPatternOperation constant when constant.Value.ConstantValue is { HasValue: true, Value: null }:
                    accesses[access].Equalities.Add(new ColumnEquality(property, EqualityKind.IsNull, location));
                    return true;
                case IConstantPatternOperation { Value.Syntax: ExpressionSyntax constantSyntax }:
                    accesses[access].Equalities.Add(ColumnLiterals.Equal(accesses[access].Entity, property, constantSyntax, location));
                    return true;
                case IConstantPatternOperation:
                    accesses[access].Equalities.Add(new ColumnEquality(property, EqualityKind.Value, location));
                    return true;
                case INegatedPatternOperation:
                    accesses[access].Unusable.Add(new UnusablePredicate(UnusableReason.NotEqual, property, property + " IS NOT ...", location));
                    return true;
                case IRelationalPatternOperation relational:
                    accesses[access].Ranges.Add(new ColumnRange(property, RangeOf(relational.OperatorKind, flipped: false), location));
                    return true;
                default:
                    return false;
            }
        }

        private bool ReadOr(IBinaryOperation binary, IParameterSymbol parameter, SourceLocation location)
        {
            var terms = new List<IOperation>();
            Flatten(binary, terms);
            (int Access, string Property)? shared = null;
            var sameColumn = true;
            foreach (var term in terms)
            {
                if (term.Unwrap() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals &&
                    (TryColumnAndValue(equals, parameter, out var access, out var property, out _)))
                {
                    if (shared is null)
                    {
                        shared = (access, property);
                    }
                    else if (shared.Value.Access != access || shared.Value.Property != property)
                    {
                        sameColumn = false;
                    }
                }
                else
                {
                    sameColumn = false;
                }
            }

            if (sameColumn && shared is { } column)
            {
                // Status == A || Status == B is Status IN (A, B).
                accesses[column.Access].Equalities.Add(new ColumnEquality(column.Property, EqualityKind.List, location));
                return true;
            }

            var first = terms.SelectMany(t => t.DescendantsAndSelf()).FirstOrDefault(o => TryColumn(o, parameter, out _, out _));
            if (first is null || !TryColumn(first, parameter, out var firstAccess, out var firstProperty))
            {
                return false;
            }

            accesses[firstAccess].Unusable.Add(new UnusablePredicate(UnusableReason.OrAcrossColumns, firstProperty, binary.Syntax.ToString(), location));
            return true;

            static void Flatten(IOperation operation, List<IOperation> into)
            {
                var unwrapped = operation.Unwrap();
                if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or)
                {
                    Flatten(or.LeftOperand, into);
                    Flatten(or.RightOperand, into);
                }
                else
                {
                    into.Add(unwrapped);
                }
            }
        }

        private bool TryColumnAndValue(IBinaryOperation binary, IParameterSymbol parameter, out int access, out string property, out bool flipped)
        {
            flipped = false;
            if (TryColumn(binary.LeftOperand, parameter, out access, out property) && !binary.RightOperand.References(parameter))
            {
                return true;
            }

            flipped = true;
            return TryColumn(binary.RightOperand, parameter, out access, out property) && !binary.LeftOperand.References(parameter);
        }

        private bool ReadComparison(IBinaryOperation binary, IParameterSymbol parameter, SourceLocation location)
        {
            if (TryColumnAndValue(binary, parameter, out var access, out var property, out var flipped))
            {
                var value = (flipped ? binary.LeftOperand : binary.RightOperand).Unwrap();
                var isNull = value.ConstantValue is { HasValue: true, Value: null };
                var state = accesses[access];
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.Equals:
                        state.Equalities.Add(isNull || value.Syntax is not ExpressionSyntax valueSyntax
                            ? new ColumnEquality(property, isNull ? EqualityKind.IsNull : EqualityKind.Value, location)
                            : ColumnLiterals.Equal(state.Entity, property, valueSyntax, location));
                        return true;
                    case BinaryOperatorKind.NotEquals:
                        state.Unusable.Add(new UnusablePredicate(UnusableReason.NotEqual, property, isNull ? property + " IS NOT NULL" : property + " <> ...", location));
                        return true;
                    case BinaryOperatorKind.LessThan:
                    case BinaryOperatorKind.LessThanOrEqual:
                    case BinaryOperatorKind.GreaterThan:
                    case BinaryOperatorKind.GreaterThanOrEqual:
                        state.Ranges.Add(new ColumnRange(property, RangeOf(binary.OperatorKind, flipped), location));
                        return true;
                    default:
                        return false;
                }
            }

            // A function of a column compared with a value: lower(name) = $1.
            var left = binary.LeftOperand.Unwrap();
            var right = binary.RightOperand.Unwrap();
            var functionSide = left.References(parameter) && !right.References(parameter) ? left : right.References(parameter) && !left.References(parameter) ? right : null;
            if (functionSide is not null)
            {
                return AddUnusable(functionSide, parameter, UnusableReason.FunctionOnColumn, functionSide.Syntax.ToString() + " " + OperatorText(binary.OperatorKind) + " ...", location);
            }

            return AddUnusable(binary, parameter, UnusableReason.Other, binary.Syntax.ToString(), location);
        }

        private static string OperatorText(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.Equals => "=",
            BinaryOperatorKind.NotEquals => "<>",
            BinaryOperatorKind.LessThan => "<",
            BinaryOperatorKind.LessThanOrEqual => "<=",
            BinaryOperatorKind.GreaterThan => ">",
            BinaryOperatorKind.GreaterThanOrEqual => ">=",
            _ => kind.ToString(),
        };

        private static RangeKind RangeOf(BinaryOperatorKind kind, bool flipped) => (kind, flipped) switch
        {
            (BinaryOperatorKind.LessThan, false) or (BinaryOperatorKind.GreaterThan, true) => RangeKind.LessThan,
            (BinaryOperatorKind.LessThanOrEqual, false) or (BinaryOperatorKind.GreaterThanOrEqual, true) => RangeKind.LessOrEqual,
            (BinaryOperatorKind.GreaterThan, false) or (BinaryOperatorKind.LessThan, true) => RangeKind.GreaterThan,
            _ => RangeKind.GreaterOrEqual,
        };

        /// <summary>Adds an unusable predicate on the first column the expression mentions; false (no shape) when there is none.</summary>
        private bool AddUnusable(IOperation expression, IParameterSymbol parameter, UnusableReason reason, string description, SourceLocation location)
        {
            if (expression.Descendants().Any(o => o is IAnonymousFunctionOperation))
            {
                // Subqueries over navigations (d.Deployments.Any(...)) are not a predicate on this table's columns.
                return false;
            }

            foreach (var candidate in expression.DescendantsAndSelf())
            {
                if (TryColumn(candidate, parameter, out var access, out var property))
                {
                    accesses[access].Unusable.Add(new UnusablePredicate(reason, property, description, location));
                    return true;
                }
            }

            return false;
        }
    }
}
