using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers
{
    /// <summary>
    /// Whether EF Core could translate a lambda moved before materialization (SARG0009). Conservative: anything EF would
    /// reject or evaluate on the client keeps the operator in memory, where it is the legitimate "rest in memory" form.
    /// </summary>
    internal static class TranslatableLambda
    {
        private static readonly HashSet<string> StringMethods = new(System.StringComparer.Ordinal)
        {
            "StartsWith", "EndsWith", "Contains", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant", "Trim", "TrimStart", "TrimEnd", "Equals", "IsNullOrEmpty", "IsNullOrWhiteSpace",
        };

        // Value types EF maps to a column (besides the primitives, enums and string): an in-memory list of these becomes an array parameter.
        private static readonly HashSet<string> ScalarStructs = new(System.StringComparer.Ordinal)
        {
            "System.Guid", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly",
        };

        public static bool Check(IAnonymousFunctionOperation lambda, EfSymbols symbols)
        {
            var parameters = lambda.Symbol.Parameters;
            foreach (var operation in lambda.Body.Descendants())
            {
                if (!parameters.Any(p => operation.References(p)))
                {
                    // EF evaluates what does not depend on the row once, as a parameter.
                    continue;
                }

                var ok = operation switch
                {
                    IInvocationOperation call => CallTranslates(call, parameters),
                    IPropertyReferenceOperation property => Mapped(property.Property, symbols),
                    ITupleOperation or IObjectCreationOperation or IAnonymousObjectCreationOperation or IAnonymousFunctionOperation or IInterpolatedStringOperation => false,
                    _ => true,
                };
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool CallTranslates(IInvocationOperation call, IReadOnlyList<IParameterSymbol> parameters)
        {
            var method = call.TargetMethod;
            if (method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return StringMethods.Contains(method.Name);
            }

            if (method.Name == "Contains")
            {
                // list.Contains(row.Column) becomes = ANY (@list); a tuple or object item (pairs.Contains((r.A, r.B))) does not translate.
                var item = call.Arguments.Length > 0 ? call.Arguments[call.Arguments.Length - 1].Value.Unwrap() : null;
                return item?.Type is { } type && IsScalar(type);
            }

            if (method.ContainingType?.ToDisplayString() is "System.Linq.Enumerable")
            {
                // Over the row's own navigation it is a subquery; over an in-memory collection only scalars translate.
                var source = method.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
                return source is null || parameters.Any(p => source.References(p)) || ElementIsScalar(source.Unwrap().Type);
            }

            // EF.Functions and friends; any other method (a local function, a helper, row.ToString()) runs only in C#.
            return method.ContainingType?.ContainingNamespace?.ToDisplayString() is "Microsoft.EntityFrameworkCore";
        }

        /// <summary>Properties EF does not map ([NotMapped], or computed: no setter and no backing field) exist only in C#.</summary>
        private static bool Mapped(IPropertySymbol property, EfSymbols symbols)
        {
            if (EfSymbols.HasAttribute(property, symbols.NotMappedAttribute, out _))
            {
                return false;
            }

            if (property.SetMethod is not null || property.DeclaringSyntaxReferences.Length == 0 || property.ContainingType.TypeKind != TypeKind.Class)
            {
                return true;
            }

            return property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
        }

        private static bool ElementIsScalar(ITypeSymbol? type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return IsScalar(array.ElementType);
            }

            var enumerable = type?.AllInterfaces.Concat(type is INamedTypeSymbol self ? new[] { self } : Enumerable.Empty<INamedTypeSymbol>())
                .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
            return enumerable is not null && IsScalar(enumerable.TypeArguments[0]);
        }

        private static bool IsScalar(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type.TypeKind == TypeKind.Enum || type.SpecialType is not (SpecialType.None or SpecialType.System_Object)
                || ScalarStructs.Contains(type.ToDisplayString());
        }
    }
}
