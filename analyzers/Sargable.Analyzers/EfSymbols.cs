using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers
{
    /// <summary>
    /// The EF Core and LINQ symbols the analyzers compare against, resolved once per compilation. Null when EF Core is
    /// not referenced, in which case no Sargable analyzer registers anything.
    /// </summary>
    internal sealed class EfSymbols
    {
        private EfSymbols(Compilation compilation, INamedTypeSymbol dbContext, INamedTypeSymbol dbSet, INamedTypeSymbol efQueryable)
        {
            Compilation = compilation;
            DbContext = dbContext;
            DbSet = dbSet;
            EfQueryableExtensions = efQueryable;
            Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            IQueryableOfT = compilation.GetTypeByMetadataName("System.Linq.IQueryable`1");
            IEnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
            RelationalQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
            ModelBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder");
            EntityTypeBuilderOfT = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1");
            EntityTypeBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder");
            ModelConfigurationBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelConfigurationBuilder");
            EntityTypeConfiguration = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
            IndexAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IndexAttribute");
            PrimaryKeyAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.PrimaryKeyAttribute");
            KeylessAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.KeylessAttribute");
            OwnedAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.OwnedAttribute");
            KeyAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.KeyAttribute");
            TableAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.TableAttribute");
            ColumnAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.ColumnAttribute");
            NotMappedAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
            ForeignKeyAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute");
            NavigationEntry = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ChangeTracking.NavigationEntry");
            EfFunctions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbFunctionsExtensions");
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol DbContext { get; }

        public INamedTypeSymbol DbSet { get; }

        public INamedTypeSymbol EfQueryableExtensions { get; }

        public INamedTypeSymbol? RelationalQueryableExtensions { get; }

        public INamedTypeSymbol? Queryable { get; }

        public INamedTypeSymbol? Enumerable { get; }

        public INamedTypeSymbol? IQueryableOfT { get; }

        public INamedTypeSymbol? IEnumerableOfT { get; }

        public INamedTypeSymbol? ModelBuilder { get; }

        public INamedTypeSymbol? EntityTypeBuilderOfT { get; }

        public INamedTypeSymbol? EntityTypeBuilder { get; }

        public INamedTypeSymbol? EntityTypeConfiguration { get; }

        /// <summary>The builder <c>ConfigureConventions</c> receives (<c>Properties&lt;T&gt;().HaveConversion...</c>).</summary>
        public INamedTypeSymbol? ModelConfigurationBuilder { get; }

        public INamedTypeSymbol? IndexAttribute { get; }

        public INamedTypeSymbol? PrimaryKeyAttribute { get; }

        public INamedTypeSymbol? KeylessAttribute { get; }

        public INamedTypeSymbol? OwnedAttribute { get; }

        public INamedTypeSymbol? KeyAttribute { get; }

        public INamedTypeSymbol? TableAttribute { get; }

        public INamedTypeSymbol? ColumnAttribute { get; }

        public INamedTypeSymbol? NotMappedAttribute { get; }

        public INamedTypeSymbol? ForeignKeyAttribute { get; }

        public INamedTypeSymbol? NavigationEntry { get; }

        public INamedTypeSymbol? EfFunctions { get; }

        public static EfSymbols? TryCreate(Compilation compilation)
        {
            var dbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            var dbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            var efQueryable = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
            return dbContext is null || dbSet is null || efQueryable is null ? null : new EfSymbols(compilation, dbContext, dbSet, efQueryable);
        }

        public bool IsDbContext(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsDbSet(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, DbSet);

        /// <summary>The element type when the type is or implements <c>IQueryable&lt;T&gt;</c>.</summary>
        public ITypeSymbol? QueryableElement(ITypeSymbol? type) => ElementOf(type, IQueryableOfT);

        /// <summary>The element type when the type is or implements <c>IEnumerable&lt;T&gt;</c> (strings excluded).</summary>
        public ITypeSymbol? EnumerableElement(ITypeSymbol? type) =>
            type is null || type.SpecialType == SpecialType.System_String ? null : ElementOf(type, IEnumerableOfT);

        /// <summary>True for LINQ-to-database operators: <c>Queryable</c> and EF's queryable extensions.</summary>
        public bool IsQueryOperator(IMethodSymbol method)
        {
            var type = method.ContainingType;
            return SymbolEqualityComparer.Default.Equals(type, Queryable)
                || SymbolEqualityComparer.Default.Equals(type, EfQueryableExtensions)
                || (RelationalQueryableExtensions is not null && SymbolEqualityComparer.Default.Equals(type, RelationalQueryableExtensions));
        }

        public bool IsEnumerableMethod(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType, Enumerable);

        /// <summary>True for a symbol in <c>Microsoft.EntityFrameworkCore</c> or a namespace below it.</summary>
        public bool IsEfType(ISymbol? symbol)
        {
            // Walks the namespace chain by name: formatting each namespace as a string showed in every profile of reading the model.
            for (var ns = symbol?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (ns.Name == "EntityFrameworkCore" && ns.ContainingNamespace is { Name: "Microsoft" } microsoft && microsoft.ContainingNamespace is { IsGlobalNamespace: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A semantic model for reading members of any tree once per compilation (the EF model, the query summaries),
        /// not the tree being analyzed. Nullable analysis is off: Sargable never reads flow-state nullability, and
        /// binding a member with it on costs about twice as much (measured on the generated project's
        /// <c>OnModelCreating</c>: nullable rewriting was 45% of the binding). A model with options is created apart
        /// from the driver's shared one, so it is released when these reads end instead of staying cached for trees the
        /// driver has not reached yet.
        /// </summary>
        public SemanticModel DeclarationModel(SyntaxTree tree)
        {
#pragma warning disable RS1030 // Declarations live in other trees than the one being analyzed; each is read once per compilation and cached.
#pragma warning disable RSEXPERIMENTAL001 // SemanticModelOptions.DisableNullableAnalysis: experimental in Roslyn 4.14, used only to skip work.
            return Compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
#pragma warning restore RS1030
        }

        public bool IsNavigationEntry(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, NavigationEntry))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute, out AttributeData? data)
        {
            data = null;
            if (attribute is null)
            {
                return false;
            }

            foreach (var candidate in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute))
                {
                    data = candidate;
                    return true;
                }
            }

            return false;
        }

        public static IEnumerable<AttributeData> Attributes(ISymbol symbol, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                yield break;
            }

            foreach (var candidate in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute))
                {
                    yield return candidate;
                }
            }
        }

        private static ITypeSymbol? ElementOf(ITypeSymbol? type, INamedTypeSymbol? generic)
        {
            if (type is null || generic is null)
            {
                return null;
            }

            if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, generic))
            {
                return named.TypeArguments[0];
            }

            foreach (var iface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, generic))
                {
                    return iface.TypeArguments[0];
                }
            }

            return null;
        }
    }
}
