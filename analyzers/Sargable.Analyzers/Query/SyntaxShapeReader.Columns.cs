using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>Columns: properties of the root entity, and of reference navigations as joined accesses.</summary>
    internal sealed partial class SyntaxShapeReader
    {
        /// <summary><c>p.Property</c> (access 0), <c>p.Property.Value</c>, or <c>p.Navigation.Property</c> (a joined access).</summary>
        private bool Column(ExpressionSyntax expression, string parameter, out int access, out string property)
        {
            access = 0;
            property = string.Empty;
            var node = expression.WithoutParenthesesOrCasts();
            if (node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: MemberAccessExpressionSyntax nullable })
            {
                node = nullable;
            }

            if (node is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member)
            {
                return false;
            }

            var target = member.Expression.WithoutParenthesesOrCasts();
            if (target is IdentifierNameSyntax root && root.Identifier.ValueText == parameter)
            {
                property = name.Identifier.ValueText;
                return accesses[0].Entity.HasProperty(property);
            }

            if (target is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax navigation, Expression: IdentifierNameSyntax navigationRoot } &&
                navigationRoot.Identifier.ValueText == parameter && Navigation(navigation.Identifier.ValueText) is { } joined)
            {
                access = joined;
                property = name.Identifier.ValueText;
                return accesses[joined].Entity.HasProperty(property);
            }

            return false;
        }

        private int? Navigation(string name)
        {
            if (navigations.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var root = accesses[0].Entity;
            if (!root.Navigations.TryGetValue(name, out var navigation) || navigation.ForeignKey is not { Count: 1 } foreignKey)
            {
                return null;
            }

            var target = model.Get(navigation.Target);
            if (target.PrimaryKey is not { Count: 1 } key)
            {
                return null;
            }

            var id = accesses.Count;
            accesses.Add((target, new List<ColumnEquality> { new(key[0], EqualityKind.JoinColumn, null, 0, foreignKey[0]) }, new List<ColumnRange>(), new List<UnusablePredicate>()));
            accesses[0].Equalities.Add(new ColumnEquality(foreignKey[0], EqualityKind.JoinColumn, null, id, key[0]));
            navigations[name] = id;
            return id;
        }
    }
}
