using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Sargable.Registry;

namespace Sargable
{
    /// <summary>
    /// Builds an <see cref="IndexRegistry"/> from an EF Core model: every mapped table with its primary key, alternate
    /// keys (unique constraints) and indexes (including the ones EF Core creates for foreign keys), under the names the
    /// database uses. Read through the relational model, so table, column and index names come out exactly as EF Core
    /// creates them, naming conventions (snake_case and the like) included.
    /// </summary>
    public static class EfModelRegistry
    {
        /// <summary>
        /// The registry of a context's model. Reads the design-time model, which keeps index sort orders, filters and
        /// provider annotations that the read-optimized runtime model drops; falls back to the runtime model (for
        /// compiled models) and then treats such details as unknown.
        /// </summary>
        public static IndexRegistry Build(DbContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            IModel model;
            try
            {
                model = context.GetService<IDesignTimeModel>().Model;
            }
            catch (InvalidOperationException)
            {
                model = context.Model;
            }

            return Build(model);
        }

        /// <summary>The registry of <paramref name="model"/>; pass a design-time model for sort orders and partial-index filters.</summary>
        public static IndexRegistry Build(IModel model)
        {
            ArgumentNullException.ThrowIfNull(model);
            var tables = new List<RegisteredTable>();
            foreach (var table in model.GetRelationalModel().Tables)
            {
                var indexes = new List<IndexDefinition>();
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (table.PrimaryKey is { } primaryKey && names.Add(primaryKey.Name))
                {
                    indexes.Add(new IndexDefinition(primaryKey.Name, primaryKey.Columns.Select(c => new IndexColumn(c.Name)), unique: true, primaryKey: true));
                }

                foreach (var constraint in table.UniqueConstraints)
                {
                    if (!constraint.GetIsPrimaryKey() && names.Add(constraint.Name))
                    {
                        indexes.Add(new IndexDefinition(constraint.Name, constraint.Columns.Select(c => new IndexColumn(c.Name)), unique: true));
                    }
                }

                foreach (var index in table.Indexes)
                {
                    if (!names.Add(index.Name))
                    {
                        continue;
                    }

                    // EF Core: null means every column ascending, an empty list every column descending.
                    var descending = DesignTime(() => index.IsDescending);
                    var columns = index.Columns.Select((c, i) => new IndexColumn(c.Name, descending is not null && (descending.Count == 0 || (i < descending.Count && descending[i]))));
                    indexes.Add(new IndexDefinition(index.Name, columns, index.IsUnique, where: DesignTime(() => index.Filter), method: IndexMethod(index), include: IncludedColumns(index)));
                }

                tables.Add(new RegisteredTable(table.Name, indexes, small: false, schema: table.Schema) { ColumnDomains = ColumnDomains(table) });
            }

            return new IndexRegistry(tables);
        }

        /// <summary>
        /// Columns mapped from bool or enum properties: a filter on one of them alone wants a partial index (SARG0006).
        /// The SQL EF sends carries the literal as stored (a number, or a name under a string converter), so the kind is enough.
        /// </summary>
        private static Dictionary<string, Shapes.ColumnDomain> ColumnDomains(ITable table)
        {
            var domains = new Dictionary<string, Shapes.ColumnDomain>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in table.Columns)
            {
                var clrType = column.PropertyMappings.Select(m => m.Property.ClrType).FirstOrDefault();
                clrType = clrType is null ? null : Nullable.GetUnderlyingType(clrType) ?? clrType;
                if (clrType == typeof(bool))
                {
                    domains[column.Name] = Shapes.ColumnDomain.Boolean;
                }
                else if (clrType is { IsEnum: true })
                {
                    domains[column.Name] = Shapes.ColumnDomain.Enumeration;
                }
            }

            return domains;
        }

        // The runtime model throws for configuration it does not keep; treat that as not configured.
        private static T? DesignTime<T>(Func<T?> read)
        {
            try
            {
                return read();
            }
            catch (InvalidOperationException)
            {
                return default;
            }
        }

        // Npgsql keeps the access method and INCLUDE columns as annotations on the model index; read them by name so
        // the guard does not depend on a provider.
        private static string? IndexMethod(ITableIndex index) =>
            index.MappedIndexes.Select(i => DesignTime(() => i.FindAnnotation("Npgsql:IndexMethod")?.Value as string)).FirstOrDefault(m => m is not null);

        private static IEnumerable<string>? IncludedColumns(ITableIndex index)
        {
            var properties = index.MappedIndexes.Select(i => DesignTime(() => i.FindAnnotation("Npgsql:IndexInclude")?.Value as IReadOnlyList<string>)).FirstOrDefault(p => p is not null);
            if (properties is null)
            {
                return null;
            }

            var entity = index.MappedIndexes.First().DeclaringEntityType;
            var store = StoreObjectIdentifier.Table(index.Table.Name, index.Table.Schema);
            return properties.Select(p => entity.FindProperty(p)?.GetColumnName(store) ?? p).ToList();
        }
    }
}
