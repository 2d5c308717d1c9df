using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Sargable.Internal;
using Sargable.Registry;

namespace Sargable
{
    /// <summary>
    /// Reads the indexes a live database really has, with row estimates, into an <see cref="IndexRegistry"/>:
    /// PostgreSQL from <c>pg_index</c> and <c>pg_class.reltuples</c>, SQLite from <c>pragma index_list/index_xinfo</c>.
    /// Column domains come along: on PostgreSQL a <c>boolean</c> column is <see cref="Shapes.ColumnDomain.Boolean"/> and a column of a
    /// user-defined enum type is <see cref="Shapes.ColumnDomain.Enumeration"/>; on SQLite only a column declared BOOLEAN or BOOL is
    /// boolean (EF Core stores bool as INTEGER, which cannot be told from a number), and nothing is an enumeration.
    /// Tables in the connection's default schema (PostgreSQL <c>current_schema()</c>, SQLite <c>main</c>) are registered
    /// without a schema, like the tables of an EF Core model without an explicit schema, so the two sources merge.
    /// </summary>
    public static class DatabaseCatalogRegistry
    {
        /// <summary>True when the catalog of this connection's database can be read (PostgreSQL or SQLite).</summary>
        public static bool IsSupported(DbConnection connection) => DatabaseKinds.Of(connection) != DatabaseKind.Other;

        /// <summary>Reads the catalog on an open connection (inside <paramref name="transaction"/> when one is active).</summary>
        /// <exception cref="NotSupportedException">The database is neither PostgreSQL nor SQLite.</exception>
        public static Task<IndexRegistry> ReadAsync(DbConnection connection, DbTransaction? transaction = null, CancellationToken cancellationToken = default) =>
            ReadAsync(connection, transaction, async: true, cancellationToken).AsTask();

        /// <summary>Reads the catalog on an open connection, synchronously.</summary>
        public static IndexRegistry Read(DbConnection connection, DbTransaction? transaction = null) =>
            ReadAsync(connection, transaction, async: false, CancellationToken.None).GetAwaiter().GetResult();

        internal static async ValueTask<IndexRegistry> ReadAsync(DbConnection connection, DbTransaction? transaction, bool async, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(connection);
            return DatabaseKinds.Of(connection) switch
            {
                DatabaseKind.PostgreSql => await ReadPostgreSqlAsync(connection, transaction, async, cancellationToken).ConfigureAwait(false),
                DatabaseKind.Sqlite => await ReadSqliteAsync(connection, transaction, async, cancellationToken).ConfigureAwait(false),
                _ => throw new NotSupportedException($"Reading the index catalog of {connection.GetType().FullName} is not supported; Sargable reads PostgreSQL and SQLite."),
            };
        }

        private const string PostgreSqlCatalog = """
            SELECT n.nspname = current_schema() AS in_default_schema,
                   n.nspname,
                   c.relname,
                   c.reltuples::bigint,
                   i.relname,
                   ix.indisunique,
                   ix.indisprimary,
                   am.amname,
                   ix.indnkeyatts,
                   pg_get_expr(ix.indpred, ix.indrelid),
                   (SELECT string_agg(CASE WHEN ix.indkey[k - 1] = 0 THEN pg_get_indexdef(ix.indexrelid, k, true) ELSE a.attname::text END, E'\x1f' ORDER BY k)
                      FROM generate_series(1, ix.indnatts) AS k
                      LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k - 1]),
                   (SELECT string_agg(CASE WHEN (ix.indoption[k - 1] & 1) = 1 THEN '1' ELSE '0' END, '' ORDER BY k)
                      FROM generate_series(1, ix.indnkeyatts) AS k),
                   (SELECT string_agg(CASE WHEN ix.indkey[k - 1] = 0 THEN '1' ELSE '0' END, '' ORDER BY k)
                      FROM generate_series(1, ix.indnkeyatts) AS k)
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_index ix ON ix.indrelid = c.oid
              LEFT JOIN pg_class i ON i.oid = ix.indexrelid
              LEFT JOIN pg_am am ON am.oid = i.relam
             WHERE c.relkind IN ('r', 'p')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\_toast%'
               AND n.nspname NOT LIKE 'pg\_temp%'
             ORDER BY n.nspname, c.relname, i.relname
            """;

        // Boolean and enum-typed columns of the same tables; dropped and system columns (attnum <= 0) are skipped.
        private const string PostgreSqlColumnDomains = """
            SELECT n.nspname = current_schema() AS in_default_schema,
                   n.nspname,
                   c.relname,
                   a.attname,
                   t.typtype = 'e' AS is_enum
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_type t ON t.oid = a.atttypid
             WHERE c.relkind IN ('r', 'p')
               AND a.attnum > 0
               AND NOT a.attisdropped
               AND (t.oid = 'boolean'::regtype OR t.typtype = 'e')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\_toast%'
               AND n.nspname NOT LIKE 'pg\_temp%'
             ORDER BY n.nspname, c.relname, a.attname
            """;

