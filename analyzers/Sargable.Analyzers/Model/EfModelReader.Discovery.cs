using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// What EF maps: the types in source, the entities of a context and of its bases compiled elsewhere,
    /// <c>OnModelCreating</c> overrides, the classes navigations reach and the properties EF maps.
    /// </summary>
    internal static partial class EfModelReader
    {
        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns, CancellationToken cancellationToken)
        {
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(ns);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = stack.Pop();
                if (current is INamespaceSymbol n)
                {
                    foreach (var member in n.GetMembers())
                    {
                        stack.Push(member);
                    }
                }
                else if (current is INamedTypeSymbol t)
                {
                    yield return t;
                    foreach (var nested in t.GetTypeMembers())
                    {
                        stack.Push(nested);
                    }
                }
            }
        }

        /// <summary>The entities of the context's DbSet properties, wherever in its hierarchy they are declared.</summary>
        private static IEnumerable<INamedTypeSymbol> ContextEntities(EfSymbols ef, INamedTypeSymbol context)
        {
            for (var type = context; type is not null && !Comparer.Equals(type, ef.DbContext); type = type.BaseType)
            {
                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    if (ef.IsDbSet(property.Type) && ((INamedTypeSymbol)property.Type).TypeArguments[0] is INamedTypeSymbol entity)
                    {
                        yield return entity;
                    }
                }
            }
        }

        /// <summary>
        /// What a base context compiled elsewhere can configure: the entities of DbSets declared on such bases and the
        /// class type arguments they are built on (<c>IdentityDbContext&lt;AppUser, AppRole, string&gt;</c>).
        /// </summary>
        private static IEnumerable<INamedTypeSymbol> BaseEntities(EfSymbols ef, INamedTypeSymbol context)
        {
            for (var type = context.BaseType; type is not null && !Comparer.Equals(type, ef.DbContext); type = type.BaseType)
            {
                if (type.DeclaringSyntaxReferences.Length > 0)
                {
                    continue;
                }

                foreach (var argument in type.TypeArguments.OfType<INamedTypeSymbol>().Where(t => t.TypeKind == TypeKind.Class))
                {
                    yield return argument;
                }

                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    if (ef.IsDbSet(property.Type) && ((INamedTypeSymbol)property.Type).TypeArguments[0] is INamedTypeSymbol entity)
                    {
                        yield return entity;
                    }
                }
            }
        }

        private static IMethodSymbol? FindOverride(INamedTypeSymbol context, string name, EfSymbols ef)
        {
            for (var type = context; type is not null && !Comparer.Equals(type, ef.DbContext); type = type.BaseType)
            {
                var method = type.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.IsOverride);
                if (method is not null)
                {
                    return method;
                }
            }

            return null;
        }

        /// <summary>Classes an entity reaches through navigation properties (references and collections).</summary>
        private static IEnumerable<INamedTypeSymbol> NavigationTargets(EfSymbols ef, INamedTypeSymbol type)
        {
            foreach (var property in MappedProperties(ef, type))
            {
                if (EntityLike(ef, property.Type) is { } reference)
                {
                    yield return reference;
                }
                else if (ef.EnumerableElement(property.Type) is { } element && EntityLike(ef, element) is { } item)
                {
                    yield return item;
                }
            }
        }

        private static INamedTypeSymbol? EntityLike(EfSymbols ef, ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class || named.SpecialType != SpecialType.None || named.IsGenericType)
            {
                return null;
            }

            var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal))
            {
                return null;
            }

            return EfSymbols.HasAttribute(named, ef.OwnedAttribute, out _) ? null : named;
        }

        private static IEnumerable<IPropertySymbol> MappedProperties(EfSymbols ef, INamedTypeSymbol type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.IsIndexer || property.GetMethod is null || property.DeclaredAccessibility != Accessibility.Public ||
                        EfSymbols.HasAttribute(property, ef.NotMappedAttribute, out _) || !seen.Add(property.Name))
                    {
                        continue;
                    }

                    yield return property;
                }
            }
        }
    }
}
