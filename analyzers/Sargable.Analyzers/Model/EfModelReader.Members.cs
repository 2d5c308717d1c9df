using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// An entity's members: scalar columns and navigations, and the table, keys and indexes its data annotations
    /// (or the <c>Id</c>/<c>TypeId</c> convention) give it.
    /// </summary>
    internal static partial class EfModelReader
    {
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

            // The name first: formatting every navigation's type as a string was most of this check's cost.
            return type.Name is "Uri" or "JsonDocument" or "IPAddress" &&
                type.ToDisplayString() is "System.Uri" or "System.Text.Json.JsonDocument" or "System.Net.IPAddress";
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
                        if (columnAttribute is not null && IsTextStoreType(columnAttribute))
                        {
                            entity.StringEnumColumns.Add(property.Name);
                        }
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

        /// <summary><c>[Column(TypeName = "text")]</c>, <c>varchar(...)</c>, <c>nvarchar(...)</c>, <c>character varying</c>: EF stores an enum there by name.</summary>
        private static bool IsTextStoreType(AttributeData column)
        {
            foreach (var argument in column.NamedArguments)
            {
                if (argument.Key == "TypeName" && argument.Value.Value is string typeName)
                {
                    var type = typeName.Trim().ToLowerInvariant();
                    var paren = type.IndexOf('(');
                    type = (paren >= 0 ? type.Substring(0, paren) : type).Trim();
                    return type is "text" or "varchar" or "nvarchar" or "character varying" or "nchar" or "char" or "character" or "citext" or "ntext";
                }
            }

            return false;
        }
    }
}
