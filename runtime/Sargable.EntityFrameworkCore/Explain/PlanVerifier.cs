using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sargable.Internal;

namespace Sargable.Explain
{
    /// <summary>What a plan node says, independent of the database: a scan, a sort, an index read.</summary>
    internal enum PlanStepKind
    {
        SequentialScan,
        Sort,
        IndexRead,
    }

    /// <summary>One step of a plan, reduced to what the rules care about.</summary>
    internal sealed class PlanStep
    {
        public PlanStep(PlanStepKind kind, string? table)
        {
            Kind = kind;
            Table = table;
        }

        public PlanStepKind Kind { get; }

        /// <summary>The table (resolved from the alias when the plan names one), or null when unknown.</summary>
        public string? Table { get; init; }

        public string? Index { get; init; }

        /// <summary>Estimated rows for a sort's input; null when the plan gives none (SQLite).</summary>
        public long? Rows { get; init; }

        /// <summary>True when a LIMIT above this step can stop it early (no sort or aggregate in between).</summary>
        public bool UnderLimit { get; init; }

        /// <summary>True when a scan applies a filter.</summary>
        public bool Filtered { get; init; }

        public IReadOnlyList<string> SortKeys { get; init; } = Array.Empty<string>();
    }

    /// <summary>
    /// Runs EXPLAIN for a command on its own connection and transaction, with copies of its parameters, and turns the
    /// plan into findings next to the registry's verdict. Never throws for a plan it cannot read: the report says why.
    /// </summary>
    internal static class PlanVerifier
    {
        private const string Savepoint = "sargable_explain";

