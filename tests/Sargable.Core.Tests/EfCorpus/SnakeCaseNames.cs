using System;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>
    /// Renames every table, column, key, foreign key and index of a model to snake_case, the way Rails and most
    /// PostgreSQL schemas name them. Apply it at the end of OnModelCreating, after all entities are configured.
    /// </summary>
    public static class SnakeCaseNames
    {
        public static void Apply(IMutableModel model)
        {
            ArgumentNullException.ThrowIfNull(model);

            // Tables and columns first: the default key, foreign key and index names are derived from them.
            foreach (var entity in model.GetEntityTypes())
            {
                if (entity.GetTableName() is { } table)
                {
                    entity.SetTableName(ToSnakeCase(table));
                }

                foreach (var property in entity.GetProperties())
                {
                    property.SetColumnName(ToSnakeCase(property.GetColumnName()));
                }
            }

            foreach (var entity in model.GetEntityTypes())
            {
                foreach (var key in entity.GetKeys())
                {
                    if (key.GetName() is { } name)
                    {
                        key.SetName(ToSnakeCase(name));
                    }
                }

                foreach (var foreignKey in entity.GetForeignKeys())
                {
                    if (foreignKey.GetConstraintName() is { } name)
                    {
                        foreignKey.SetConstraintName(ToSnakeCase(name));
                    }
                }

                foreach (var index in entity.GetIndexes())
                {
                    if (index.GetDatabaseName() is { } name)
                    {
                        index.SetDatabaseName(ToSnakeCase(name));
                    }
                }
            }
        }

        /// <summary>"LastDeploymentId" → "last_deployment_id", "PK_deployments" → "pk_deployments", "HTTPStatus" → "http_status".</summary>
        public static string ToSnakeCase(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            var builder = new StringBuilder(name.Length + 8);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    var previous = i > 0 ? name[i - 1] : '_';
                    var next = i + 1 < name.Length ? name[i + 1] : '_';
                    var startsWord = previous != '_' &&
                        (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                    if (startsWord)
                    {
                        builder.Append('_');
                    }

                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
