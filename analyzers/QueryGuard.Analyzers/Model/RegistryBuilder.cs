using System.Collections.Generic;
using System.Linq;
using QueryGuard.Registry;

namespace QueryGuard.Analyzers.Model
{
    /// <summary>
    /// Turns the EF model into the core's <see cref="IndexRegistry"/>, with the same table and column names the shape
    /// builder uses (entity table names, property names). Entities whose indexes are not all visible are left out, so
    /// the registry-dependent rules stay silent about them.
    /// </summary>
    internal static class RegistryBuilder
    {
        public static IndexRegistry Build(EfModel model, QueryGuardOptions options)
        {
            var small = new HashSet<string>(options.SmallTables.Select(QueryGuardOptions.Normalize));
            var tables = new List<RegisteredTable>();
            foreach (var entity in model.Entities)
            {
                var isSmall = entity.Names.Any(n => small.Contains(QueryGuardOptions.Normalize(n)));
                if (!entity.IndexesVisible && !isSmall)
                {
                    continue;
                }

                tables.Add(new RegisteredTable(entity.TableName, ToIndexes(entity), isSmall, entity.Schema));
            }

            return new IndexRegistry(tables);
        }

        public static IEnumerable<IndexDefinition> ToIndexes(EntityModel entity) =>
            entity.AllIndexes().Select(i => new IndexDefinition(
                i.Name!,
                i.Properties.Select((p, n) => new IndexColumn(p, n < i.Descending.Count && i.Descending[n])),
                i.Unique,
                i.PrimaryKey,
                i.Filter is null ? null : FilterInPropertyNames(entity, i.Filter)));

        /// <summary>A partial index's filter names database columns; the engine compares them with the shape's property names.</summary>
        private static string FilterInPropertyNames(EntityModel entity, string filter)
        {
            var text = filter;
            foreach (var pair in entity.Columns)
            {
                if (pair.Key != pair.Value)
                {
                    text = System.Text.RegularExpressions.Regex.Replace(text, "\"?\\b" + System.Text.RegularExpressions.Regex.Escape(pair.Value) + "\\b\"?", pair.Key);
                }
            }

            return text;
        }
    }
}
