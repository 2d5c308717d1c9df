using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// The arguments of fluent calls: property names from lambdas, strings or nameof, and the HasIndex and
    /// HasForeignKey calls with the calls chained around them (IsUnique, HasFilter, HasDatabaseName, HasOne/WithOne).
    /// </summary>
    internal static partial class EfModelReader
    {
        private static IOperation? ArgumentAfterReceiver(IInvocationOperation invocation, IMethodSymbol method)
        {
            var skip = method.IsExtensionMethod && invocation.Instance is null ? 1 : 0;
            return invocation.Arguments.Length > skip ? invocation.Arguments[skip].Value : null;
        }

        private static string? FirstString(IInvocationOperation invocation) =>
            invocation.Arguments.Select(a => a.Value.ConstantValue).Where(c => c.HasValue && c.Value is string).Select(c => (string)c.Value!).FirstOrDefault();

        private static void ReadIndex(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol entity, FluentFacts facts)
        {
            var first = ArgumentAfterReceiver(invocation, method);
            var names = PropertyNames(first);
            if (names is not { Count: > 0 })
            {
                facts.IncompleteEntities.Add(entity);
                return;
            }

            string? name = null;
            if (first.AsLambda() is not null && invocation.Arguments.Length > 1 && invocation.Arguments[invocation.Arguments.Length - 1].Value.ConstantValue is { HasValue: true, Value: string n })
            {
                name = n;
            }

            var index = new IndexModel(name, names, unique: false, primaryKey: false);
            for (var outer = invocation.OuterCall(); outer is not null; outer = outer.OuterCall())
            {
                switch (outer.TargetMethod.Name)
                {
                    case "IsUnique":
                        index.Unique = outer.Arguments.Length == 0 || outer.Arguments[outer.Arguments.Length - 1].Value.ConstantValue is not { HasValue: true, Value: false };
                        break;
                    case "HasFilter":
                        index.Filter = FirstString(outer);
                        break;
                    case "HasDatabaseName":
                    case "HasName":
                        index.Name = FirstString(outer) ?? index.Name;
                        break;
                    case "IsDescending":
                        var flags = outer.Arguments.SelectMany(a => a.Value.DescendantsAndSelf()).Where(o => o.ConstantValue.HasValue && o.ConstantValue.Value is bool)
                            .Select(o => (bool)o.ConstantValue.Value!).ToArray();
                        index.Descending = flags.Length == 0 ? names.Select(_ => true).ToArray() : flags.Length == names.Count ? flags : index.Descending;
                        break;
                }
            }

            facts.Indexes.Add((entity, index));
        }

        private static void ReadForeignKey(EfSymbols ef, IInvocationOperation invocation, FluentFacts facts)
        {
            var method = invocation.TargetMethod;
            var argument = ArgumentAfterReceiver(invocation, method);
            var lambda = argument.AsLambda();
            INamedTypeSymbol? dependent = null;
            if (lambda is not null)
            {
                dependent = lambda.Symbol.Parameters.FirstOrDefault()?.Type as INamedTypeSymbol;
            }
            else if (method.IsGenericMethod)
            {
                dependent = method.TypeArguments[0] as INamedTypeSymbol;
            }
            else if (invocation.Receiver()?.Type is INamedTypeSymbol { TypeArguments.Length: 2 } builder && builder.Name == "ReferenceCollectionBuilder")
            {
                dependent = builder.TypeArguments[1] as INamedTypeSymbol;
            }

            var names = PropertyNames(argument);
            if (dependent is null || names is not { Count: > 0 })
            {
                return;
            }

            // The navigation on the dependent, if the relationship names one (HasOne(d => d.Nav) or WithOne(d => d.Nav)).
            string? navigation = null;
            for (var inner = invocation.Receiver()?.Unwrap() as IInvocationOperation; inner is not null; inner = inner.Receiver()?.Unwrap() as IInvocationOperation)
            {
                if (inner.TargetMethod.Name is "HasOne" or "WithOne" && inner.Arguments.Length > 0 &&
                    inner.Arguments[inner.Arguments.Length - 1].Value.AsLambda() is { } navLambda &&
                    Comparer.Equals(navLambda.Symbol.Parameters.FirstOrDefault()?.Type, dependent) && PropertyNames(navLambda) is { Count: 1 } navNames)
                {
                    navigation = navNames[0];
                }
            }

            facts.ForeignKeys.Add((dependent, navigation, names));
        }

        /// <summary>Property names from <c>e => e.A</c>, <c>e => new { e.A, e.B }</c>, or string/nameof arguments.</summary>
        private static List<string>? PropertyNames(IOperation? argument)
        {
            if (argument is null)
            {
                return null;
            }

            if (argument.AsLambda() is { } lambda)
            {
                var parameter = lambda.Symbol.Parameters.FirstOrDefault();
                var names = new List<string>();
                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is IPropertyReferenceOperation { Instance: IParameterReferenceOperation reference } property &&
                        Comparer.Equals(reference.Parameter, parameter))
                    {
                        names.Add(property.Property.Name);
                    }
                }

                return names;
            }

            var strings = argument.ConstantStrings();
            return strings.Count > 0 ? strings : null;
        }
    }
}
