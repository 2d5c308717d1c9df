using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// Reads the EF model from the compilation: DbContexts and entity configurations in source, their fluent
    /// <c>OnModelCreating</c>/<c>Configure</c> calls, data annotations and EF's conventions (key <c>Id</c>/<c>TypeId</c>,
    /// an index per foreign key). Whatever it cannot follow makes the affected entities "indexes not visible".
    /// </summary>
    internal static class EfModelReader
    {
        private static readonly SymbolEqualityComparer Comparer = SymbolEqualityComparer.Default;

        public static EfModel Read(EfSymbols ef, CancellationToken cancellationToken)
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
            var facts = new FluentFacts();
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

        private static bool IsScalar(EfSymbols ef, ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            if (type.TypeKind == TypeKind.Enum || type.SpecialType != SpecialType.None)
            {
                return true;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType.SpecialType == SpecialType.System_Byte;
            }

            if (type.IsValueType)
            {
                return true;
            }

            var name = type.ToDisplayString();
            return name is "System.Uri" or "System.Text.Json.JsonDocument" or "System.Net.IPAddress";
        }

        private static void ReadMembersAndAnnotations(EfSymbols ef, EntityModel entity, Dictionary<INamedTypeSymbol, EntityModel> entities)
        {
            var type = entity.Type;
            if (EfSymbols.HasAttribute(type, ef.TableAttribute, out var table) && table!.ConstructorArguments.Length > 0 && table.ConstructorArguments[0].Value is string tableName)
            {
                entity.TableName = tableName;
                entity.TableNameExplicit = true;
                entity.Names.Add(tableName);
                foreach (var named in table.NamedArguments)
                {
                    if (named.Key == "Schema" && named.Value.Value is string schema)
                    {
                        entity.Schema = schema;
                    }
                }
            }

            var keyProperties = new List<string>();
            foreach (var property in MappedProperties(ef, type))
            {
                if (IsScalar(ef, property.Type))
                {
                    var column = property.Name;
                    if (EfSymbols.HasAttribute(property, ef.ColumnAttribute, out var columnAttribute) && columnAttribute!.ConstructorArguments.Length > 0 &&
                        columnAttribute.ConstructorArguments[0].Value is string columnName)
                    {
                        column = columnName;
                    }

                    entity.Columns[property.Name] = column;
                    if (property.Type.SpecialType == SpecialType.System_String)
                    {
                        entity.StringColumns.Add(property.Name);
                    }

                    var valueType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : property.Type;
                    if (valueType.SpecialType == SpecialType.System_Boolean)
                    {
                        entity.BooleanColumns.Add(property.Name);
                    }
                    else if (valueType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                    {
                        entity.EnumColumns[property.Name] = enumType;
                    }

                    if (EfSymbols.HasAttribute(property, ef.KeyAttribute, out _))
                    {
                        keyProperties.Add(property.Name);
                    }
                }
                else if (EntityLike(ef, property.Type) is { } target)
                {
                    var navigation = new NavigationModel(property.Name, target);
                    if (EfSymbols.HasAttribute(property, ef.ForeignKeyAttribute, out var fk) && fk!.ConstructorArguments.Length > 0 && fk.ConstructorArguments[0].Value is string fkNames)
                    {
                        navigation.ForeignKey = fkNames.Split(',').Select(s => s.Trim()).ToArray();
                    }

                    entity.Navigations[property.Name] = navigation;
                }
            }

            // [ForeignKey("Navigation")] on the foreign-key property.
            foreach (var property in MappedProperties(ef, type))
            {
                if (EfSymbols.HasAttribute(property, ef.ForeignKeyAttribute, out var fk) && fk!.ConstructorArguments.Length > 0 &&
                    fk.ConstructorArguments[0].Value is string navigationName && entity.Columns.ContainsKey(property.Name) &&
                    entity.Navigations.TryGetValue(navigationName, out var navigation) && navigation.ForeignKey is null)
                {
                    navigation.ForeignKey = new[] { property.Name };
                }
            }

            if (EfSymbols.HasAttribute(type, ef.KeylessAttribute, out _))
            {
                entity.Keyless = true;
            }
            else if (EfSymbols.HasAttribute(type, ef.PrimaryKeyAttribute, out var primaryKey))
            {
                entity.PrimaryKey = AttributeNames(primaryKey!);
            }
            else if (keyProperties.Count > 0)
            {
                entity.PrimaryKey = keyProperties;
            }
            else
            {
                var conventional = entity.Columns.Keys.FirstOrDefault(p => string.Equals(p, "Id", StringComparison.OrdinalIgnoreCase))
                    ?? entity.Columns.Keys.FirstOrDefault(p => string.Equals(p, type.Name + "Id", StringComparison.OrdinalIgnoreCase));
                if (conventional is not null)
                {
                    entity.PrimaryKey = new[] { conventional };
                }
            }

            foreach (var index in EfSymbols.Attributes(type, ef.IndexAttribute))
            {
                var names = AttributeNames(index);
                if (names.Count == 0)
                {
                    continue;
                }

                var model = new IndexModel(null, names, unique: false, primaryKey: false);
                foreach (var named in index.NamedArguments)
                {
                    switch (named.Key)
                    {
                        case "IsUnique" when named.Value.Value is bool unique:
                            model.Unique = unique;
                            break;
                        case "Name" when named.Value.Value is string name:
                            model.Name = name;
                            break;
                        case "AllDescending" when named.Value.Value is true:
                            model.Descending = names.Select(_ => true).ToArray();
                            break;
                        case "IsDescending" when named.Value.Kind == TypedConstantKind.Array:
                            var flags = named.Value.Values.Select(v => v.Value is true).ToArray();
                            if (flags.Length == names.Count)
                            {
                                model.Descending = flags;
                            }

                            break;
                    }
                }

                entity.Indexes.Add(model);
            }
        }

        private static List<string> AttributeNames(AttributeData attribute)
        {
            var names = new List<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Array)
                {
                    names.AddRange(argument.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!));
                }
                else if (argument.Value is string name)
                {
                    names.Add(name);
                }
            }

            return names;
        }

        private static void ApplyForeignKeyConventions(EfSymbols ef, EntityModel entity, Dictionary<INamedTypeSymbol, EntityModel> entities)
        {
            foreach (var navigation in entity.Navigations.Values)
            {
                if (navigation.ForeignKey is null)
                {
                    var principalKey = entities.TryGetValue(navigation.Target, out var principal) && principal.PrimaryKey is { Count: 1 } pk ? pk[0] : "Id";
                    var candidates = new[]
                    {
                        navigation.Name + principalKey, navigation.Name + "Id", navigation.Target.Name + principalKey, navigation.Target.Name + "Id",
                    };
                    var found = candidates.Select(c => entity.Columns.Keys.FirstOrDefault(p => string.Equals(p, c, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(p => p is not null);
                    if (found is not null)
                    {
                        navigation.ForeignKey = new[] { found };
                    }
                }

                if (navigation.ForeignKey is { } foreignKey && foreignKey.All(entity.HasProperty) && !entity.ForeignKeys.Any(f => f.SequenceEqual(foreignKey)))
                {
                    entity.ForeignKeys.Add(foreignKey);
                }
            }

            // Collections without an inverse reference: the dependent gets <Principal>Id by convention.
            foreach (var property in MappedProperties(ef, entity.Type))
            {
                if (ef.EnumerableElement(property.Type) is INamedTypeSymbol element && entities.TryGetValue(element, out var dependent) &&
                    !dependent.Navigations.Values.Any(n => Comparer.Equals(n.Target, entity.Type)))
                {
                    var key = entity.PrimaryKey is { Count: 1 } pk ? pk[0] : "Id";
                    var found = new[] { entity.Type.Name + key, entity.Type.Name + "Id" }
                        .Select(c => dependent.Columns.Keys.FirstOrDefault(p => string.Equals(p, c, StringComparison.OrdinalIgnoreCase)))
                        .FirstOrDefault(p => p is not null);
                    if (found is not null && !dependent.ForeignKeys.Any(f => f.Count == 1 && f[0] == found))
                    {
                        dependent.ForeignKeys.Add(new[] { found });
                    }
                }
            }
        }

        // ---- Fluent API ------------------------------------------------------------------------------------

        private static void Walk(EfSymbols ef, IMethodSymbol method, FluentFacts facts, CancellationToken cancellationToken)
        {
            if (!facts.Visited.Add(method.OriginalDefinition))
            {
                return;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var syntax = reference.GetSyntax(cancellationToken);
#pragma warning disable RS1030 // The EF model is declared in other files than the query being analyzed; it is read once per compilation and cached.
                var semanticModel = ef.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                var body = semanticModel.GetOperation(syntax, cancellationToken);
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
                else if (method.Name == "HasColumnName" && receiver?.Unwrap() is IInvocationOperation { TargetMethod.Name: "Property" } propertyCall &&
                    BuilderEntity(ef, propertyCall.Receiver()?.Type) is { } owner && PropertyNames(ArgumentAfterReceiver(propertyCall, propertyCall.TargetMethod)) is { Count: 1 } propertyNames &&
                    FirstString(invocation) is { } column)
                {
                    facts.Columns.Add((owner, propertyNames[0], column));
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

        private sealed class FluentFacts
        {
            public HashSet<IMethodSymbol> Visited { get; } = new(Comparer);

            public bool Incomplete { get; set; }

            /// <summary>The context being read calls (or inherits) an OnModelCreating compiled in another assembly.</summary>
            public bool OpaqueBase { get; set; }

            public HashSet<INamedTypeSymbol> IncompleteEntities { get; } = new(Comparer);

            public HashSet<INamedTypeSymbol> Entities { get; } = new(Comparer);

            public List<(INamedTypeSymbol Entity, string Table, string? Schema)> Tables { get; } = new();

            public List<(INamedTypeSymbol Entity, List<string> Properties, bool Primary)> Keys { get; } = new();

            public HashSet<INamedTypeSymbol> Keyless { get; } = new(Comparer);

            public List<(INamedTypeSymbol Entity, IndexModel Index)> Indexes { get; } = new();

            public List<(INamedTypeSymbol Entity, string Property, string Column)> Columns { get; } = new();

            public List<(INamedTypeSymbol Dependent, string? Navigation, List<string> Properties)> ForeignKeys { get; } = new();

            /// <summary>Entities given rows with HasData (a lookup-table signal, see <see cref="LookupTableInference"/>).</summary>
            public HashSet<INamedTypeSymbol> Seeded { get; } = new(Comparer);

            public void ApplyTo(Dictionary<INamedTypeSymbol, EntityModel> entities)
            {
                foreach (var type in Seeded)
                {
                    if (entities.TryGetValue(type, out var seeded))
                    {
                        seeded.Seeded = true;
                    }
                }

                foreach (var (type, table, schema) in Tables)
                {
                    if (entities.TryGetValue(type, out var entity))
                    {
                        entity.TableName = table;
                        entity.TableNameExplicit = true;
                        entity.Schema = schema ?? entity.Schema;
                        entity.Names.Add(table);
                    }
                }

                foreach (var (type, properties, primary) in Keys)
                {
                    if (!entities.TryGetValue(type, out var entity))
                    {
                        continue;
                    }

                    if (primary)
                    {
                        entity.PrimaryKey = properties;
                    }
                    else
                    {
                        entity.Indexes.Add(new IndexModel("AK_" + entity.TableName + "_" + string.Join("_", properties), properties, unique: true, primaryKey: false));
                    }
                }

                foreach (var type in Keyless)
                {
                    if (entities.TryGetValue(type, out var entity))
                    {
                        entity.Keyless = true;
                    }
                }

                foreach (var (type, index) in Indexes)
                {
                    if (entities.TryGetValue(type, out var entity))
                    {
                        entity.Indexes.Add(index);
                    }
                }

                foreach (var (type, property, column) in Columns)
                {
                    if (entities.TryGetValue(type, out var entity) && entity.Columns.ContainsKey(property))
                    {
                        entity.Columns[property] = column;
                    }
                }

                foreach (var (type, navigation, properties) in ForeignKeys)
                {
                    if (!entities.TryGetValue(type, out var entity))
                    {
                        continue;
                    }

                    if (navigation is not null && entity.Navigations.TryGetValue(navigation, out var nav))
                    {
                        nav.ForeignKey = properties;
                    }
                    else if (!entity.ForeignKeys.Any(f => f.SequenceEqual(properties)))
                    {
                        entity.ForeignKeys.Add(properties);
                    }
                }
            }
        }
    }
}
