using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>Method calls in predicates: <c>Contains</c> over a collection certainly in memory, and <c>StartsWith</c>.</summary>
    internal sealed partial class SyntaxShapeReader
    {
        private bool ReadCall(InvocationExpressionSyntax invocation, string parameter)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member)
            {
                return false;
            }

            var args = invocation.ArgumentList.Arguments;
            if (name.Identifier.ValueText == "Contains" && args.Count == 1 && !Mentions(member.Expression, parameter) && IsInMemory(member.Expression) &&
                Column(args[0].Expression, parameter, out var itemAccess, out var itemProperty))
            {
                // ids.Contains(d.Id): IN (...) / = ANY (@ids) — list and subquery bind the column alike.
                accesses[itemAccess].Equalities.Add(new ColumnEquality(itemProperty, EqualityKind.List, predicateLocation));
                return true;
            }

            if (name.Identifier.ValueText == "StartsWith" && args.Count == 1 && !Mentions(args[0].Expression, parameter) &&
                Column(member.Expression, parameter, out var prefixAccess, out var prefixProperty) && accesses[prefixAccess].Entity.StringColumns.Contains(prefixProperty))
            {
                accesses[prefixAccess].Ranges.Add(new ColumnRange(prefixProperty, RangeKind.PrefixLike, predicateLocation));
                return true;
            }

            // Everything else (functions of columns, wildcards...) is read exactly by the binding reader.
            return false;
        }

        /// <summary>
        /// True when a Contains collection is certainly not a query (a subquery has a shape of its own, which only the
        /// binding reader reads): a collection or array expression, a parameter or local declared as an array, list or
        /// set, or a local initialized with such a value or with a materialized query.
        /// </summary>
        private static bool IsInMemory(ExpressionSyntax collection)
        {
            switch (collection)
            {
                case ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax or ObjectCreationExpressionSyntax:
                    return true;
                case IdentifierNameSyntax identifier:
                    var member = collection.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or BasePropertyDeclarationSyntax);
                    if (member is null)
                    {
                        return false;
                    }

                    var name = identifier.Identifier.ValueText;
                    var parameterType = member.DescendantNodes().OfType<ParameterSyntax>().FirstOrDefault(p => p.Identifier.ValueText == name)?.Type;
                    if (parameterType is not null)
                    {
                        return IsInMemoryType(parameterType);
                    }

                    var declarator = member.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(v => v.Identifier.ValueText == name);
                    if (declarator?.Parent is VariableDeclarationSyntax declaration && declaration.Type is not IdentifierNameSyntax { IsVar: true })
                    {
                        return IsInMemoryType(declaration.Type);
                    }

                    return declarator?.Initializer?.Value is { } value &&
                        (value is AwaitExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or ObjectCreationExpressionSyntax ||
                         value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToList" or "ToArray" or "ToHashSet" } });
                default:
                    return false;
            }
        }

        private static bool IsInMemoryType(TypeSyntax type) =>
            type is ArrayTypeSyntax || (type is GenericNameSyntax generic && generic.Identifier.ValueText is "List" or "HashSet" or "IReadOnlyList" or "IReadOnlyCollection" or "ICollection" or "IList" or "ISet" or "IReadOnlySet");
    }
}