        public static async ValueTask<QueryPlanReport?> VerifyAsync(DbCommand command, GuardedStatement statement, ModelGuard guard, bool async, CancellationToken cancellationToken)
        {
            var connection = command.Connection;
            if (connection is null || connection.State != ConnectionState.Open)
            {
                return null;
            }

            var kind = DatabaseKinds.Of(connection);
            var database = kind switch
            {
                DatabaseKind.PostgreSql => "PostgreSQL",
                DatabaseKind.Sqlite => "SQLite",
                _ => null,
            };
            if (database is null)
            {
                return null;
            }

            IReadOnlyList<PlanStep> steps;
            var transaction = command.Transaction;
            var savepoint = kind == DatabaseKind.PostgreSql && transaction is { SupportsSavepoints: true };
            try
            {
                // On PostgreSQL a failed statement aborts the whole transaction: fence EXPLAIN with a savepoint.
                if (savepoint)
                {
                    await SaveAsync(transaction!, async, cancellationToken).ConfigureAwait(false);
                }

                using var explain = connection.CreateCommand();
                explain.Transaction = transaction;
                explain.CommandTimeout = command.CommandTimeout;
                explain.CommandText = (kind == DatabaseKind.PostgreSql ? "EXPLAIN (FORMAT JSON)\n" : "EXPLAIN QUERY PLAN\n") + command.CommandText;
                CopyParameters(command, explain);
                steps = kind == DatabaseKind.PostgreSql
                    ? PostgresPlanReader.Read(await ScalarTextAsync(explain, async, cancellationToken).ConfigureAwait(false), statement)
                    : SqlitePlanReader.Read(await SqliteRowsAsync(explain, async, cancellationToken).ConfigureAwait(false), statement);
                if (savepoint)
                {
                    await ReleaseAsync(transaction!, async, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (error is DbException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
            {
                if (savepoint)
                {
                    try
                    {
                        await RollbackAsync(transaction!, async, cancellationToken).ConfigureAwait(false);
                    }
                    catch (DbException)
                    {
                        // The transaction is beyond repair either way; the command itself will report it.
                    }
                }

                // The code only: the server's message quotes the parameter value that made EXPLAIN fail.
                return new QueryPlanReport(database, Array.Empty<Finding>(), Array.Empty<PlanIndexUse>(), Array.Empty<string>(), "EXPLAIN failed with " + DatabaseErrors.Describe(error));
            }

            return await ReportAsync(database, steps, command, statement, guard, async, cancellationToken).ConfigureAwait(false);
        }

        private static async ValueTask<QueryPlanReport> ReportAsync(string database, IReadOnlyList<PlanStep> steps, DbCommand command, GuardedStatement statement, ModelGuard guard, bool async, CancellationToken cancellationToken)
        {
            var rules = guard.Runtime.Options.Rules;
            var threshold = guard.Engine.Registry.SmallTableRows;
            var findings = new List<Finding>();
            var indexes = new List<PlanIndexUse>();
            foreach (var step in steps)
            {
                if (step.Kind == PlanStepKind.IndexRead)
                {
                    if (step.Index is not null)
                    {
                        indexes.Add(new PlanIndexUse(step.Table ?? "?", step.Index));
                    }

                    continue;
                }

                if (step.Table is null)
                {
                    continue;
                }

                var rows = await guard.TableRowsAsync(step.Table, command, async, cancellationToken).ConfigureAwait(false);
                if (rows is { } known && known < threshold)
                {
                    continue;
                }

                var size = rows is { } r ? $"≈{r.ToString("N0", CultureInfo.InvariantCulture)} rows" : "size unknown";
                if (step.Kind == PlanStepKind.SequentialScan)
                {
                    var columns = statement.PredicateColumns(step.Table);
                    if (step.UnderLimit && !step.Filtered && columns.Count == 0)
                    {
                        continue; // LIMIT without ORDER BY or filter stops the scan after a few rows.
                    }

                    var ruleId = step.Filtered || columns.Count > 0 ? RuleIds.NoIndexForFilter : RuleIds.UnboundedRead;
                    var message = ruleId == RuleIds.UnboundedRead
                        ? $"The {database} plan reads all of {step.Table} ({size}) with a sequential scan and no filter; iterate it in keyset batches."
                        : $"The {database} plan scans {step.Table} ({size}) sequentially to apply the filter{(columns.Count > 0 ? " on " + string.Join(", ", columns) : string.Empty)}: no index serves it.";
                    Add(findings, rules, statement, ruleId, step.Table, columns, message);
                }
                else if (step.Kind == PlanStepKind.Sort && step.UnderLimit)
                {
                    var sorted = step.Rows is { } n ? $"≈{n.ToString("N0", CultureInfo.InvariantCulture)} rows" : $"the matching rows of a table of {size}";
                    if (step.Rows is { } sortRows && sortRows < threshold)
                    {
                        continue;
                    }

                    var by = step.SortKeys.Count > 0 ? " by " + string.Join(", ", step.SortKeys) : string.Empty;
                    var message = $"The {database} plan sorts {sorted} of {step.Table}{by} before the LIMIT: no index delivers the order together with the filter.";
                    Add(findings, rules, statement, RuleIds.FilterOrderMismatch, step.Table, step.SortKeys, message);
                }
            }

            return new QueryPlanReport(database, findings, indexes, Disagreements(database, statement, findings, indexes, guard.Engine.Registry));
        }

        private static void Add(List<Finding> findings, RuleOptions rules, GuardedStatement statement, string ruleId, string table, IReadOnlyList<string> columns, string message)
        {
            if (!rules.IsEnabled(ruleId) || statement.Verdicts.Any(v => v.Shape?.IsSuppressed(ruleId) == true) ||
                findings.Any(f => f.RuleId == ruleId && string.Equals(f.Table, table, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            // The registry's finding on the same table knows the closest index and the DDL that would serve the access.
            var registry = statement.Findings.Where(f => string.Equals(f.Table, table, StringComparison.OrdinalIgnoreCase)).OrderBy(f => f.RuleId == ruleId ? 0 : 1).FirstOrDefault();
            findings.Add(new Finding(ruleId, rules.SeverityOf(ruleId), table, columns, message)
            {
                ClosestIndex = registry?.ClosestIndex,
                SuggestedIndex = registry?.SuggestedIndex,
            });
        }

        private static List<string> Disagreements(string database, GuardedStatement statement, List<Finding> plan, List<PlanIndexUse> indexes, Registry.IndexRegistry registry)
        {
            var notes = new List<string>();
            foreach (var finding in plan)
            {
                var registrySees = statement.Findings.Any(f => string.Equals(f.Table, finding.Table, StringComparison.OrdinalIgnoreCase) &&
                    (f.RuleId == finding.RuleId || IsScanRule(f.RuleId) == IsScanRule(finding.RuleId)));
                if (!registrySees)
                {
                    notes.Add(finding.RuleId == RuleIds.FilterOrderMismatch
                        ? $"The registry finds an index that serves the filter and order on {finding.Table}, but the {database} plan sorts before the LIMIT: the index may be missing from the database or unusable for these values."
                        : $"The registry finds an index for {finding.Table}, but the {database} plan scans it sequentially: the index may be missing from the database or unusable for these values.");
                }
            }

            // An index the plan reads that the registry does not list: the registry is behind the database.
            foreach (var use in indexes.GroupBy(i => (i.Table, i.Index)).Select(g => g.First()))
            {
                if (registry.Find(use.Table) is { } table && !table.Indexes.Any(i => string.Equals(i.Name, use.Index, StringComparison.OrdinalIgnoreCase)) &&
                    !use.Index.StartsWith("rowid", StringComparison.Ordinal))
                {
                    var reported = statement.Findings.FirstOrDefault(f => string.Equals(f.Table, use.Table, StringComparison.OrdinalIgnoreCase));
                    notes.Add(reported is null
                        ? $"The {database} plan reads {use.Table} through index {use.Index}, which the registry does not list."
                        : $"The registry reports {reported.RuleId} on {use.Table}, but the {database} plan reads it through index {use.Index}, which the registry does not list: add the index to the registry (or include the database catalog) if it is meant to stay.");
                }
            }

            return notes;
        }

        private static bool IsScanRule(string ruleId) => ruleId is RuleIds.UnboundedRead or RuleIds.NoIndexForFilter;

        private static void CopyParameters(DbCommand from, DbCommand to)
        {
            foreach (DbParameter parameter in from.Parameters)
            {
                if (parameter is ICloneable cloneable && cloneable.Clone() is DbParameter copy)
                {
                    to.Parameters.Add(copy);
                    continue;
                }

                var made = to.CreateParameter();
                made.ParameterName = parameter.ParameterName;
                made.DbType = parameter.DbType;
                made.Direction = parameter.Direction;
                made.IsNullable = parameter.IsNullable;
                made.Size = parameter.Size;
                made.Precision = parameter.Precision;
                made.Scale = parameter.Scale;
                made.Value = parameter.Value;
                to.Parameters.Add(made);
            }
        }

        private static async ValueTask<string> ScalarTextAsync(DbCommand command, bool async, CancellationToken cancellationToken)
        {
            var value = async ? await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteScalar();
            return value as string ?? throw new FormatException("EXPLAIN returned no plan text.");
        }

        private static async ValueTask<List<(long Id, long Parent, string Detail)>> SqliteRowsAsync(DbCommand command, bool async, CancellationToken cancellationToken)
        {
            var rows = new List<(long, long, string)>();
            using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
            while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
            {
                rows.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(3)));
            }

            return rows;
        }

        private static async ValueTask SaveAsync(DbTransaction transaction, bool async, CancellationToken cancellationToken)
        {
            if (async)
            {
                await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                transaction.Save(Savepoint);
            }
        }

        private static async ValueTask ReleaseAsync(DbTransaction transaction, bool async, CancellationToken cancellationToken)
        {
            if (async)
            {
                await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                transaction.Release(Savepoint);
            }
        }

        private static async ValueTask RollbackAsync(DbTransaction transaction, bool async, CancellationToken cancellationToken)
        {
            if (async)
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                transaction.Rollback(Savepoint);
            }
        }
    }
}
