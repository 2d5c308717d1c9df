using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>The chain's operators and its terminal: ordering, Take/Skip, projections, tags, and the terminal's limit or predicate.</summary>
    internal sealed partial class SyntaxShapeReader
    {
        private bool ReadOperator(string name, InvocationExpressionSyntax call)
        {
            var args = call.ArgumentList.Arguments;
            if (Ignored.Contains(name))
            {
                return true;
            }

            switch (name)
            {
                case "Where":
                    return !projected && limit is null && offset is null && args.Count == 1 && ReadPredicateLambda(args[0].Expression, call);
                case "OrderBy":
                case "OrderByDescending":
                    order.Clear();
                    orderProperties.Clear();
                    orderUnresolved = false;
                    ordered = true;
                    orderCall = call;
                    lastOrderCall = call;
                    return !projected && limit is null && offset is null && args.Count == 1 && ReadOrder(args[0].Expression, name.EndsWith("Descending", StringComparison.Ordinal), call);
                case "ThenBy":
                case "ThenByDescending":
                    lastOrderCall = call;
                    return ordered && !projected && args.Count == 1 && ReadOrder(args[0].Expression, name.EndsWith("Descending", StringComparison.Ordinal), call);
                case "Take":
                    if (args.Count != 1 || args[0].Expression is RangeExpressionSyntax)
                    {
                        return false;
                    }

                    takeCall = call;
                    limit = ShapeBuilder.Min(limit, Count(args[0].Expression, call));
                    return true;
                case "Skip":
                    if (args.Count != 1 || limit is not null || offset is not null)
                    {
                        return false;
                    }

                    skipCall = call;
                    offset = Count(args[0].Expression, call);
                    return true;
                case "Select":
                    projected = true;
                    return args.Count == 1 && Lambda(args[0].Expression, out _, out _);
                case "Distinct":
                    aggregated = true;
                    return args.Count == 0;
                case "TagWith":
                    if (args.Count == 1 && args[0].Expression is LiteralExpressionSyntax { Token.Value: string tag })
                    {
                        suppressions.AddRange(AllowComment.Read(tag));
                    }

                    return args.Count >= 1;
                default:
                    return false;
            }
        }

        private bool ReadTerminal(string name, InvocationExpressionSyntax call, out StatementKind kind)
        {
            kind = StatementKind.Select;
            var args = call.ArgumentList.Arguments;
            var bare = WithoutAsync(name);
            var lambda = args.Count > 0 && Lambda(args[0].Expression, out _, out _) ? args[0].Expression : null;
            var others = args.Count - (lambda is null ? 0 : 1);
            switch (bare)
            {
                case "ToList":
                case "ToArray":
                case "ToHashSet":
                case "AsEnumerable":
                    return args.Count <= 1 && lambda is null;
                case "First":
                case "FirstOrDefault":
                case "Single":
                case "SingleOrDefault":
                    if (lambda is not null && (projected || limit is not null || offset is not null || !ReadPredicateLambda(lambda, call)))
                    {
                        return false;
                    }

                    limit = ShapeBuilder.Min(limit, RowCount.Constant(bare.StartsWith("Single", StringComparison.Ordinal) ? 2 : 1, Register(call)));
                    return others <= 1;
                case "Count":
                case "LongCount":
                    if (limit is not null || offset is not null || (lambda is not null && (projected || !ReadPredicateLambda(lambda, call))))
                    {
                        return false;
                    }

                    aggregated = true;
                    return others <= 1;
                case "Any":
                    if (lambda is not null && (projected || limit is not null || offset is not null || !ReadPredicateLambda(lambda, call)))
                    {
                        return false;
                    }

                    limit ??= new RowCount(RowCountKind.Constant, 1, Register(call), implied: true);
                    return others <= 1;
                case "ExecuteDelete":
                    kind = StatementKind.Delete;
                    return lambda is null && others <= 1;
                default:
                    // Everything else (Find, aggregates with selectors, ToDictionary, Load, ExecuteUpdate...) is left to the binding reader.
                    return false;
            }
        }

        private RowCount Count(ExpressionSyntax argument, InvocationExpressionSyntax call)
        {
            var location = Register(call);
            if (argument is LiteralExpressionSyntax { Token.Value: int value })
            {
                return RowCount.Constant(value, location);
            }

            // Not a literal: a parameter or local in it makes it a run-time value; a bare name may be a constant, which
            // only binding can tell, so such a reading is good for the clean check but not for a report.
            certain &= IsRunTimeValue(argument);
            return new RowCount(RowCountKind.Parameter, null, location);
        }

        private static bool IsRunTimeValue(ExpressionSyntax expression)
        {
            var member = expression.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
            if (member is null)
            {
                return false;
            }

            foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
                {
                    continue;
                }

                var name = identifier.Identifier.ValueText;
                var isParameter = member.ChildNodes().OfType<ParameterListSyntax>().Any(list => list.Parameters.Any(p => p.Identifier.ValueText == name));
                var isVariable = member.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
                    .Any(local => !local.IsConst && local.Declaration.Variables.Any(v => v.Identifier.ValueText == name));
                if (isParameter || isVariable)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ReadOrder(ExpressionSyntax argument, bool descending, InvocationExpressionSyntax call)
        {
            if (!Lambda(argument, out var parameter, out var body))
            {
                return false;
            }

            if (Column(body, parameter, out var access, out var property) && access == 0)
            {
                order.Add(new OrderColumn(property, descending, null, Register(call)));
                orderProperties.Add((property, descending));
            }
            else if (!Mentions(body, parameter) || Contains(body, static n => n is LambdaExpressionSyntax))
            {
                return false;
            }
            else
            {
                orderUnresolved = true;
            }

            return true;
        }
    }
}
