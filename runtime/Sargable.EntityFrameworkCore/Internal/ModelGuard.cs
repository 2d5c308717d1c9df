using Sargable.Caching;
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Internal
{
    /// <summary>
    /// The guard for one EF Core model under one set of options: its registry and engine (built once, on the first
    /// command, because the catalog is read on that command's connection), its verdict cache and table size estimates.
    /// </summary>
    internal sealed class ModelGuard
    {
        private readonly SemaphoreSlim initLock = new(1, 1);
        private readonly ConcurrentDictionary<string, long?> tableRows = new(StringComparer.OrdinalIgnoreCase);
        private SargableEngine? engine;

        public ModelGuard(GuardRuntime runtime, IModel model, string? database = null)
        {
            Runtime = runtime;
            Model = model;
            Database = database;
            Statements = new SqlTextCache<GuardedStatement>(runtime.Options.CacheCapacity);
        }

        public GuardRuntime Runtime { get; }

        public IModel Model { get; }

        /// <summary>The database this guard's catalog was read from, when the catalog is used.</summary>
        public string? Database { get; }

        public SqlTextCache<GuardedStatement> Statements { get; }

        public bool IsReady => Volatile.Read(ref engine) is not null;

        public SargableEngine Engine => Volatile.Read(ref engine) ?? throw new InvalidOperationException("The guard's registry is not built yet.");

        public async ValueTask EnsureReadyAsync(DbCommand command, DbContext context, ILogger logger, bool async, CancellationToken cancellationToken)
        {
            if (IsReady)
            {
                return;
            }

            if (async)
            {
                await initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                initLock.Wait(cancellationToken);
            }

            try
            {
                if (!IsReady)
                {
                    var registry = await BuildRegistryAsync(command, context, logger, async, cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref engine, new SargableEngine(registry, Runtime.Options.Rules));
                }
            }
            finally
            {
                initLock.Release();
            }
        }

        /// <summary>Checks a command text with the engine. Never throws: an engine failure makes the statement "not checked".</summary>
        public GuardedStatement Analyze(string sql)
        {
            var engine = Engine;
            try
            {
                var verdicts = engine.CheckScript(sql);
                var allowed = new List<AllowedFinding>();
                foreach (var verdict in verdicts)
                {
                    if (verdict.Shape is not { Suppressions.Count: > 0 } shape)
                    {
                        continue;
                    }

                    // What the allow comment suppressed: evaluate once more without it, so the log can say what was allowed and why.
                    foreach (var finding in engine.Evaluate(new QueryShape(shape.Kind, shape.Accesses)))
                    {
                        foreach (var suppression in shape.Suppressions)
                        {
                            if (string.Equals(suppression.RuleId, finding.RuleId, StringComparison.OrdinalIgnoreCase))
                            {
                                allowed.Add(new AllowedFinding(finding, suppression.Reason));
                                break;
                            }
                        }
                    }
                }

                return new GuardedStatement(sql, verdicts, allowed);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                return new GuardedStatement(sql, Array.Empty<StatementVerdict>(), Array.Empty<AllowedFinding>(), $"the engine failed: {error.GetType().Name}: {error.Message}");
            }
        }

        /// <summary>
        /// Estimated rows of a table for plan verification: 0 for a table the registry marks small, else the registry's
        /// estimate, else the database's (PostgreSQL scaled <c>reltuples</c>, SQLite largest rowid). Null when unknown.
        /// </summary>
        public async ValueTask<long?> TableRowsAsync(string table, DbCommand command, bool async, CancellationToken cancellationToken)
        {
            var registry = Engine.Registry;
            if (registry.Find(table) is { } entry)
            {
                if (registry.IsSmall(entry))
                {
                    return 0;
                }

                if (entry.EstimatedRows is { } rows)
                {
                    return rows;
                }
            }

            if (tableRows.TryGetValue(table, out var cached))
            {
                return cached;
            }

            var estimate = await EstimateRowsAsync(table, command, async, cancellationToken).ConfigureAwait(false);
            tableRows[table] = estimate;
            return estimate;
        }

        private async ValueTask<IndexRegistry> BuildRegistryAsync(DbCommand command, DbContext context, ILogger logger, bool async, CancellationToken cancellationToken)
        {
            var options = Runtime.Options;
            var registry = IndexRegistry.Empty;
            if (options.UseModel)
            {
                registry = registry.Merge(EfModelRegistry.Build(context));
            }

            if (options.UseDatabaseCatalog)
            {
                var connection = command.Connection;
                if (connection is { State: ConnectionState.Open } && DatabaseCatalogRegistry.IsSupported(connection))
                {
                    try
                    {
                        registry = registry.Merge(await DatabaseCatalogRegistry.ReadAsync(connection, command.Transaction, async, cancellationToken).ConfigureAwait(false));
                    }
                    catch (DbException error)
                    {
                        logger.LogWarning(SargableDiagnostics.GuardProblem, "Sargable could not read the database catalog, so it checks against the other registry sources only: {Error}", DatabaseErrors.Describe(error));
                    }
                }
                else
                {
                    logger.LogWarning(SargableDiagnostics.GuardProblem, "Sargable cannot read the catalog of {Connection}; it reads PostgreSQL and SQLite.", connection?.GetType().FullName ?? "a closed connection");
                }
            }

            foreach (var file in options.RegistryFiles)
            {
                try
                {
                    registry = registry.Merge(RegistryJson.Load(file));
                }
                catch (Exception error) when (error is RegistryFormatException or IOException or UnauthorizedAccessException)
                {
                    if (options.Mode == SargableMode.Throw)
                    {
                        throw new InvalidOperationException($"Sargable could not load the registry file '{file}': {error.Message}", error);
                    }

                    logger.LogError(SargableDiagnostics.GuardProblem, "Sargable could not load the registry file {File}, so it checks without it: {Error}", file, error.Message);
                }
            }

            foreach (var extra in options.Registries)
            {
                registry = registry.Merge(extra);
            }

            if (options.SmallTables.Count > 0)
            {
                var small = new List<string>(options.SmallTables);
                registry = registry.WithSmallTables(small.ToArray());
            }

            if (options.SmallTableRows is { } threshold)
            {
                registry = registry.WithSmallTableRows(threshold);
            }

            return registry;
        }

        private static async ValueTask<long?> EstimateRowsAsync(string table, DbCommand command, bool async, CancellationToken cancellationToken)
        {
            var connection = command.Connection;
            if (connection is not { State: ConnectionState.Open })
            {
                return null;
            }

            var literal = "'" + table.Replace("'", "''", StringComparison.Ordinal) + "'";
            string sql;
            switch (DatabaseKinds.Of(connection))
            {
                case DatabaseKind.PostgreSql:
                    // Scale the last known density to the table's current size, as the planner does; a table never
                    // analyzed has reltuples -1, so assume about 60 rows per page.
                    sql = "SELECT (CASE WHEN c.reltuples >= 0 AND c.relpages > 0 THEN c.reltuples / c.relpages ELSE 60 END " +
                          "* (pg_relation_size(c.oid) / current_setting('block_size')::bigint))::bigint " +
                          $"FROM pg_class c WHERE c.oid = to_regclass(quote_ident({literal}))";
                    break;
                case DatabaseKind.Sqlite:
                    // The largest rowid bounds the row count in one b-tree descent; an empty table has none (coalesce to 0).
                    sql = $"SELECT coalesce(max(rowid), 0) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                    break;
                default:
                    return null;
            }

            try
            {
                using var estimate = connection.CreateCommand();
                estimate.Transaction = command.Transaction;
                estimate.CommandText = sql;
                var value = async ? await estimate.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) : estimate.ExecuteScalar();
                return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
            catch (DbException)
            {
                return null;
            }
        }
    }
}
