using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// Marks the entities the EF model shows to be lookup or configuration tables, which stay small: languages, sites,
    /// settings, content types. The rules (docs/registry.md, "Small tables without a registry"):
    /// <list type="number">
    /// <item>seeded with <c>HasData</c>;</item>
    /// <item>a key/value table: a <c>Key</c> (or <c>Name</c>) and a <c>Value</c> property, at most 4 columns;</item>
    /// <item>keyed by one string column other than <c>Id</c> (a code such as a culture or ISO code), at most 6 columns;</item>
    /// <item>referenced by another entity, at most 6 columns.</item>
    /// </list>
    /// In every case the entity must reference nothing that grows: its foreign keys point only at other lookup tables
    /// and it has no collection navigation. A row estimate in the registry or <c>sargable.large_tables</c> overrides the
    /// inference; an entity with foreign keys to growing tables keeps being treated as large.
    /// </summary>
    internal static class LookupTableInference
    {
        private const int KeyValueColumns = 4;
        private const int SmallEntityColumns = 6;

        public static void Apply(EfSymbols ef, IEnumerable<EntityModel> all)
        {
            var entities = all.ToList();
            var byType = entities.ToDictionary<EntityModel, INamedTypeSymbol, EntityModel>(e => e.Type, e => e, SymbolEqualityComparer.Default);
            var referencedBy = new Dictionary<EntityModel, string>();
            foreach (var entity in entities)
            {
                foreach (var navigation in entity.Navigations.Values)
                {
                    if (byType.TryGetValue(navigation.Target, out var target) && !ReferenceEquals(target, entity) && !referencedBy.ContainsKey(target))
                    {
                        referencedBy[target] = entity.TableName;
                    }
                }
            }

            var candidates = new Dictionary<EntityModel, string>();
            foreach (var entity in entities)
            {
                if (entity.Keyless || HasCollectionNavigation(ef, entity, byType) || Reason(entity, referencedBy) is not { } reason)
                {
                    continue;
                }

                candidates[entity] = reason;
            }

            // A reference to a growing table makes the entity part of that growth: drop it, until nothing changes.
            bool changed;
            do
            {
                changed = false;
                foreach (var entity in candidates.Keys.ToList())
                {
                    if (entity.Navigations.Values.Any(n => !byType.TryGetValue(n.Target, out var target) || !candidates.ContainsKey(target)) ||
                        (entity.ForeignKeys.Count > entity.Navigations.Count))
                    {
                        candidates.Remove(entity);
                        changed = true;
                    }
                }
            }
            while (changed);

            foreach (var pair in candidates)
            {
                pair.Key.LookupReason = pair.Value;
            }
        }

        private static string? Reason(EntityModel entity, Dictionary<EntityModel, string> referencedBy)
        {
            var columns = entity.Columns.Count;
            if (entity.Seeded)
            {
                return "seeded with HasData";
            }

            if (columns <= KeyValueColumns && entity.HasProperty("Value") && (entity.HasProperty("Key") || entity.HasProperty("Name")))
            {
                return "a key/value table";
            }

            if (columns <= SmallEntityColumns && entity.PrimaryKey is { Count: 1 } key && entity.StringColumns.Contains(key[0]) &&
                !string.Equals(key[0], "Id", StringComparison.OrdinalIgnoreCase))
            {
                return "keyed by the string code " + key[0];
            }

            if (columns <= SmallEntityColumns && referencedBy.TryGetValue(entity, out var referrer))
            {
                return "referenced by " + referrer + ", referencing nothing that grows";
            }

            return null;
        }

        private static bool HasCollectionNavigation(EfSymbols ef, EntityModel entity, Dictionary<INamedTypeSymbol, EntityModel> byType)
        {
            for (var type = entity.Type; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
            {
                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && property.Type.SpecialType != SpecialType.System_String &&
                        ef.EnumerableElement(property.Type) is INamedTypeSymbol element && byType.ContainsKey(element))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
