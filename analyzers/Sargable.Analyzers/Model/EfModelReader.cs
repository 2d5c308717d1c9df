using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// Reads the EF model from the compilation: DbContexts and entity configurations in source, their fluent
    /// <c>OnModelCreating</c>/<c>Configure</c> calls, data annotations and EF's conventions (key <c>Id</c>/<c>TypeId</c>,
    /// an index per foreign key). Whatever it cannot follow makes the affected entities "indexes not visible".
    /// </summary>
    /// <remarks>
    /// <see cref="Read(EfSymbols, bool, CancellationToken)"/> goes in phases:
    /// <list type="number">
    /// <item><description>Discovery (<c>EfModelReader.Discovery.cs</c>): the source types that are contexts or
    /// <c>IEntityTypeConfiguration&lt;T&gt;</c>; each context's DbSets name its entities.</description></item>
    /// <item><description>Fluent API (<c>EfModelReader.FluentApi.cs</c>, with the arguments of its calls in
    /// <c>EfModelReader.FluentArguments.cs</c>; the common forms read from syntax first in <c>EfModelReader.FluentSyntax*.cs</c>,
    /// which hands any other method to binding): every <c>OnModelCreating</c> and <c>Configure</c> body is walked, and so
    /// is every helper in source that receives a builder; what they configure is collected as
    /// <c>FluentFacts</c> (<c>EfModelReader.FluentFacts.cs</c>); <c>ConfigureConventions</c> is walked the same way for
    /// the type-wide value conversions (<c>Properties&lt;T&gt;().HaveConversion...</c>), and what they leave out of sight (a helper or base
    /// context compiled elsewhere) marks the entities it may configure.</description></item>
    /// <item><description>Entities reached through navigations join the model (Discovery).</description></item>
    /// <item><description>Members (<c>EfModelReader.Members.cs</c>): columns, navigations, keys and indexes from each
    /// entity's properties, its data annotations and the <c>Id</c>/<c>TypeId</c> key convention.</description></item>
    /// <item><description>The fluent facts override what the annotations said; then the foreign-key conventions
    /// (<c>EfModelReader.ForeignKeyConventions.cs</c>), "indexes not visible" for whatever could not be read, and
    /// <see cref="LookupTableInference"/>.</description></item>
    /// </list>
    /// </remarks>
    internal static partial class EfModelReader
    {
        private static readonly SymbolEqualityComparer Comparer = SymbolEqualityComparer.Default;

        public static EfModel Read(EfSymbols ef, CancellationToken cancellationToken) => Read(ef, readSyntaxFirst: true, cancellationToken);

        /// <summary>The model, with the fluent API read from syntax where it can be (<paramref name="readSyntaxFirst"/>) or always bound.</summary>
        internal static EfModel Read(EfSymbols ef, bool readSyntaxFirst, CancellationToken cancellationToken)
        {
            var compilation = ef.Compilation;
            var contexts = new List<INamedTypeSymbol>();
            var configurations = new List<(INamedTypeSymbol Type, INamedTypeSymbol Entity)>();
            foreach (var type in SourceTypes(compilation.SourceModule.GlobalNamespace, cancellationToken))
            {
                if (type.TypeKind == TypeKind.Class && !Comparer.Equals(type, ef.DbContext) && ef.IsDbContext(type))
                {
                    contexts.Add(type);
                }

                foreach (var iface in type.AllInterfaces)
                {
                    if (ef.EntityTypeConfiguration is not null && Comparer.Equals(iface.OriginalDefinition, ef.EntityTypeConfiguration) &&
                        iface.TypeArguments[0] is INamedTypeSymbol entity)
                    {
                        configurations.Add((type, entity));
                    }
                }
            }

            var entities = new Dictionary<INamedTypeSymbol, EntityModel>(Comparer);
            var facts = new FluentFacts { ReadSyntaxFirst = readSyntaxFirst };
            foreach (var context in contexts)
            {
                for (var type = context; type is not null && !Comparer.Equals(type, ef.DbContext); type = type.BaseType)
                {
                    foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                    {
                        if (!property.IsStatic && ef.IsDbSet(property.Type) && ((INamedTypeSymbol)property.Type).TypeArguments[0] is INamedTypeSymbol entityType)
                        {
                            var entity = GetOrAdd(entities, entityType);
                            entity.Names.Add(property.Name);
                            if (!entity.TableNameExplicit && entity.TableName == entityType.Name)
                            {
                                entity.TableName = property.Name;
                            }
                        }
                    }
                }

                // What this context's model leaves out of sight stays this context's unknown, never another's.
                var wasIncomplete = facts.Incomplete;
                facts.Incomplete = false;
                facts.OpaqueBase = false;
                var configuredBefore = new HashSet<INamedTypeSymbol>(facts.Entities, Comparer);
                var onModelCreating = FindOverride(context, "OnModelCreating", ef);
                if (onModelCreating is not null)
                {
                    if (onModelCreating.DeclaringSyntaxReferences.Length == 0)
                    {
                        facts.OpaqueBase = true;
                    }
                    else
                    {
                        Walk(ef, onModelCreating, facts, cancellationToken);
                    }
                }

                // ConfigureConventions (Properties<T>().HaveConversion...) decides how every property of a type is stored.
                var configureConventions = FindOverride(context, "ConfigureConventions", ef);
                if (configureConventions is not null)
                {
                    if (configureConventions.DeclaringSyntaxReferences.Length == 0)
                    {
                        facts.OpaqueConventions = true;
                    }
                    else
                    {
                        Walk(ef, configureConventions, facts, cancellationToken);
                    }
                }

                if (facts.Incomplete)
                {
                    // A helper configured the whole model where it cannot be read: every entity of this context.
                    facts.IncompleteEntities.UnionWith(ContextEntities(ef, context));
                    facts.IncompleteEntities.UnionWith(facts.Entities.Where(e => !configuredBefore.Contains(e)));
                }
                else if (facts.OpaqueBase)
                {
                    // A base OnModelCreating in another assembly (IdentityDbContext) can only configure what it knows of:
                    // its own DbSets and its type arguments. What the derived context maps itself stays known.
                    facts.IncompleteEntities.UnionWith(BaseEntities(ef, context));
                }

                facts.Incomplete = wasIncomplete;
            }

            foreach (var (type, entity) in configurations)
            {
                GetOrAdd(entities, entity);
                var configure = type.GetMembers("Configure").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1);
                if (configure is not null && configure.DeclaringSyntaxReferences.Length > 0)
                {
                    Walk(ef, configure, facts, cancellationToken);
                }
            }

            foreach (var type in facts.Entities)
            {
                GetOrAdd(entities, type);
            }

            // EF discovers entities through navigations too.
            var queue = new Queue<EntityModel>(entities.Values);
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entity = queue.Dequeue();
                foreach (var target in NavigationTargets(ef, entity.Type))
                {
                    if (!entities.ContainsKey(target))
                    {
                        queue.Enqueue(GetOrAdd(entities, target));
                    }
                }
            }

            foreach (var entity in entities.Values)
            {
                ReadMembersAndAnnotations(ef, entity, entities);
            }

            facts.ApplyTo(entities);
            foreach (var entity in entities.Values)
            {
                ApplyForeignKeyConventions(ef, entity, entities);
                if (facts.Incomplete || facts.IncompleteEntities.Contains(entity.Type))
                {
                    entity.IndexesVisible = false;
                }
            }

            LookupTableInference.Apply(ef, entities.Values);
            return new EfModel(ef, entities);
        }

        /// <summary>An entity no source context maps: attributes and conventions only, indexes not visible.</summary>
        public static EntityModel ReadUnseen(EfSymbols ef, INamedTypeSymbol type)
        {
            var entity = new EntityModel(type) { IndexesVisible = false };
            entity.Names.Add(type.Name);
            var all = new Dictionary<INamedTypeSymbol, EntityModel>(Comparer) { [type] = entity };
            ReadMembersAndAnnotations(ef, entity, all);
            return entity;
        }

        private static EntityModel GetOrAdd(Dictionary<INamedTypeSymbol, EntityModel> entities, INamedTypeSymbol type)
        {
            if (!entities.TryGetValue(type, out var entity))
            {
                entity = new EntityModel(type);
                entity.Names.Add(type.Name);
                entities.Add(type, entity);
            }

            return entity;
        }
    }
}
