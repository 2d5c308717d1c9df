using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// The arguments of fluent calls read from syntax: property names from lambdas or string literals, literal strings,
    /// the entity type of <c>Entity&lt;T&gt;</c>, and the test that an argument can configure nothing the reader would miss.
    /// </summary>
    internal static partial class EfModelReader
    {
        private sealed partial class FluentSyntaxReader
        {
            private readonly Dictionary<string, bool> declaredInSource = new();

            private static SimpleNameSyntax? CallName(InvocationExpressionSyntax call) => (call.Expression as MemberAccessExpressionSyntax)?.Name;

            /// <summary>The one positional argument of a call, or null when it has none, several, a name or ref/out.</summary>
            private static ArgumentSyntax? OnlyArgument(SeparatedSyntaxList<ArgumentSyntax> arguments) =>
                arguments.Count == 1 && arguments[0].NameColon is null && arguments[0].RefKindKeyword.IsKind(SyntaxKind.None) ? arguments[0] : null;

            private static bool NamedOrRef(SeparatedSyntaxList<ArgumentSyntax> arguments) =>
                arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None));

            /// <summary>A string literal (its value) or <c>null</c>; false for anything computed, even a constant.</summary>
            private static bool StringLiteral(ExpressionSyntax expression, out string? value)
            {
                value = null;
                switch (expression)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        value = literal.Token.ValueText;
                        return true;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>A one-parameter lambda without a declared type, with its block or expression body.</summary>
            private static bool LambdaParameter(ExpressionSyntax expression, out string parameter, out BlockSyntax? block, out ExpressionSyntax? body)
            {
                var declared = expression switch
                {
                    SimpleLambdaExpressionSyntax simple => simple.Parameter,
                    ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: { Count: 1 } parameters } => parameters[0],
                    _ => null,
                };
                var lambda = expression as LambdaExpressionSyntax;
                if (declared is null || declared.Type is not null || lambda is null || lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                {
                    parameter = string.Empty;
                    block = null;
                    body = null;
                    return false;
                }

                parameter = declared.Identifier.ValueText;
                block = lambda.Block;
                body = lambda.ExpressionBody;
                return true;
            }

            /// <summary>Names from <c>e =&gt; e.A</c> or <c>e =&gt; new { e.A, e.B }</c> (each a property of <paramref name="type"/>) or one string literal.</summary>
            private static bool PropertyNames(ArgumentSyntax argument, INamedTypeSymbol type, out List<string> names)
            {
                names = new List<string>();
                if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return false;
                }

                if (!LambdaParameter(argument.Expression, out var parameter, out _, out var body))
                {
                    if (StringLiteral(argument.Expression, out var literal) && literal is not null)
                    {
                        names.Add(literal);
                        return true;
                    }

                    return false;
                }

                switch (body)
                {
                    case MemberAccessExpressionSyntax member:
                        return AddPropertyName(member, parameter, type, names);
                    case AnonymousObjectCreationExpressionSyntax { Initializers.Count: > 0 } anonymous:
                        foreach (var initializer in anonymous.Initializers)
                        {
                            if (initializer.Expression is not MemberAccessExpressionSyntax part || !AddPropertyName(part, parameter, type, names))
                            {
                                return false;
                            }
                        }

                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>A lambda as the only argument, or one or more string literals (the <c>params string[]</c> overloads).</summary>
            private static bool PropertyNames(SeparatedSyntaxList<ArgumentSyntax> arguments, INamedTypeSymbol type, out List<string> names)
            {
                if (arguments.Count == 1)
                {
                    return PropertyNames(arguments[0], type, out names);
                }

                names = new List<string>();
                foreach (var argument in arguments)
                {
                    if (argument.NameColon is not null || !StringLiteral(argument.Expression, out var name) || name is null)
                    {
                        return false;
                    }

                    names.Add(name);
                }

                return names.Count > 0;
            }

            private static bool AddPropertyName(MemberAccessExpressionSyntax member, string parameter, INamedTypeSymbol type, List<string> names)
            {
                if (!member.IsKind(SyntaxKind.SimpleMemberAccessExpression) || member.Expression is not IdentifierNameSyntax root ||
                    root.Identifier.ValueText != parameter || member.Name is not IdentifierNameSyntax name || FindProperty(type, name.Identifier.ValueText) is null)
                {
                    return false;
                }

                names.Add(name.Identifier.ValueText);
                return true;
            }

            /// <summary>The instance property member lookup finds first for <paramref name="name"/>, or null when it finds something else.</summary>
            private static IPropertySymbol? FindProperty(INamedTypeSymbol type, string name)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    var members = current.GetMembers(name);
                    if (members.Length > 0)
                    {
                        return members.Length == 1 && members[0] is IPropertySymbol { IsStatic: false, IsIndexer: false } property ? property : null;
                    }
                }

                return null;
            }

            /// <summary>True when the source declares a method of this name, which may then be what a call binds to.</summary>
            private bool DeclaredInSource(string name)
            {
                if (!declaredInSource.TryGetValue(name, out var declared))
                {
                    var compilation = ef.Compilation;
                    declared = compilation.ContainsSymbolsWithName(name, SymbolFilter.Member, cancellationToken) &&
                        compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken).Any(s => s is IMethodSymbol);
                    declaredInSource[name] = declared;
                }

                return declared;
            }

            private SemanticModel Model => semanticModel ??= ef.DeclarationModel(declaration.SyntaxTree);

            /// <summary>The class a type argument names, bound on its own in the scope of the method's declaration.</summary>
            private INamedTypeSymbol? ResolveType(TypeSyntax type) =>
                Model.GetSpeculativeTypeInfo(declaration.SpanStart, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } named
                    ? named
                    : null;

            /// <summary>
            /// Arguments that can configure nothing: no builder, <c>this</c> or <c>base</c> in them, no statement lambdas,
            /// no call of a name the binding walk reads, and no method group (a helper a builder may be handed to).
            /// </summary>
            private bool InertArguments(InvocationExpressionSyntax call)
            {
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || !Inert(argument.Expression))
                    {
                        return false;
                    }
                }

                return true;
            }

            private bool Inert(ExpressionSyntax expression)
            {
                HashSet<string>? lambdaParameters = null;
                foreach (var node in expression.DescendantNodesAndSelf())
                {
                    switch (node)
                    {
                        case SimpleLambdaExpressionSyntax simple:
                            (lambdaParameters ??= new()).Add(simple.Parameter.Identifier.ValueText);
                            break;
                        case ParenthesizedLambdaExpressionSyntax parenthesized:
                            lambdaParameters ??= new();
                            foreach (var parameter in parenthesized.ParameterList.Parameters)
                            {
                                lambdaParameters.Add(parameter.Identifier.ValueText);
                            }

                            break;
                    }
                }

                foreach (var node in expression.DescendantNodesAndSelf())
                {
                    switch (node)
                    {
                        case ThisExpressionSyntax or BaseExpressionSyntax or AnonymousMethodExpressionSyntax or QueryExpressionSyntax or AwaitExpressionSyntax or DeclarationExpressionSyntax:
                            return false;
                        case LambdaExpressionSyntax { Block: not null }:
                            return false;
                        case IdentifierNameSyntax identifier when builders.Contains(identifier.Identifier.ValueText):
                            return false;
                        case InvocationExpressionSyntax invocation when InvokedName(invocation) is { } invoked && MeaningfulCalls.Contains(invoked):
                            return false;
                        case ArgumentSyntax argument when MayBeMethodGroup(argument.Expression, lambdaParameters):
                            return false;
                    }
                }

                return !MayBeMethodGroup(expression, lambdaParameters);
            }

            private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };

            /// <summary>A name passed as a value that is not a lambda's parameter: true unless it binds to something other than a method.</summary>
            private bool MayBeMethodGroup(ExpressionSyntax expression, HashSet<string>? lambdaParameters)
            {
                var root = expression;
                while (root is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member)
                {
                    root = member.Expression;
                }

                if (expression is not (SimpleNameSyntax or MemberAccessExpressionSyntax) ||
                    (root is IdentifierNameSyntax rootName && lambdaParameters is not null && lambdaParameters.Contains(rootName.Identifier.ValueText)))
                {
                    return false;
                }

                var info = Model.GetSpeculativeSymbolInfo(declaration.SpanStart, expression, SpeculativeBindingOption.BindAsExpression);
                return info.Symbol is null or IMethodSymbol || info.CandidateSymbols.Any(s => s is IMethodSymbol);
            }
        }
    }
}
