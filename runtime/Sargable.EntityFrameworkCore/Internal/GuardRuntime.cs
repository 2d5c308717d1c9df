using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sargable.Explain;
using Sargable.Shapes;

namespace Sargable.Internal
{
    /// <summary>
    /// One guard per options instance (a singleton of EF Core's internal service provider, so every context built with
    /// equal options shares it): the per-model registries and verdict caches, and the check every command goes through.
    /// The hot path is a cache lookup and a flag test; everything else happens once per statement or inside a scope.
    /// </summary>
    internal sealed class GuardRuntime
    {
        private static readonly DiagnosticListener Listener = new(SargableDiagnostics.ListenerName);

        private readonly ConcurrentDictionary<(IModel Model, string? Database), ModelGuard> models = new();
        private ModelGuard? last;

        private readonly GuardBaseline? baseline;

        public GuardRuntime(SargableOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            baseline = options.BaselineFile is null ? null : new GuardBaseline(options.BaselineFile);
        }

        public SargableOptions Options { get; }

        /// <summary>
        /// The guard of one model. With the live catalog, also one per database: contexts that share options (and so
        /// this runtime) may talk to different databases, whose indexes and sizes differ.
        /// </summary>
        public ModelGuard For(IModel model, DbConnection? connection = null)
        {
            var database = Options.UseDatabaseCatalog ? DatabaseKey(connection) : null;
            var guard = Volatile.Read(ref last);
            if (guard is not null && ReferenceEquals(guard.Model, model) && string.Equals(guard.Database, database, StringComparison.Ordinal))
            {
                return guard;
            }

            guard = models.GetOrAdd((model, database), key => new ModelGuard(this, key.Model, key.Database));
            Volatile.Write(ref last, guard);
            return guard;
        }

        private static string? DatabaseKey(DbConnection? connection)
        {
            if (connection is null)
            {
                return null;
            }

            // An in-memory SQLite database is its connection.
            var source = connection.DataSource;
            return string.IsNullOrEmpty(source) || source.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || source.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)
                ? "connection#" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(connection).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : source + "|" + connection.Database;
        }

        /// <summary>Checks one command before it runs; completes synchronously unless the statement needs work.</summary>
        public ValueTask CheckAsync(DbCommand command, CommandEventData eventData, bool async, CancellationToken cancellationToken)
        {
            if (eventData.Context is not { } context || eventData.CommandSource == CommandSource.Migrations)
            {
                return default;
            }

            var guard = For(context.Model, command.Connection);
            var scope = SargableScope.Current;
            if (scope is null && guard.IsReady && guard.Statements.TryGet(command.CommandText, out var known) && known.Settled)
            {
                // A settled statement with findings (Log mode) still reports each execution: a counter and a span event.
                if (known.SettledFindings is { } findings)
                {
                    foreach (var finding in findings)
                    {
                        Publish(known, finding);
                    }
                }

                return default;
            }

            return SlowAsync(guard, command, context, scope, async, cancellationToken);
        }