        private static async ValueTask<IndexRegistry> ReadPostgreSqlAsync(DbConnection connection, DbTransaction? transaction, bool async, CancellationToken cancellationToken)
        {
            var tables = new Dictionary<(string? Schema, string Name), (long? Rows, List<IndexDefinition> Indexes)>();
            using var command = Command(connection, transaction, PostgreSqlCatalog);
            using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
            while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
            {
                var schema = reader.GetBoolean(0) ? null : reader.GetString(1);
                var name = reader.GetString(2);
                var key = (schema, name);
                if (!tables.TryGetValue(key, out var table))
                {
                    // reltuples is -1 until the table is first vacuumed or analyzed: unknown. An empty table also counts
                    // as unknown, not small: the catalog is read once, often before the table is filled.
                    var rows = reader.GetInt64(3);
                    tables[key] = table = (rows > 0 ? rows : null, new List<IndexDefinition>());
                }

                if (reader.IsDBNull(4) || reader.IsDBNull(10))
                {
                    continue;
                }

                var keyCount = reader.GetInt16(8);
                var all = reader.GetString(10).Split('\x1f');
                var descending = reader.IsDBNull(11) ? string.Empty : reader.GetString(11);
                var expressions = reader.IsDBNull(12) ? string.Empty : reader.GetString(12);
                var keys = all.Take(keyCount).Select((c, i) => new IndexColumn(c, i < descending.Length && descending[i] == '1')
                {
                    IsExpression = i < expressions.Length && expressions[i] == '1',
                });
                table.Indexes.Add(new IndexDefinition(
                    reader.GetString(4),
                    keys,
                    unique: reader.GetBoolean(5),
                    primaryKey: reader.GetBoolean(6),
                    where: reader.IsDBNull(9) ? null : reader.GetString(9),
                    include: all.Skip(keyCount),
                    method: reader.IsDBNull(7) ? null : reader.GetString(7)));
            }

            reader.Close();
            var domains = new Dictionary<(string? Schema, string Name), Dictionary<string, Shapes.ColumnDomain>>();
            await ReadRowsAsync(connection, transaction, PostgreSqlColumnDomains, async, cancellationToken, row =>
            {
                var key = (row.GetBoolean(0) ? null : row.GetString(1), row.GetString(2));
                if (!domains.TryGetValue(key, out var columns))
                {
                    domains[key] = columns = new Dictionary<string, Shapes.ColumnDomain>(StringComparer.OrdinalIgnoreCase);
                }

                columns[row.GetString(3)] = row.GetBoolean(4) ? Shapes.ColumnDomain.Enumeration : Shapes.ColumnDomain.Boolean;
            }).ConfigureAwait(false);

            return new IndexRegistry(tables.Select(t => WithDomains(
                new RegisteredTable(t.Key.Name, t.Value.Indexes, small: false, schema: t.Key.Schema, estimatedRows: t.Value.Rows),
                domains.TryGetValue(t.Key, out var columns) ? columns : null)));
        }

        private static RegisteredTable WithDomains(RegisteredTable table, Dictionary<string, Shapes.ColumnDomain>? domains) =>
            domains is null ? table : new RegisteredTable(table.Name, table.Indexes, table.Small, table.Schema, table.EstimatedRows) { ColumnDomains = domains };

        private static async ValueTask<IndexRegistry> ReadSqliteAsync(DbConnection connection, DbTransaction? transaction, bool async, CancellationToken cancellationToken)
        {
            var tableSql = new List<(string Name, string Sql)>();
            var indexSql = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            await ReadRowsAsync(connection, transaction, "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'", async, cancellationToken, reader =>
            {
                if (reader.GetString(0) == "table")
                {
                    tableSql.Add((reader.GetString(1), reader.GetString(2)));
                }
                else
                {
                    indexSql[reader.GetString(1)] = reader.GetString(2);
                }
            }).ConfigureAwait(false);

            var stats = await ReadStat1Async(connection, transaction, async, cancellationToken).ConfigureAwait(false);
            var tables = new List<RegisteredTable>();
            foreach (var (table, createSql) in tableSql)
            {
                var indexes = new List<IndexDefinition>();
                var quoted = QuoteSqlite(table);

                // An INTEGER PRIMARY KEY is the rowid itself: no entry in index_list, but a unique ordered key all the same.
                var primaryKey = new List<(int Order, string Column, string Type)>();
                Dictionary<string, Shapes.ColumnDomain>? domains = null;
                await ReadRowsAsync(connection, transaction, $"PRAGMA table_info({quoted})", async, cancellationToken, reader =>
                {
                    // Only a declared BOOLEAN/BOOL says boolean: EF Core declares bool as INTEGER, indistinguishable from a number.
                    var declared = reader.IsDBNull(2) ? string.Empty : reader.GetString(2).Trim();
                    if (string.Equals(declared, "BOOLEAN", StringComparison.OrdinalIgnoreCase) || string.Equals(declared, "BOOL", StringComparison.OrdinalIgnoreCase))
                    {
                        (domains ??= new Dictionary<string, Shapes.ColumnDomain>(StringComparer.OrdinalIgnoreCase))[reader.GetString(1)] = Shapes.ColumnDomain.Boolean;
                    }

                    var order = Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture);
                    if (order > 0)
                    {
                        primaryKey.Add((order, reader.GetString(1), reader.IsDBNull(2) ? string.Empty : reader.GetString(2)));
                    }
                }).ConfigureAwait(false);

                var list = new List<(string Name, bool Unique, string Origin)>();
                await ReadRowsAsync(connection, transaction, $"PRAGMA index_list({quoted})", async, cancellationToken, reader =>
                    list.Add((reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0, reader.GetString(3)))).ConfigureAwait(false);

                if (primaryKey.Count == 1 && string.Equals(primaryKey[0].Type, "INTEGER", StringComparison.OrdinalIgnoreCase) && !list.Any(i => i.Origin == "pk"))
                {
                    indexes.Add(new IndexDefinition(PrimaryKeyName(table, createSql), new[] { new IndexColumn(primaryKey[0].Column) }, unique: true, primaryKey: true));
                }

                foreach (var (indexName, unique, origin) in list)
                {
                    var keys = new List<IndexColumn>();
                    await ReadRowsAsync(connection, transaction, $"PRAGMA index_xinfo({QuoteSqlite(indexName)})", async, cancellationToken, reader =>
                    {
                        // index_xinfo: seqno, cid, name, desc, coll, key; cid -2 is an expression, -1 the rowid.
                        var isKey = Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture) != 0;
                        var cid = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                        if (isKey)
                        {
                            var column = reader.IsDBNull(2) ? (cid == -2 ? "<expression>" : "rowid") : reader.GetString(2);
                            keys.Add(new IndexColumn(column, Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) != 0) { IsExpression = cid == -2 });
                        }
                    }).ConfigureAwait(false);

