using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// The fluent API: walks <c>OnModelCreating</c>/<c>Configure</c> and the helpers they pass a builder to (from syntax when
    /// <c>EfModelReader.FluentSyntax.cs</c> can, bound otherwise), and reads
    /// each EF call (Entity, ToTable, HasKey, HasNoKey, HasIndex, HasData, HasForeignKey, HasColumnName) into the facts.
    /// </summary>
    internal static partial class EfModelReader
    {
        private static void Walk(EfSymbols ef, IMethodSymbol method, FluentFacts facts, CancellationToken cancellationToken)
        {
            if (!facts.Visited.Add(method.OriginalDefinition))
            {
                return;
            }

            if (facts.ReadSyntaxFirst && TryWalkSyntax(ef, method, facts, cancellationToken))
            {
                return;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var syntax = reference.GetSyntax(cancellationToken);
                var body = ef.DeclarationModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
                if (body is null)
                {
                    continue;
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            ReadInvocation(ef, invocation, facts, cancellationToken);
                            break;
                        case IMethodReferenceOperation methodReference when IsBuilderMethod(ef, methodReference.Method):
                            FollowOrGiveUp(ef, methodReference.Method, facts, null, cancellationToken);
                            break;
                    }
                }
            }
        }

        private static bool IsBuilderMethod(EfSymbols ef, IMethodSymbol method) =>
            method.Parameters.Any(p => IsBuilderType(ef, p.Type));

        private static bool IsBuilderType(EfSymbols ef, ITypeSymbol type) =>
            Comparer.Equals(type, ef.ModelBuilder) || Comparer.Equals(type.OriginalDefinition, ef.EntityTypeBuilderOfT) || Comparer.Equals(type, ef.EntityTypeBuilder);

        private static void FollowOrGiveUp(EfSymbols ef, IMethodSymbol method, FluentFacts facts, INamedTypeSymbol? entity, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length > 0)
            {
                Walk(ef, method, facts, cancellationToken);
            }
            else if (entity is not null)
            {
                facts.IncompleteEntities.Add(entity);
            }
            else
            {
                facts.Incomplete = true;
            }
        }

        private static INamedTypeSymbol? BuilderEntity(EfSymbols ef, ITypeSymbol? type) =>
            type is INamedTypeSymbol named && Comparer.Equals(named.OriginalDefinition, ef.EntityTypeBuilderOfT) ? named.TypeArguments[0] as INamedTypeSymbol : null;

        private static void ReadInvocation(EfSymbols ef, IInvocationOperation invocation, FluentFacts facts, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (!ef.IsEfType(method.ContainingType))
            {
                // A helper that receives a builder configures the model out of our sight unless we can read it too.
                if (method.Name == "OnModelCreating" && invocation.Instance is IInstanceReferenceOperation && method.DeclaringSyntaxReferences.Length == 0)
                {
                    facts.OpaqueBase = true;
                    return;
                }

                if (ef.ModelConfigurationBuilder is not null && invocation.Arguments.Any(a => Comparer.Equals(a.Value.Type, ef.ModelConfigurationBuilder)))
                {
                    // A conventions helper: read it when it is in source; otherwise how a type is stored is unknown.
                    if (method.DeclaringSyntaxReferences.Length > 0)
                    {
                        Walk(ef, method, facts, cancellationToken);
                    }
                    else
                    {
                        facts.OpaqueConventions = true;
                    }

                    return;
                }

                if (invocation.Arguments.Any(a => a.Value.Type is { } t && IsBuilderType(ef, t)) || (invocation.Instance?.Type is { } it && IsBuilderType(ef, it)))
                {
                    var entity = invocation.Arguments.Select(a => BuilderEntity(ef, a.Value.Type)).FirstOrDefault(e => e is not null);
                    FollowOrGiveUp(ef, method, facts, entity, cancellationToken);
                }

                return;
            }

            var receiver = invocation.Receiver();
            var builderEntity = BuilderEntity(ef, receiver?.Type);
            switch (method.Name)
            {
                case "Entity" when Comparer.Equals(method.ContainingType, ef.ModelBuilder):
                    if (method.IsGenericMethod && method.TypeArguments[0] is INamedTypeSymbol configured)
                    {
                        facts.Entities.Add(configured);
                    }
                    else
                    {
                        facts.Incomplete = true;
                    }

                    return;
                case "ApplyConfigurationsFromAssembly":
                    return;
            }

            if (builderEntity is null)
            {
                if (method.Name == "HasForeignKey")
                {
                    ReadForeignKey(ef, invocation, facts);
                }
                else if (method.Name == "HasColumnName" && PropertyCall(receiver) is { } propertyCall &&
                    BuilderEntity(ef, propertyCall.Receiver()?.Type) is { } owner && PropertyNames(ArgumentAfterReceiver(propertyCall, propertyCall.TargetMethod)) is { Count: 1 } propertyNames &&
                    FirstString(invocation) is { } column)
                {
                    facts.Columns.Add((owner, propertyNames[0], column));
                }
                else if (method.Name == "HasConversion" && PropertyCall(receiver) is { } convertedCall &&
                    BuilderEntity(ef, convertedCall.Receiver()?.Type) is { } convertedOwner && PropertyNames(ArgumentAfterReceiver(convertedCall, convertedCall.TargetMethod)) is { Count: 1 } convertedNames)
                {
                    facts.Conversions.Add((convertedOwner, convertedNames[0], ConvertsToText(method, invocation)));
                }
                else if (method.Name == "HaveConversion" && ConfiguredPropertyType(ef, receiver) is { } conventionType)
                {
                    facts.ConventionConversions.Add((conventionType, HasConversionToText(method, invocation)));
                }

                return;
            }

            switch (method.Name)
            {
                case "ToTable":
                    var strings = invocation.Arguments.Skip(method.IsExtensionMethod ? 1 : 0).Where(a => a.Value.Type?.SpecialType == SpecialType.System_String)
                        .Select(a => a.Value.ConstantValue is { HasValue: true, Value: string s } ? s : null).ToList();
                    if (strings.Count > 0 && strings[0] is { } tableName)
                    {
                        facts.Tables.Add((builderEntity, tableName, strings.Count > 1 ? strings[1] : null));
                    }

                    break;
                case "HasKey":
                case "HasAlternateKey":
                    {
                        var names = PropertyNames(ArgumentAfterReceiver(invocation, method));
                        if (names is { Count: > 0 })
                        {
                            facts.Keys.Add((builderEntity, names, method.Name == "HasKey"));
                        }
                        else
                        {
                            facts.IncompleteEntities.Add(builderEntity);
                        }

                        break;
                    }

                case "HasNoKey":
                    facts.Keyless.Add(builderEntity);
                    break;
                case "HasIndex":
                    ReadIndex(invocation, method, builderEntity, facts);
                    break;
                case "HasData":
                    facts.Seeded.Add(builderEntity);
                    break;
            }
        }
        /// <summary>
        /// The <c>Property(...)</c> call a property's configuration chain starts from, through the calls chained between
        /// (<c>Property(o => o.Status).HasMaxLength(20).HasConversion&lt;string&gt;()</c>), or null for any other receiver.
        /// </summary>
        private static IInvocationOperation? PropertyCall(IOperation? receiver)
        {
            for (var current = receiver?.Unwrap(); current is IInvocationOperation call; current = call.Receiver()?.Unwrap())
            {
                if (call.TargetMethod.Name == "Property")
                {
                    return call;
                }

                if (call.TargetMethod.ReturnType is not INamedTypeSymbol { Name: "PropertyBuilder" })
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The <c>T</c> of the <c>Properties&lt;T&gt;()</c> call a conventions chain starts from
        /// (<c>b.Properties&lt;T&gt;().HaveMaxLength(20).HaveConversion...</c>), or null for any other receiver.
        /// </summary>
        private static ITypeSymbol? ConfiguredPropertyType(EfSymbols ef, IOperation? receiver)
        {
            for (var current = receiver?.Unwrap(); current is IInvocationOperation call; current = call.Receiver()?.Unwrap())
            {
                if (call.TargetMethod is { Name: "Properties", IsGenericMethod: true, TypeArguments.Length: 1 } properties &&
                    Comparer.Equals(properties.ContainingType, ef.ModelConfigurationBuilder))
                {
                    return properties.TypeArguments[0];
                }
            }

            return null;
        }

        /// <summary>
        /// <c>HaveConversion&lt;string&gt;()</c>, <c>HaveConversion&lt;EnumToStringConverter&lt;T&gt;&gt;()</c> or their
        /// <c>typeof</c> forms: EF stores the enum member's name. Any other conversion is one the analyzer cannot read.
        /// </summary>
        private static bool HasConversionToText(IMethodSymbol method, IInvocationOperation invocation)
        {
            var arguments = invocation.Arguments.Skip(method.IsExtensionMethod ? 1 : 0).Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).ToList();
            var target = method.IsGenericMethod
                ? method.TypeArguments[0]
                : arguments.Count > 0 && arguments[0].Value.Unwrap() is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
            return target is not null && (target.SpecialType == SpecialType.System_String || target is INamedTypeSymbol { Name: "EnumToStringConverter" });
        }

        /// <summary><c>HasConversion&lt;string&gt;()</c> or <c>HasConversion(new EnumToStringConverter&lt;T&gt;())</c>: EF stores the enum member's name.</summary>
        private static bool ConvertsToText(IMethodSymbol method, IInvocationOperation invocation)
        {
            var arguments = invocation.Arguments.Skip(method.IsExtensionMethod ? 1 : 0).Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).ToList();
            if (method.IsGenericMethod && method.TypeArguments.Length == 1 && method.TypeArguments[0].SpecialType == SpecialType.System_String && arguments.Count == 0)
            {
                return true;
            }

            return arguments.Count == 1 && arguments[0].Value.Unwrap() is IObjectCreationOperation { Type: INamedTypeSymbol { Name: "EnumToStringConverter" } };
        }
    }
}
