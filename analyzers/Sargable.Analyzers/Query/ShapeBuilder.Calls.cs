using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>Method calls in predicates: string predicates, <c>Contains</c> as IN (a list or a subquery), <c>EF.Functions.Like</c>.</summary>
    internal sealed partial class ShapeBuilder
    {
        private bool ReadCall(IInvocationOperation invocation, IParameterSymbol parameter, SourceLocation location)
        {
            var method = invocation.TargetMethod;
            var instance = invocation.Instance;
            var args = invocation.Arguments;

            // String predicates on a column.
            if (method.ContainingType?.SpecialType == SpecialType.System_String && instance is not null && TryColumn(instance, parameter, out var access, out var property) &&
                args.Length >= 1 && !args.Any(a => a.Value.References(parameter)))
            {
                switch (method.Name)
                {
                    case "StartsWith" when args.Length == 1:
                        accesses[access].Ranges.Add(new ColumnRange(property, RangeKind.PrefixLike, location));
                        return true;
                    case "Contains":
                    case "EndsWith":
                        accesses[access].Unusable.Add(new UnusablePredicate(UnusableReason.LeadingWildcard, property, property + " LIKE '%...'", location));
                        return true;
                    case "Equals" when args.Length == 1:
                        accesses[access].Equalities.Add(new ColumnEquality(property, EqualityKind.Value, location));
                        return true;
                }
            }

            // collection.Contains(d.Column): IN (...) / = ANY (@list), or IN (SELECT ...) for a query.
            if (method.Name == "Contains")
            {
                IOperation? collection = null;
                IOperation? item = null;
                if (method.IsExtensionMethod && args.Length == 2)
                {
                    collection = args[0].Value;
                    item = args[1].Value;
                }
                else if (instance is not null && args.Length == 1)
                {
                    collection = instance;
                    item = args[0].Value;
                }

                if (collection is not null && item is not null && !collection.References(parameter) && collection.Unwrap().Type?.SpecialType != SpecialType.System_String &&
                    TryColumn(item, parameter, out var itemAccess, out var itemProperty))
                {
                    var isQuery = ef.QueryableElement(collection.Unwrap().Type) is not null;
                    if (isQuery && depth < 3 && QueryChains.TryWalk(collection, ef, out var subRoot, out var subEntity, out var subOperators, cancellationToken))
                    {
                        var subChain = new QueryChain(subRoot!, subEntity!, subOperators, collection, null, ExecutionKind.Enumerate);
                        if (new ShapeBuilder(subChain, model, ef, depth + 1, cancellationToken).RunSubquery() is { } subquery)
                        {
                            subqueries.Add(subquery);
                        }
                    }

                    accesses[itemAccess].Equalities.Add(new ColumnEquality(itemProperty, isQuery ? EqualityKind.Subquery : EqualityKind.List, location));
                    return true;
                }
            }

            // EF.Functions.Like(d.Column, pattern).
            if (method.Name is "Like" or "ILike" && method.IsExtensionMethod && args.Length >= 3 && TryColumn(args[1].Value, parameter, out var likeAccess, out var likeProperty) &&
                !args[2].Value.References(parameter))
            {
                if (method.Name == "Like" && args[2].Value.ConstantValue is { HasValue: true, Value: string pattern } && pattern.Length > 0 && pattern[0] != '%' && pattern[0] != '_')
                {
                    accesses[likeAccess].Ranges.Add(new ColumnRange(likeProperty, RangeKind.PrefixLike, location));
                }
                else
                {
                    var reason = method.Name == "ILike" ? UnusableReason.FunctionOnColumn : UnusableReason.LeadingWildcard;
                    accesses[likeAccess].Unusable.Add(new UnusablePredicate(reason, likeProperty, likeProperty + (method.Name == "ILike" ? " ILIKE ..." : " LIKE ..."), location));
                }

                return true;
            }

            // Anything else computed from a column (string.IsNullOrEmpty(d.Ref), d.Name.ToLower().StartsWith(x)...).
            return AddUnusable(invocation, parameter, UnusableReason.FunctionOnColumn, invocation.Syntax.ToString(), location);
        }
    }
}
