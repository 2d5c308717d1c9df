using System;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sargable.Cli.RegistryPull
{
    /// <summary>The databases <c>registry pull</c> reads: their names on the command line and how a connection is opened.</summary>
    internal enum CatalogProvider
    {
        PostgreSql,
        Sqlite,
    }

    /// <summary>Names, inference from the connection string, and connections for <see cref="CatalogProvider"/>.</summary>
    internal static class CatalogProviders
    {
        public static readonly string[] Names = ["postgresql", "sqlite"];

        public static CatalogProvider Parse(string name) =>
            name == "sqlite" ? CatalogProvider.Sqlite : CatalogProvider.PostgreSql;

        /// <summary>The provider a connection string's keywords point to, or null when they do not tell.</summary>
        public static CatalogProvider? Infer(string connectionString)
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            if (builder.ContainsKey("host") || builder.ContainsKey("server") || builder.ContainsKey("username") || builder.ContainsKey("port"))
            {
                return CatalogProvider.PostgreSql;
            }

            return builder.ContainsKey("data source") || builder.ContainsKey("filename") || builder.ContainsKey("datasource") ? CatalogProvider.Sqlite : null;
        }

        public static string DisplayName(CatalogProvider provider) => provider == CatalogProvider.Sqlite ? "SQLite" : "PostgreSQL";

        /// <summary>
        /// A closed connection for the provider. SQLite opens read-only, so a mistyped path is an error rather than a
        /// new empty database file.
        /// </summary>
        public static DbConnection Create(CatalogProvider provider, string connectionString)
        {
            if (provider == CatalogProvider.Sqlite)
            {
                var sqlite = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
                return new SqliteConnection(sqlite.ToString());
            }

            return new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString).ToString());
        }

        /// <summary>Where the connection points, for error messages: host and port, or the file; never credentials.</summary>
        public static string Target(CatalogProvider provider, string connectionString)
        {
            try
            {
                if (provider == CatalogProvider.Sqlite)
                {
                    return "the SQLite file '" + new SqliteConnectionStringBuilder(connectionString).DataSource + "'";
                }

                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                return $"the PostgreSQL server at {builder.Host ?? "localhost"}:{builder.Port}";
            }
            catch (ArgumentException)
            {
                return "the database";
            }
        }
    }
}