        private async ValueTask SlowAsync(ModelGuard guard, DbCommand command, DbContext context, SargableScope? scope, bool async, CancellationToken cancellationToken)
        {
            var logger = new LazyLogger(Options.LoggerFactory, context);
            try
            {
                await CheckSlowAsync(guard, command, context, scope, logger, async, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (Options.Mode != SargableMode.Throw && error is not OperationCanceledException)
            {
                // Log mode never breaks a query, not even for a fault in the guard itself. The exception is not attached:
                // a driver's message can quote parameter values; its kind and our stack trace locate the fault.
                logger.Get().LogError(SargableDiagnostics.GuardProblem, "Sargable failed to check a command ({Error}); the command runs unchecked. SQL: {Sql} Stack: {Stack}", DatabaseErrors.Describe(error), command.CommandText, error.StackTrace);
            }
        }

        private async ValueTask CheckSlowAsync(ModelGuard guard, DbCommand command, DbContext context, SargableScope? scope, LazyLogger logger, bool async, CancellationToken cancellationToken)
        {
            await guard.EnsureReadyAsync(command, context, logger.Get(), async, cancellationToken).ConfigureAwait(false);
            var sql = command.CommandText;
            var started = 0L;
            if (!guard.Statements.TryGet(sql, out var statement))
            {
                started = GuardMetrics.CheckDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
                statement = guard.Statements.Add(sql, guard.Analyze(sql));
            }

            var explain = Options.VerifyWithExplain && statement.Explainable;
            var explained = false;
            if (explain && !statement.PlanDone && statement.TryStartPlan())
            {
                explained = true;
                started = started == 0 && GuardMetrics.CheckDuration.Enabled ? Stopwatch.GetTimestamp() : started;
                QueryPlanReport? report = null;
                try
                {
                    report = await PlanVerifier.VerifyAsync(command, statement, guard, async, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    statement.CompletePlan(report);
                }
            }

            if (started != 0)
            {
                GuardMetrics.RecordCheck(started, Signals(statement, guard, command).System, explained);
            }

            // Done is read before the plan, which is written first: a done statement always shows its plan here.
            var planDone = statement.PlanDone;
            var plan = statement.Plan;
            var (nPlusOne, callSite) = CountExecution(statement, command, scope);

            // Everything found on this execution: the registry's findings, then the plan's where they add something (a
            // plan finding of the same rule on the same table confirms a registry finding and travels with it), then N+1.
            var found = new List<(Finding Finding, bool FromPlan)>(statement.Findings.Count + 1);
            found.AddRange(statement.Findings.Select(f => (f, false)));
            if (plan is not null)
            {
                foreach (var finding in plan.Findings)
                {
                    if (!statement.Findings.Any(f => f.RuleId == finding.RuleId && string.Equals(f.Table, finding.Table, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add((finding, true));
                    }
                }
            }

            // A baselined finding is accepted like an allowed one, on every execution: it is neither thrown, nor logged
            // above Debug, nor counted in the metrics, so the fast path (which replays SettledFindings) must not hold it.
            var baselined = baseline is not null ? found.RemoveAll(item => baseline.Accepts(item.Finding, sql, logger.Get())) : 0;

            // What the statement itself reports on every execution, whatever the scope: its outcome is final once its plan is.
            var reported = found.Count;
            var final = !explain || planDone;
            if (final && GuardMetrics.Statements.Enabled && statement.FirstCount())
            {
                GuardMetrics.RecordStatement(OutcomeOf(statement, reported, baselined), Signals(statement, guard, command).System);
            }

            if (nPlusOne is not null && baseline?.Accepts(nPlusOne, sql, logger.Get()) != true)
            {
                found.Add((nPlusOne, false));
            }

            var kept = new List<(Finding Finding, bool FromPlan)>(found.Count);
            foreach (var item in found)
            {
                if (SargableScope.AllowReason(scope, item.Finding.RuleId) is { } reason)
                {
                    if (statement.FirstScopeAllowLog(item.Finding.RuleId))
                    {
                        LogAllowed(logger.Get(), item.Finding, reason, "an Allow scope", sql);
                    }

                    continue;
                }

                kept.Add(item);
            }

            if (statement.Allowed.Count > 0 && statement.FirstAllowedLog())
            {
                foreach (var allowed in statement.Allowed)
                {
                    LogAllowed(logger.Get(), allowed.Finding, allowed.Reason, "the statement's sargable:allow comment", sql);
                }
            }

            if (statement.NotChecked is not null && statement.FirstNotCheckedLog())
            {
                logger.Get().Log(
                    Options.Strict ? LogLevel.Warning : LogLevel.Information,
                    SargableDiagnostics.NotChecked,
                    "Sargable could not read this command, so it was not checked ({Reason}). SQL: {Sql}",
                    statement.NotChecked,
                    sql);
            }

            // The plan travels with each finding's entry; on its own it is logged only when it disagrees or failed.
            if (plan is not null && (plan.Disagreements.Count > 0 || plan.Error is not null) && statement.FirstPlanLog())
            {
                logger.Get().Log(
                    plan.Disagreements.Count > 0 ? LogLevel.Warning : LogLevel.Information,
                    SargableDiagnostics.Plan,
                    "{Summary} SQL: {Sql}",
                    plan.Summary,
                    sql);
            }

            var signals = kept.Count > 0 || reported > 0 ? Signals(statement, guard, command) : null;
            foreach (var (finding, fromPlan) in kept)
            {
                Publish(statement, finding == nPlusOne ? signals!.For(finding, fromPlan, callSite, keep: false) : signals!.For(finding, fromPlan));
            }

            if (kept.Count > 0)
            {
                // Info findings (SARG0010 by default) are worth knowing, not worth failing a request: they are logged even in Throw mode.
                if (Options.Mode == SargableMode.Throw && kept.Any(k => k.Finding.Severity != Severity.Info))
                {
                    throw new InefficientQueryError(kept.Where(k => k.Finding.Severity != Severity.Info).Select(k => k.Finding).ToList(), sql, plan, callSite);
                }

                foreach (var (finding, fromPlan) in kept)
                {
                    if (statement.FirstLogOf(finding.RuleId, fromPlan))
                    {
                        LogFinding(logger.Get(), finding, fromPlan, sql, finding == nPlusOne ? callSite : null, plan);
                    }
                }
            }

            if (statement.NotChecked is not null && Options.Strict && Options.Mode == SargableMode.Throw)
            {
                throw new UncheckedQueryError(sql, statement.NotChecked);
            }

            // Nothing left to decide or log outside a scope, now or later: executions can skip the guard from here on. In
            // Log mode that includes a statement with findings once they are logged (this pass, outside a scope, logged
            // every one); its executions then only publish. Settling is one-way: a pass in a scope never undoes it.
            var settles = final &&
                !(statement.NotChecked is not null && Options.Strict && Options.Mode == SargableMode.Throw) &&
                (reported == 0 || (Options.Mode == SargableMode.Log && scope is null));
            if (settles)
            {
                if (reported > 0)
                {
                    statement.SettledFindings = found.Take(reported).Select(f => signals!.For(f.Finding, f.FromPlan)).ToArray();
                }

                statement.Settled = true;
            }
        }

        private static string OutcomeOf(GuardedStatement statement, int reported, int baselined) =>
            reported > 0 ? StatementOutcomes.Finding :
            statement.NotChecked is not null ? StatementOutcomes.NotChecked :
            statement.Allowed.Count > 0 || baselined > 0 ? StatementOutcomes.Allowed :
            StatementOutcomes.Clean;

        private StatementSignals Signals(GuardedStatement statement, ModelGuard guard, DbCommand command) =>
            statement.SignalsOr(s => new StatementSignals(
                s.Sql,
                GuardMetrics.SystemOf(command.Connection is { } connection ? DatabaseKinds.Of(connection) : DatabaseKind.Other),
                QuerySummary.Of(s.Verdicts, guard.Engine.Registry),
                Options.Mode,
                guard.Engine.Registry));

        private (Finding? Finding, string? CallSite) CountExecution(GuardedStatement statement, DbCommand command, SargableScope? scope)
        {
            if (scope is null || statement.Kind != StatementKind.Select || !Options.Rules.IsEnabled(RuleIds.QueryInLoop) ||
                statement.Verdicts.Any(v => v.Shape?.IsSuppressed(RuleIds.QueryInLoop) == true) ||
                SargableScope.UnitOfWork(scope) is not { } unit)
            {
                return (null, null);
            }

            var counter = unit.CounterFor(statement);
            if (counter is null || !counter.Count(ParameterHash(command), Options.NPlusOneThreshold))
            {
                return (null, null);
            }

            // The threshold is crossed once per statement and scope: only now is a stack trace worth its cost.
            var callSite = CallSites.FirstApplicationFrame();
            var access = statement.FirstAccess;
            var table = access?.Table ?? "the statement";
            var columns = access?.Equalities.Where(e => e.IsToValue).Select(e => e.Column).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? new List<string>();
            var where = unit.Name is null ? "one unit of work" : $"unit of work '{unit.Name}'";
            var key = columns.Count > 0 ? columns[0] : "the key";
            var message =
                $"The same statement on {table} ran {counter.Executions} times in {where} with different parameters (N+1, threshold {Options.NPlusOneThreshold})" +
                (callSite is null ? string.Empty : $", issued from {callSite}") +
                $"; load the rows for all items with one query ({key} IN (...) / = ANY (@ids), a join or Include) instead of one query per item.";
            var finding = new Finding(RuleIds.QueryInLoop, Options.Rules.SeverityOf(RuleIds.QueryInLoop), table, columns, message);
            return (finding, callSite);
        }

        private static int ParameterHash(DbCommand command)
        {
            // Only a hash of the values is kept, never the values themselves.
            var hash = default(HashCode);
            foreach (DbParameter parameter in command.Parameters)
            {
                hash.Add(parameter.Value);
            }

            return hash.ToHashCode();
        }

        /// <summary>One execution of a finding: the counter, the span event, and the DiagnosticListener event once per statement and rule.</summary>
        private static void Publish(GuardedStatement statement, FindingSignal signal)
        {
            if (GuardMetrics.Findings.Enabled)
            {
                GuardMetrics.Findings.Add(1, signal.MetricTags);
            }

            if (Activity.Current is { IsAllDataRequested: true } activity)
            {
                activity.AddEvent(new ActivityEvent(SargableDiagnostics.ActivityEventName, tags: signal.EventTags));
            }

            if (Listener.IsEnabled(SargableDiagnostics.FindingEventName) && statement.FirstPublishOf(signal.Finding.RuleId, signal.FromPlan))
            {
                Listener.Write(SargableDiagnostics.FindingEventName, signal.Payload);
            }
        }

        private static void LogFinding(ILogger logger, Finding finding, bool fromPlan, string sql, string? callSite, QueryPlanReport? plan)
        {
            var level = finding.Severity switch
            {
                Severity.Error => LogLevel.Error,
                Severity.Warning => LogLevel.Warning,
                _ => LogLevel.Information,
            };
            var title = RuleCatalog.TryGet(finding.RuleId, out var rule) && rule is not null ? rule.Title : finding.RuleId;
            logger.Log(
                level,
                SargableDiagnostics.ForRule(finding.RuleId),
                "{RuleId} {RuleTitle}: {Message} Table: {Table}; columns: {Columns}; table size: {SizeKnowledge}; closest index: {ClosestIndex}; suggested index: {SuggestedIndex}; found by: {Source}; issued from: {CallSite}; plan: {Plan}; help: {HelpLink}. SQL: {Sql}",
                finding.RuleId,
                title,
                finding.Message,
                finding.Table,
                string.Join(", ", finding.Columns),
                finding.SizeNote ?? "unknown",
                finding.ClosestIndex ?? "none",
                finding.SuggestedIndex ?? "none",
                fromPlan ? "database plan" : "registry",
                callSite ?? "n/a",
                plan?.Summary ?? "not verified",
                finding.HelpLink,
                sql);
        }

        private static void LogAllowed(ILogger logger, Finding finding, string reason, string source, string sql) =>
            logger.LogInformation(
                SargableDiagnostics.Allowed,
                "{RuleId} allowed on {Table} by {AllowSource}: {Reason}. It would have reported: {Message} SQL: {Sql}",
                finding.RuleId,
                finding.Table,
                source,
                reason,
                finding.Message,
                sql);

        /// <summary>Resolves the logger only when something is logged: the hot path never touches logging.</summary>
        private sealed class LazyLogger
        {
            private readonly ILoggerFactory? factory;
            private readonly DbContext context;
            private ILogger? logger;

            public LazyLogger(ILoggerFactory? factory, DbContext context)
            {
                this.factory = factory;
                this.context = context;
            }

            public ILogger Get()
            {
                if (logger is null)
                {
                    var source = factory ?? ((IInfrastructure<IServiceProvider>)context).Instance.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
                    logger = source?.CreateLogger(SargableDiagnostics.LoggerCategory) ?? NullLogger.Instance;
                }

                return logger;
            }
        }
    }
}
