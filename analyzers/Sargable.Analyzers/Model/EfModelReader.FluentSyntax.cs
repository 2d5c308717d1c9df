using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// The fluent API read from syntax, before binding. Binding the generated projects' <c>OnModelCreating</c> (20
    /// entities, 100 fluent statements) cost 11 ms per compile, most of it overload resolution of the lambdas, while the
    /// statements nearly every context writes (<c>Entity&lt;T&gt;(b =&gt; ...)</c>, ToTable, HasKey, HasIndex with IsUnique,
    /// HasOne/HasMany with HasForeignKey, Property with HasColumnName/HasConversion, HasData) say what they configure in
    /// their syntax once the entity type is known. The reader accepts a method only when every statement is one of those
    /// forms with literal or inert arguments, and records the same facts in the same order as the binding walk would;
    /// anything else (a helper, a local, a computed name, a method name the source declares, a builder passed on) makes
    /// it give up, and the whole method is bound as before. <c>FluentSyntaxReaderTests</c> compares both readings.
    /// </summary>
    internal static partial class EfModelReader
    {
        /// <summary>True when <paramref name="method"/> is read from syntax, without binding (for tests).</summary>
        internal static bool CanReadFromSyntax(EfSymbols ef, IMethodSymbol method, CancellationToken cancellationToken) =>
            TryWalkSyntax(ef, method, new FluentFacts(), cancellationToken);

        /// <summary>Reads <paramref name="method"/> from syntax into <paramref name="facts"/>; false, with nothing recorded, when it must be bound.</summary>
        private static bool TryWalkSyntax(EfSymbols ef, IMethodSymbol method, FluentFacts facts, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1 || method.IsGenericMethod || method.IsAsync || method.Parameters.Length != 1 ||
                method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                return false;
            }

            var parameter = method.Parameters[0];
            INamedTypeSymbol? entity = null;
            if (!Comparer.Equals(parameter.Type, ef.ModelBuilder))
            {
                entity = BuilderEntity(ef, parameter.Type);
                if (entity is null)
                {
                    return false;
                }
            }

            var reader = new FluentSyntaxReader(ef, method, declaration, parameter.Name, cancellationToken);
            if (!reader.ReadBody(declaration.Body, declaration.ExpressionBody?.Expression, parameter.Name, entity))
            {
                return false;
            }

            foreach (var fact in reader.Facts)
            {
                fact(facts);
            }

            return true;
        }

        /// <summary>One method's statements read from syntax into facts, applied only once the whole method was understood.</summary>
        private sealed partial class FluentSyntaxReader
        {
            private readonly EfSymbols ef;
            private readonly IMethodSymbol method;
            private readonly MethodDeclarationSyntax declaration;
            private readonly CancellationToken cancellationToken;
            private readonly List<string> builders = new();
            private readonly List<Action<FluentFacts>> chainFacts = new();
            private SemanticModel? semanticModel;

            public FluentSyntaxReader(EfSymbols ef, IMethodSymbol method, MethodDeclarationSyntax declaration, string builder, CancellationToken cancellationToken)
            {
                this.ef = ef;
                this.method = method;
                this.declaration = declaration;
                this.cancellationToken = cancellationToken;
                builders.Add(builder);
            }

            /// <summary>The facts in the order the binding walk records them: statement by statement, outermost call first.</summary>
            public List<Action<FluentFacts>> Facts { get; } = new();

            /// <summary>A block of expression statements or an expression body, each a chain on <paramref name="builder"/>.</summary>
            public bool ReadBody(BlockSyntax? block, ExpressionSyntax? expression, string builder, INamedTypeSymbol? entity)
            {
                if (block is null)
                {
                    return expression is not null && ReadStatement(expression, builder, entity);
                }

                foreach (var statement in block.Statements)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (statement)
                    {
                        case EmptyStatementSyntax:
                            continue;
                        case ExpressionStatementSyntax expressionStatement when ReadStatement(expressionStatement.Expression, builder, entity):
                            continue;
                        default:
                            return false;
                    }
                }

                return true;
            }

            private bool ReadStatement(ExpressionSyntax expression, string builder, INamedTypeSymbol? entity)
            {
                if (entity is null && IsBaseOnModelCreating(expression, builder))
                {
                    return ReadBaseCall();
                }

                var calls = Chain(expression, builder);
                if (calls is null || calls.Count == 0)
                {
                    return false;
                }

                chainFacts.Clear();
                var read = entity is null ? ReadModelChain(calls) : ReadEntityChain(calls, 0, entity);
                if (!read)
                {
                    return false;
                }

                // The binding walk visits a chain's outermost call first and each call records at most one fact.
                for (var i = chainFacts.Count - 1; i >= 0; i--)
                {
                    Facts.Add(chainFacts[i]);
                }

                return true;
            }

            /// <summary><c>b.A(...).B(...)</c> rooted at <paramref name="builder"/>: the calls innermost first, or null for any other expression.</summary>
            private static List<InvocationExpressionSyntax>? Chain(ExpressionSyntax expression, string builder)
            {
                var calls = new List<InvocationExpressionSyntax>();
                var current = expression;
                while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access } call)
                {
                    calls.Add(call);
                    current = access.Expression;
                }

                if (current is not IdentifierNameSyntax root || root.Identifier.ValueText != builder)
                {
                    return null;
                }

                calls.Reverse();
                return calls;
            }

            private bool IsBaseOnModelCreating(ExpressionSyntax expression, string builder) =>
                expression is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax, Name: IdentifierNameSyntax { Identifier.ValueText: "OnModelCreating" } },
                    ArgumentList.Arguments: var arguments,
                } && OnlyArgument(arguments)?.Expression is IdentifierNameSyntax argument && argument.Identifier.ValueText == builder && method.Name == "OnModelCreating";

            /// <summary><c>base.OnModelCreating(b)</c>: nothing for DbContext's, the base's facts for one in source, an opaque base otherwise.</summary>
            private bool ReadBaseCall()
            {
                var overridden = method.OverriddenMethod;
                if (overridden is null)
                {
                    return false;
                }

                if (!ef.IsEfType(overridden.ContainingType))
                {
                    var token = cancellationToken;
                    var symbols = ef;
                    Facts.Add(overridden.DeclaringSyntaxReferences.Length == 0 ? f => f.OpaqueBase = true : f => Walk(symbols, overridden, f, token));
                }

                return true;
            }

            /// <summary>
            /// A statement on the model builder: <c>Entity&lt;T&gt;(b =&gt; ...)</c>, <c>Entity&lt;T&gt;()</c> followed by an
            /// entity chain, or calls that configure nothing the analyzers read (ApplyConfiguration..., HasDefaultSchema).
            /// </summary>
            private bool ReadModelChain(List<InvocationExpressionSyntax> calls)
            {
                var first = calls[0];
                if (CallName(first) is GenericNameSyntax { Identifier.ValueText: "Entity", TypeArgumentList.Arguments: { Count: 1 } typeArguments })
                {
                    if (DeclaredInSource("Entity") || ResolveType(typeArguments[0]) is not { } entity)
                    {
                        return false;
                    }

                    chainFacts.Add(f => f.Entities.Add(entity));
                    var arguments = first.ArgumentList.Arguments;
                    if (arguments.Count == 0)
                    {
                        return ReadEntityChain(calls, 1, entity);
                    }

                    if (calls.Count != 1 || OnlyArgument(arguments) is not { } lambda ||
                        !LambdaParameter(lambda.Expression, out var parameter, out var block, out var body) || builders.Contains(parameter))
                    {
                        return false;
                    }

                    // The lambda's statements are facts of their own, recorded after the Entity call's (the binding walk's order).
                    Facts.AddRange(chainFacts);
                    chainFacts.Clear();
                    builders.Add(parameter);
                    var read = ReadBody(block, body, parameter, entity);
                    builders.RemoveAt(builders.Count - 1);
                    chainFacts.Clear();
                    return read;
                }

                foreach (var call in calls)
                {
                    if (CallName(call) is not { } name || !ModelBuilderCalls.Contains(name.Identifier.ValueText) || DeclaredInSource(name.Identifier.ValueText) ||
                        !InertArguments(call))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
