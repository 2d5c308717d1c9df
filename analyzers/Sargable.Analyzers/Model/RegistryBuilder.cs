using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Sargable.Registry;

namespace Sargable.Analyzers.Model
{
    /// <summary>
    /// Turns the EF model into the core's <see cref="IndexRegistry"/>, with the same table and column names the shape
    /// builder uses (entity table names, property names). Entities whose indexes are not all visible are left out, so
    /// the registry-dependent rules stay silent about them.
    /// </summary>
    internal static class RegistryBuilder
    {
        /// <summary>
        /// The registry for the model. A registry file (database names such as <c>project_id</c>) is matched to entities by
        /// table name (ToTable, [Table], DbSet or type name) and to properties by column or property name, comparing
        /// case-insensitively with underscores ignored; its indexes join the model's, and an entity it lists counts as
        /// fully visible.
        /// </summary>
        public static IndexRegistry Build(EfModel model, EditorConfigOptions options, IndexRegistry? file = null)
        {
            var small = new HashSet<string>(options.SmallTables.Select(EditorConfigOptions.Normalize));
            var large = new HashSet<string>(options.LargeTables.Select(EditorConfigOptions.Normalize));
            var fileTables = new Dictionary<string, RegisteredTable>();
            foreach (var table in file?.Tables ?? Array.Empty<RegisteredTable>())
            {
                fileTables[EditorConfigOptions.Normalize(table.Name)] = table;
            }

            var tables = new List<RegisteredTable>();
            foreach (var entity in model.Entities)
            {
                var isSmall = entity.Names.Any(n => small.Contains(EditorConfigOptions.Normalize(n)));
                var listed = entity.Names.Select(n => fileTables.TryGetValue(EditorConfigOptions.Normalize(n), out var t) ? t : null).FirstOrDefault(t => t is not null);
                if (!entity.IndexesVisible && !isSmall && listed is null)
                {
                    continue;
                }

                var indexes = ToIndexes(entity).ToList();
                if (listed is not null)
                {
                    var names = new HashSet<string>(indexes.Select(i => i.Name), StringComparer.OrdinalIgnoreCase);
                    indexes.AddRange(listed.Indexes.Where(i => names.Add(i.Name)).Select(i => Translate(entity, i)));
                }

                tables.Add(new RegisteredTable(entity.TableName, indexes, isSmall || (listed?.Small ?? false), entity.Schema, listed?.EstimatedRows)
                {
                    Large = entity.Names.Any(n => large.Contains(EditorConfigOptions.Normalize(n))),
                    InferredLookup = entity.LookupReason,
                });
            }

            return new IndexRegistry(tables, file?.SmallTableRows ?? IndexRegistry.DefaultSmallTableRows);
        }

        /// <summary>An index from the registry file, with database column names replaced by the entity's property names.</summary>
        private static IndexDefinition Translate(EntityModel entity, IndexDefinition index) =>
            new(
                index.Name,
                index.Columns.Select(c => new IndexColumn(PropertyOf(entity, c.Name) ?? c.Name, c.Descending)),
                index.Unique,
                index.PrimaryKey,
                index.Where is null ? null : Regex.Replace(index.Where, "\"?\\b[A-Za-z_][A-Za-z0-9_]*\\b\"?", m => PropertyOf(entity, m.Value.Trim('"')) ?? m.Value),
                index.Include.Select(c => PropertyOf(entity, c) ?? c),
                index.Method);

        /// <summary>The property a database column name stands for: by column name or property name, case and underscores ignored.</summary>
        private static string? PropertyOf(EntityModel entity, string column)
        {
            var wanted = EditorConfigOptions.Normalize(column);
            foreach (var pair in entity.Columns)
            {
                if (EditorConfigOptions.Normalize(pair.Value) == wanted || EditorConfigOptions.Normalize(pair.Key) == wanted)
                {
                    return pair.Key;
                }
            }

            return null;
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
                    text = Regex.Replace(text, "\"?\\b" + Regex.Escape(pair.Value) + "\\b\"?", pair.Key);
                }
            }

            return text;
        }
    }
}
