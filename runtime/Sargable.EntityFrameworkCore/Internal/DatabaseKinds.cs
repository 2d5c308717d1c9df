using System;
using System.Data.Common;

namespace Sargable.Internal
{
    internal enum DatabaseKind
    {
        Other,
        PostgreSql,
        Sqlite,
    }

    /// <summary>Which database a connection talks to, from its ADO.NET type, so the guard needs no provider package.</summary>
    internal static class DatabaseKinds
    {
        public static DatabaseKind Of(DbConnection connection)
        {
            var name = connection.GetType().FullName ?? string.Empty;
            if (name.StartsWith("Npgsql.", StringComparison.Ordinal))
            {
                return DatabaseKind.PostgreSql;
            }

            if (name.StartsWith("Microsoft.Data.Sqlite.", StringComparison.Ordinal) || name.StartsWith("System.Data.SQLite.", StringComparison.Ordinal))
            {
                return DatabaseKind.Sqlite;
            }

            return DatabaseKind.Other;
        }
    }
}
