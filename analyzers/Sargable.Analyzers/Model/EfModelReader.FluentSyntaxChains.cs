using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// The chains on an entity builder read from syntax: which builder each call returns, and the fact each records,
    /// as <c>ReadInvocation</c>, <c>ReadIndex</c> and <c>ReadForeignKey</c> record them from bound calls.
    /// </summary>
    internal static partial class EfModelReader
    {
        /// <summary>Calls on the entity builder that return it again and configure nothing the analyzers read.</summary>
        private static readonly HashSet<string> EntityBuilderCalls = new() { "Ignore", "HasQueryFilter", "HasComment", "HasAnnotation" };

        /// <summary>Calls on the model builder that configure nothing the analyzers read (configurations are read on their own).</summary>
        private static readonly HashSet<string> ModelBuilderCalls = new() { "ApplyConfiguration", "ApplyConfigurationsFromAssembly", "HasAnnotation", "HasDefaultSchema", "HasPostgresExtension" };

        /// <summary>Calls on a relationship that return it again.</summary>
        private static readonly HashSet<string> RelationshipCalls = new() { "HasPrincipalKey", "OnDelete", "IsRequired", "HasConstraintName", "HasAnnotation" };

        /// <summary>Calls on a property builder that return it again.</summary>
        private static readonly HashSet<string> PropertyBuilderCalls = new()
        {
            "HasMaxLength", "IsRequired", "HasColumnType", "HasDefaultValue", "HasDefaultValueSql", "ValueGeneratedOnAdd", "ValueGeneratedNever",
            "ValueGeneratedOnAddOrUpdate", "ValueGeneratedOnUpdate", "HasPrecision", "IsUnicode", "HasComment", "IsConcurrencyToken", "IsRowVersion",
            "IsFixedLength", "HasComputedColumnSql", "HasField", "UsePropertyAccessMode", "HasAnnotation", "HasColumnOrder", "HasSentinel",
            "UseIdentityColumn", "UseIdentityAlwaysColumn", "UseIdentityByDefaultColumn", "UseCollation",
        };

        /// <summary>
        /// Names the binding walk gives a meaning wherever they appear in a chain. Outside the positions read here they
        /// make the reader give up rather than guess which builder they were called on.
        /// </summary>
        private static readonly HashSet<string> MeaningfulCalls = new()
        {
            "Entity", "ToTable", "HasKey", "HasAlternateKey", "HasNoKey", "HasIndex", "HasData", "HasForeignKey", "HasColumnName", "HasConversion",
            "HaveConversion", "OnModelCreating", "ApplyConfigurationsFromAssembly", "IsUnique", "HasFilter", "HasDatabaseName", "HasName",
            "IsDescending", "HasOne", "WithOne", "Properties",
        };

        /// <summary>The calls after HasIndex that the binding walk applies to the index.</summary>
        private static readonly HashSet<string> IndexCalls = new() { "IsUnique", "HasFilter", "HasDatabaseName", "HasName", "IsDescending" };

        private enum Link
        {
            /// <summary>The entity builder itself.</summary>
            Entity,

            /// <summary>After HasIndex: IsUnique, HasFilter and HasDatabaseName still apply to the index.</summary>
            Index,

            /// <summary>After HasOne(nav): only WithMany is read.</summary>
            One,

            /// <summary>After HasMany(collection): only WithOne is read.</summary>
            Many,

            /// <summary>A one-to-many relationship whose dependent is known: HasForeignKey is read.</summary>
            Relationship,

            /// <summary>After Property(...): HasColumnName and HasConversion are read.</summary>
            Property,

            /// <summary>A builder nothing further is read from (KeyBuilder, DataBuilder, or one returned by a call not followed).</summary>
            Other,
        }

        private sealed partial class FluentSyntaxReader
        {
            private bool ReadEntityChain(List<InvocationExpressionSyntax> calls, int start, INamedTypeSymbol entity)
            {
                var link = Link.Entity;
                IndexModel? index = null;
                string? property = null;
                INamedTypeSymbol? dependent = null;
                string? navigation = null;

                // After a call the reader does not know, the builder the chain is on is unknown: it could be an entity
                // builder again, whose calls the binding walk reads, so nothing may follow.
                var unknownReceiver = false;
                for (var i = start; i < calls.Count; i++)
                {
                    var call = calls[i];
                    if (unknownReceiver || CallName(call) is not { } nameSyntax)
                    {
                        return false;
                    }

                    var name = nameSyntax.Identifier.ValueText;
                    var generic = nameSyntax is GenericNameSyntax;
                    var arguments = call.ArgumentList.Arguments;
                    if (DeclaredInSource(name))
                    {
                        return false;
                    }

                    switch (link)
                    {
                        case Link.Entity:
                            if (!ReadEntityCall(call, name, generic, entity, ref link, ref index, ref property, ref dependent, ref navigation))
                            {
                                return false;
                            }

                            break;
                        case Link.Index:
                            if (!ReadIndexCall(call, name, index!, out unknownReceiver))
                            {
                                return false;
                            }

                            break;
                        case Link.One when name == "WithMany" && !generic && arguments.Count <= 1 && InertArguments(call):
                            dependent = entity;
                            link = Link.Relationship;
                            break;
                        case Link.Many when name == "WithOne" && !generic && arguments.Count <= 1:
                            if (arguments.Count == 1)
                            {
                                if (!PropertyNames(arguments[0], dependent!, out var parentNames) || parentNames.Count != 1 || !LambdaParameter(arguments[0].Expression, out _, out _, out _))
                                {
                                    return false;
                                }

                                navigation = parentNames[0];
                            }

                            link = Link.Relationship;
                            break;
                        case Link.Relationship when name == "HasForeignKey":
                            if (generic || arguments.Count == 0 || !PropertyNames(arguments, dependent!, out var keyNames))
                            {
                                return false;
                            }

                            var (fkDependent, fkNavigation) = (dependent!, navigation);
                            chainFacts.Add(f => f.ForeignKeys.Add((fkDependent, fkNavigation, keyNames)));
                            break;
                        case Link.Relationship when RelationshipCalls.Contains(name) && InertArguments(call):
                            break;
                        case Link.Property when name == "HasColumnName":
                            if (generic || OnlyArgument(arguments) is not { } columnArgument || !StringLiteral(columnArgument.Expression, out var column) || column is null)
                            {
                                return false;
                            }

                            var (columnEntity, columnProperty) = (entity, property!);
                            chainFacts.Add(f => f.Columns.Add((columnEntity, columnProperty, column)));
                            break;
                        case Link.Property when name == "HasConversion":
                            if (!ConvertsToText(nameSyntax, call, out var toText))
                            {
                                return false;
                            }

                            var (convertedEntity, convertedProperty) = (entity, property!);
                            chainFacts.Add(f => f.Conversions.Add((convertedEntity, convertedProperty, toText)));
                            break;
                        case Link.Property when PropertyBuilderCalls.Contains(name) && InertArguments(call):
                            break;
                        default:
                            // A call whose builder is not followed: fine as long as nothing after it could mean anything.
                            if (Meaningful(name, index) || !InertArguments(call))
                            {
                                return false;
                            }

                            link = Link.Other;
                            unknownReceiver = true;
                            break;
                    }
                }

                return true;
            }

            /// <summary>
            /// Whether a call the chain does not follow could still mean something to the binding walk: the index calls
            /// only once HasIndex was read, and HasOne/WithOne only before a HasForeignKey, which is never read after them here.
            /// </summary>
            private static bool Meaningful(string name, IndexModel? index) =>
                MeaningfulCalls.Contains(name) && !(index is null && IndexCalls.Contains(name)) && name is not ("HasOne" or "WithOne");

            private bool ReadEntityCall(InvocationExpressionSyntax call, string name, bool generic, INamedTypeSymbol entity, ref Link link, ref IndexModel? index,
                ref string? property, ref INamedTypeSymbol? dependent, ref string? navigation)
            {
                var arguments = call.ArgumentList.Arguments;
                switch (name)
                {
                    case "ToTable":
                        // ToTable("name") or ToTable("name", "schema"): the string overloads, which return the entity builder.
                        if (generic || arguments.Count is < 1 or > 2 || !StringLiteral(arguments[0].Expression, out var table) || table is null ||
                            (arguments.Count == 2 && !StringLiteral(arguments[1].Expression, out _)) || NamedOrRef(arguments))
                        {
                            return false;
                        }

                        string? schema = null;
                        if (arguments.Count == 2)
                        {
                            StringLiteral(arguments[1].Expression, out schema);
                        }

                        chainFacts.Add(f => f.Tables.Add((entity, table, schema)));
                        return true;
                    case "HasKey":
                    case "HasAlternateKey":
                        if (generic || !PropertyNames(arguments, entity, out var keyNames))
                        {
                            return false;
                        }

                        var primary = name == "HasKey";
                        chainFacts.Add(f => f.Keys.Add((entity, keyNames, primary)));
                        link = Link.Other;
                        return true;
                    case "HasNoKey":
                        if (generic || arguments.Count != 0)
                        {
                            return false;
                        }

                        chainFacts.Add(f => f.Keyless.Add(entity));
                        return true;
                    case "HasIndex":
                        return !generic && ReadIndex(arguments, entity, ref link, ref index);
                    case "HasData":
                        if (!InertArguments(call))
                        {
                            return false;
                        }

                        chainFacts.Add(f => f.Seeded.Add(entity));
                        link = Link.Other;
                        return true;
                    case "HasOne":
                    case "HasMany":
                        if (generic || OnlyArgument(arguments) is not { } navigationArgument || !LambdaParameter(navigationArgument.Expression, out _, out _, out _) ||
                            !PropertyNames(navigationArgument, entity, out var navigationNames) || navigationNames.Count != 1)
                        {
                            return false;
                        }

                        if (name == "HasOne")
                        {
                            // The dependent of HasOne(...).WithMany(...) is this entity, so the navigation names its foreign key.
                            navigation = navigationNames[0];
                            link = Link.One;
                            return true;
                        }

                        dependent = ef.EnumerableElement(FindProperty(entity, navigationNames[0])!.Type) as INamedTypeSymbol;
                        navigation = null;
                        link = Link.Many;
                        return dependent is not null;
                    case "Property":
                        if (OnlyArgument(arguments) is not { } propertyArgument || !PropertyNames(propertyArgument, entity, out var propertyNames) ||
                            propertyNames.Count != 1 || (generic && !StringLiteral(propertyArgument.Expression, out _)))
                        {
                            return false;
                        }

                        property = propertyNames[0];
                        link = Link.Property;
                        return true;
                    default:
                        return !generic && EntityBuilderCalls.Contains(name) && InertArguments(call);
                }
            }

            /// <summary><c>HasIndex(e =&gt; ...)</c>, <c>HasIndex(e =&gt; ..., "name")</c> or <c>HasIndex("A", "B")</c>.</summary>
            private bool ReadIndex(SeparatedSyntaxList<ArgumentSyntax> arguments, INamedTypeSymbol entity, ref Link link, ref IndexModel? index)
            {
                if (arguments.Count == 0 || NamedOrRef(arguments))
                {
                    return false;
                }

                List<string> names;
                string? name = null;
                if (LambdaParameter(arguments[0].Expression, out _, out _, out _))
                {
                    if (arguments.Count > 2 || !PropertyNames(arguments[0], entity, out names) || (arguments.Count == 2 && (!StringLiteral(arguments[1].Expression, out name) || name is null)))
                    {
                        return false;
                    }
                }
                else if (!PropertyNames(arguments, entity, out names))
                {
                    return false;
                }

                var created = new IndexModel(name, names, unique: false, primaryKey: false);
                chainFacts.Add(f => f.Indexes.Add((entity, created)));
                index = created;
                link = Link.Index;
                return true;
            }

            /// <summary>The calls after HasIndex the binding walk applies to the index, whatever builder they are on.</summary>
            private bool ReadIndexCall(InvocationExpressionSyntax call, string name, IndexModel index, out bool unknownReceiver)
            {
                var arguments = call.ArgumentList.Arguments;
                unknownReceiver = false;
                switch (name)
                {
                    case "IsUnique":
                        if (arguments.Count == 0)
                        {
                            index.Unique = true;
                            return true;
                        }

                        if (OnlyArgument(arguments)?.Expression is LiteralExpressionSyntax literal && literal.Token.Value is bool unique)
                        {
                            index.Unique = unique;
                            return true;
                        }

                        return false;
                    case "HasFilter":
                        if (OnlyArgument(arguments) is not { } filterArgument || !StringLiteral(filterArgument.Expression, out var filter))
                        {
                            return false;
                        }

                        index.Filter = filter;
                        return true;
                    case "HasDatabaseName":
                    case "HasName":
                        if (OnlyArgument(arguments) is not { } nameArgument || !StringLiteral(nameArgument.Expression, out var databaseName))
                        {
                            return false;
                        }

                        index.Name = databaseName ?? index.Name;
                        return true;
                    default:
                        unknownReceiver = true;
                        return !MeaningfulCalls.Contains(name) && InertArguments(call);
                }
            }

            /// <summary>
            /// <c>HasConversion&lt;string&gt;()</c> or <c>HasConversion(new EnumToStringConverter&lt;T&gt;())</c> store the name;
            /// another built-in type argument or any other argument does not.
            /// </summary>
            private bool ConvertsToText(SimpleNameSyntax name, InvocationExpressionSyntax call, out bool toText)
            {
                var arguments = call.ArgumentList.Arguments;
                toText = false;
                if (name is GenericNameSyntax generic)
                {
                    if (arguments.Count != 0 || generic.TypeArgumentList.Arguments is not { Count: 1 } typeArguments || typeArguments[0] is not PredefinedTypeSyntax predefined)
                    {
                        return false;
                    }

                    toText = predefined.Keyword.ValueText == "string";
                    return true;
                }

                if (arguments.Count == 0 || !InertArguments(call))
                {
                    return false;
                }

                toText = arguments.Count == 1 && arguments[0].Expression is ObjectCreationExpressionSyntax { Type: var type } &&
                    RightmostName(type) == "EnumToStringConverter";
                return true;
            }

            private static string? RightmostName(TypeSyntax type) => type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                _ => null,
            };
        }
    }
}
