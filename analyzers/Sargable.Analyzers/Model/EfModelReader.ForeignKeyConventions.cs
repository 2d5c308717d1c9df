using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>EF's foreign-key conventions, for navigations and collections that no annotation or fluent call configured.</summary>
    internal static partial class EfModelReader
    {
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
    }
}
