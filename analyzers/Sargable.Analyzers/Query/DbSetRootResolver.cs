using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Model;

namespace Sargable.Analyzers.Query
{
    /// <summary>
    /// Confirms the DbSet a syntax-read query starts at (<c>db.Deployments</c>, <c>this.Deployments</c>) from declarations
    /// only: the containing type's fields and properties, the method's parameters, a primary constructor's parameters.
    /// Asking the semantic model about a node inside a method body binds the whole method (and runs its nullable
    /// analysis); asking for a declared symbol does not. A name that anything inside the member could redeclare (a local,
    /// a lambda or pattern variable...) is not resolved here, and the query goes to the binding reader.
    /// </summary>
    internal static class DbSetRootResolver
    {
        /// <summary>The entity of the DbSet <paramref name="root"/> refers to, or null when it cannot be told without binding.</summary>
        public static INamedTypeSymbol? Entity(ExpressionSyntax root, SemanticModel model, EfSymbols symbols, CancellationToken cancellationToken)
        {
            if (root is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax setName } access ||
                root.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } typeDeclaration ||
                model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not INamedTypeSymbol containing)
            {
                return null;
            }

            var owner = access.Expression switch
            {
                ThisExpressionSyntax => containing,
                IdentifierNameSyntax name => TypeOfName(name, typeDeclaration, containing, model, cancellationToken),
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => MemberType(containing, name.Identifier.ValueText),
                _ => null,
            };
            var set = owner is null ? null : MemberType(owner, setName.Identifier.ValueText);
            return symbols.IsDbSet(set) ? ((INamedTypeSymbol)set!).TypeArguments[0] as INamedTypeSymbol : null;
        }

        /// <summary>
        /// True when the DbSet a syntax reading starts at is confirmed from declarations to be the one the reading took
        /// (the same entity in the EF model): the condition for trusting the reading without binding.
        /// </summary>
        public static bool Confirms(SyntaxRead read, EfModel efModel, SemanticModel model, EfSymbols symbols, CancellationToken cancellationToken) =>
            Entity(read.Root, model, symbols, cancellationToken) is { } entity && ReferenceEquals(efModel.Get(entity), read.Shape.Entities[0]);

        private static ITypeSymbol? TypeOfName(IdentifierNameSyntax identifier, TypeDeclarationSyntax typeDeclaration, INamedTypeSymbol containing, SemanticModel model, CancellationToken cancellationToken)
        {
            var name = identifier.Identifier.ValueText;
            var member = identifier.Ancestors().TakeWhile(a => a != typeDeclaration).OfType<MemberDeclarationSyntax>().LastOrDefault();
            // "value" in a setter, init accessor or event accessor is the implicit parameter, which has no declaration.
            if (member is null || RedeclaresInside(member, name) || (name == "value" && identifier.Ancestors().Any(a => a is AccessorDeclarationSyntax)))
            {
                return null;
            }

            if (member is BaseMethodDeclarationSyntax method && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name))
            {
                return (model.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol)?.Parameters.FirstOrDefault(p => p.Name == name)?.Type;
            }

            var fromMember = MemberType(containing, name);
            var primary = typeDeclaration.ParameterList?.Parameters.Any(p => p.Identifier.ValueText == name) == true
                ? containing.InstanceConstructors
                    .Where(c => c.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == typeDeclaration.SyntaxTree && r.Span == typeDeclaration.Span))
                    .SelectMany(c => c.Parameters)
                    .FirstOrDefault(p => p.Name == name)?.Type
                : null;

            // Both a member and a primary constructor parameter of that name: which one wins is the binder's business.
            return fromMember is not null && primary is not null ? null : fromMember ?? primary;
        }

        /// <summary>True when a local, lambda or local-function parameter, pattern, foreach, catch or query variable inside the member has this name.</summary>
        private static bool RedeclaresInside(MemberDeclarationSyntax member, string name)
        {
            foreach (var node in member.DescendantNodes())
            {
                var declared = node switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier,
                    SingleVariableDesignationSyntax designation => designation.Identifier,
                    ForEachStatementSyntax forEach => forEach.Identifier,
                    CatchDeclarationSyntax @catch => @catch.Identifier,
                    ParameterSyntax parameter when parameter.Parent?.Parent != member => parameter.Identifier,
                    FromClauseSyntax from => from.Identifier,
                    LetClauseSyntax let => let.Identifier,
                    JoinClauseSyntax join => join.Identifier,
                    JoinIntoClauseSyntax into => into.Identifier,
                    QueryContinuationSyntax continuation => continuation.Identifier,
                    _ => default,
                };
                if (declared.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The type of a field or property of the type or its bases; null for anything else.</summary>
        private static ITypeSymbol? MemberType(ITypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    switch (member)
                    {
                        case IFieldSymbol field:
                            return field.Type;
                        case IPropertySymbol { IsIndexer: false } property:
                            return property.Type;
                        default:
                            return null;
                    }
                }
            }

            return null;
        }
    }
}