                    if (keys.Count == 0)
                    {
                        continue;
                    }

                    var name = origin == "pk" ? PrimaryKeyName(table, createSql) : indexName;
                    indexes.Add(new IndexDefinition(name, keys, unique, primaryKey: origin == "pk", where: indexSql.TryGetValue(indexName, out var sql) ? PartialPredicate(sql) : null));
                }

                var rows = stats.TryGetValue(table, out var counted) ? counted : await EstimateSqliteRowsAsync(connection, transaction, quoted, async, cancellationToken).ConfigureAwait(false);
                tables.Add(WithDomains(new RegisteredTable(table, indexes, small: false, schema: null, estimatedRows: rows), domains));
            }

            return new IndexRegistry(tables);
        }

        private static async ValueTask<Dictionary<string, long>> ReadStat1Async(DbConnection connection, DbTransaction? transaction, bool async, CancellationToken cancellationToken)
        {
            // After ANALYZE, sqlite_stat1 holds "rows [rows per key prefix...]" per index; the first number is the table's rows.
            var stats = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            var exists = false;
            await ReadRowsAsync(connection, transaction, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'", async, cancellationToken, _ => exists = true).ConfigureAwait(false);
            if (!exists)
            {
                return stats;
            }

            await ReadRowsAsync(connection, transaction, "SELECT tbl, stat FROM sqlite_stat1", async, cancellationToken, reader =>
            {
                var first = (reader.IsDBNull(1) ? string.Empty : reader.GetString(1)).Split(' ')[0];
                if (long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows))
                {
                    stats[reader.GetString(0)] = rows;
                }
            }).ConfigureAwait(false);
            return stats;
        }

        private static async ValueTask<long?> EstimateSqliteRowsAsync(DbConnection connection, DbTransaction? transaction, string quotedTable, bool async, CancellationToken cancellationToken)
        {
            // Not analyzed: the largest rowid is an upper bound found in one b-tree descent (WITHOUT ROWID tables have none).
            // An empty table counts as unknown, not small: the catalog is read once, often before the table is filled.
            try
            {
                using var command = Command(connection, transaction, $"SELECT max(rowid) FROM {quotedTable}");
                var value = async ? await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteScalar();
                return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
            catch (DbException)
            {
                return null;
            }
        }

        private static string PrimaryKeyName(string table, string createSql)
        {
            var match = Regex.Match(createSql, "CONSTRAINT\\s+(\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|\\w+)\\s+PRIMARY\\s+KEY", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return match.Success ? match.Groups[1].Value.Trim('"', '`', '[', ']') : "pk_" + table;
        }

        private static string? PartialPredicate(string createIndexSql)
        {
            var match = Regex.Match(createIndexSql, "\\)\\s*WHERE\\s+(.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
            return match.Success ? match.Groups[1].Value.Trim() : null;
        }

        private static string QuoteSqlite(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            command.CommandType = CommandType.Text;
            return command;
        }

        private static async ValueTask ReadRowsAsync(DbConnection connection, DbTransaction? transaction, string sql, bool async, CancellationToken cancellationToken, Action<DbDataReader> row)
        {
            using var command = Command(connection, transaction, sql);
            using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
            while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
            {
                row(reader);
            }
        }
    }
}
