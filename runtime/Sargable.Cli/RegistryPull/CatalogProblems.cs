using System;
using System.IO;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sargable.Cli.RegistryPull
{
    /// <summary>
    /// One sentence for each way reading a catalog fails. Built from error codes, never from the server's message text,
    /// which may quote what the caller sent.
    /// </summary>
    internal static class CatalogProblems
    {
        public static string Describe(Exception error, CatalogProvider provider, string target) => error switch
        {
            PostgresException postgres => Postgres(postgres.SqlState, target),
            NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => $"could not reach {target}; check the host and port and that the server is running.",
            NpgsqlException { IsTransient: true } => $"could not reach {target}; check the host and port and that the server is running.",
            SqliteException sqlite => Sqlite(sqlite.SqliteErrorCode, target),
            TimeoutException => $"{target} did not answer in time.",
            _ => $"reading the catalog of {target} failed ({error.GetType().Name}).",
        };

        private static string Postgres(string sqlState, string target) => sqlState switch
        {
            "28P01" or "28000" => $"{target} refused the login: the user name or password in the connection string is wrong (SQLSTATE {sqlState}).",
            "3D000" => $"the database named in the connection string does not exist on {target} (SQLSTATE 3D000).",
            "42501" => $"the user in the connection string may not read the catalog on {target} (permission denied, SQLSTATE 42501).",
            "53300" => $"{target} has no free connection slots (SQLSTATE 53300).",
            _ => $"{target} refused the catalog query (SQLSTATE {sqlState}).",
        };

        private static string Sqlite(int code, string target) => code switch
        {
            14 => $"could not open {target}: the file does not exist or cannot be opened.",
            26 => $"{target} is not a SQLite database.",
            3 or 23 => $"{target} cannot be read: permission denied.",
            5 or 6 => $"{target} is locked by another connection.",
            _ => $"reading {target} failed (SQLite error {code}).",
        };
    }
}
