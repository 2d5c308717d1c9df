using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Model;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>
    /// The literal a LINQ filter fixes a boolean or enum column to (<c>s => s.IsDefault</c>, <c>!s.IsDefault</c>,
    /// <c>s.Status == SiteStatus.Active</c>), so Core can suggest a partial index. Read from syntax and the entity's
    /// property types alone, so the syntax reader and the binding reader give the same equality.
    /// </summary>
    internal static class ColumnLiterals
    {
        /// <summary>A bare boolean column (<paramref name="value"/> true) or its negation (false) used as the condition.</summary>
        public static ColumnEquality BooleanTest(EntityModel entity, string property, bool value, SourceLocation? location) =>
            entity.BooleanColumns.Contains(property)
                ? new ColumnEquality(property, EqualityKind.Value, location) { Literal = value ? "true" : "false", Domain = ColumnDomain.Boolean, StoredColumn = StoredColumn(entity, property) }
                : new ColumnEquality(property, EqualityKind.Value, location);

        /// <summary><c>property == value</c>: a true/false literal on a boolean column, or a member of the column's own enum type.</summary>
        public static ColumnEquality Equal(EntityModel entity, string property, ExpressionSyntax value, SourceLocation? location)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            if (entity.BooleanColumns.Contains(property) && value.Kind() is SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression)
            {
                return BooleanTest(entity, property, value.IsKind(SyntaxKind.TrueLiteralExpression), location);
            }

            if (entity.EnumColumns.TryGetValue(property, out var enumType) && EnumMember(enumType, value) is { } field)
            {
                // EF stores an enum as its number unless a value converter says otherwise; stored as text, it is the member's name.
                var literal = entity.StringEnumColumns.Contains(property)
                    ? "'" + field.Name + "'"
                    : Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture);
                return new ColumnEquality(property, EqualityKind.Value, location) { Literal = literal, Domain = ColumnDomain.Enumeration, StoredColumn = StoredColumn(entity, property) };
            }

            return new ColumnEquality(property, EqualityKind.Value, location);
        }

        /// <summary>
        /// The column <c>[Column("status")]</c> or <c>HasColumnName("status")</c> maps the property to, when it differs: shapes
        /// name properties, but the partial index's predicate is SQL the database runs.
        /// </summary>
        private static string? StoredColumn(EntityModel entity, string property) =>
            entity.Columns.TryGetValue(property, out var column) && !string.Equals(column, property, StringComparison.Ordinal) ? column : null;

        /// <summary>The number of <c>SiteStatus.Active</c> (or <c>Ns.SiteStatus.Active</c>) when it names a member of <paramref name="enumType"/>.</summary>
        private static IFieldSymbol? EnumMember(INamedTypeSymbol enumType, ExpressionSyntax value)
        {
            if (value is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } access)
            {
                return null;
            }

            var qualifier = access.Expression switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
                _ => null,
            };
            if (!string.Equals(qualifier, enumType.Name, StringComparison.Ordinal))
            {
                return null;
            }

            return enumType.GetMembers(member.Identifier.ValueText).OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue);
        }
    }
}
