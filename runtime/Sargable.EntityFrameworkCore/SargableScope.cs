using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Sargable.Internal;

namespace Sargable
{
    /// <summary>
    /// An ambient scope of the runtime guard, flowing with the async context like a logging scope. Two kinds:
    /// <list type="bullet">
    /// <item><see cref="Begin"/> opens a unit of work (one web request, one job): inside it, one statement executed
    /// more than the N+1 threshold times with different parameters is reported as SARG0004.</item>
    /// <item><see cref="Allow"/> suppresses one rule for every command executed inside the block, with a reason that the
    /// guard writes to its log.</item>
    /// </list>
    /// Dispose the scope (a <c>using</c>) to end it. Scopes nest; an Allow inside a unit of work suppresses within it.
    /// </summary>
    public sealed class SargableScope : IDisposable
    {
        /// <summary>Distinct statements one unit of work counts at most.</summary>
        internal const int MaxTrackedStatements = 10_000;

        private static readonly AsyncLocal<SargableScope?> CurrentScope = new();

        private readonly ConcurrentDictionary<object, ExecutionCounter>? executions;
        private int disposed;

        private SargableScope(SargableScope? parent, string? name, string? ruleId, string? reason)
        {
            Parent = parent;
            Name = name;
            RuleId = ruleId;
            Reason = reason;
            if (ruleId is null)
            {
                executions = new ConcurrentDictionary<object, ExecutionCounter>(ReferenceEqualityComparer.Instance);
            }
        }

        /// <summary>The innermost scope open in this async context, or null.</summary>
        public static SargableScope? Current => CurrentScope.Value;

        /// <summary>The name given to <see cref="Begin"/> (e.g. the request path), or null.</summary>
        public string? Name { get; }

        /// <summary>For an <see cref="Allow"/> scope: the rule it suppresses; null for a unit of work.</summary>
        public string? RuleId { get; }

        /// <summary>For an <see cref="Allow"/> scope: why the rule is suppressed.</summary>
        public string? Reason { get; }

        /// <summary>True for a unit-of-work scope (<see cref="Begin"/>), in which N+1 executions are counted.</summary>
        public bool IsUnitOfWork => RuleId is null;

        internal SargableScope? Parent { get; }

        /// <summary>
        /// Opens a unit of work: statements are counted per scope for N+1 detection (SARG0004). Open one per request or job:
        /// <c>using var scope = SargableScope.Begin(context.Request.Path);</c>
        /// </summary>
        public static SargableScope Begin(string? name = null) => Push(new SargableScope(Current, name, null, null));

        /// <summary>
        /// Runs <paramref name="body"/> inside a unit of work. As ASP.NET Core middleware, one scope per request:
        /// <c>app.Use((context, next) =&gt; SargableScope.RunAsync(context.Request.Path.Value, next));</c>
        /// </summary>
        public static async Task RunAsync(string? name, Func<Task> body)
        {
            ArgumentNullException.ThrowIfNull(body);
            using var scope = Begin(name);
            await body().ConfigureAwait(false);
        }

        /// <summary>
        /// Suppresses <paramref name="ruleId"/> for every command executed until the scope is disposed. The reason is
        /// required and is written to the guard's log when the rule would have fired.
        /// </summary>
        /// <exception cref="ArgumentException">The rule is unknown, or the reason is empty or whitespace.</exception>
        public static SargableScope Allow(string ruleId, string reason)
        {
            var rule = AllowTag.ValidateRule(ruleId, nameof(ruleId));
            var why = AllowTag.ValidateReason(rule, reason, nameof(reason));
            return Push(new SargableScope(Current, null, rule, why));
        }

        /// <summary>Ends the scope; scopes opened inside it and not yet disposed end with it.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            // Restore the parent when this scope is the current one or encloses it (an inner scope left undisposed).
            for (var scope = CurrentScope.Value; scope is not null; scope = scope.Parent)
            {
                if (ReferenceEquals(scope, this))
                {
                    CurrentScope.Value = Parent;
                    break;
                }
            }
        }

        /// <inheritdoc />
        public override string ToString() => IsUnitOfWork ? $"unit of work {Name}" : $"allow {RuleId}: {Reason}";

        internal bool IsDisposed => Volatile.Read(ref disposed) != 0;

        /// <summary>The reason an enclosing, live Allow scope gives for <paramref name="ruleId"/>, or null.</summary>
        internal static string? AllowReason(SargableScope? scope, string ruleId)
        {
            for (var s = scope; s is not null; s = s.Parent)
            {
                if (s.RuleId is not null && !s.IsDisposed && string.Equals(s.RuleId, ruleId, StringComparison.OrdinalIgnoreCase))
                {
                    return s.Reason;
                }
            }

            return null;
        }

        /// <summary>The innermost live unit of work, or null.</summary>
        internal static SargableScope? UnitOfWork(SargableScope? scope)
        {
            for (var s = scope; s is not null; s = s.Parent)
            {
                if (s.IsUnitOfWork && !s.IsDisposed)
                {
                    return s;
                }
            }

            return null;
        }

        /// <summary>
        /// The counter of one statement in this unit of work, or null once the scope tracks <see cref="MaxTrackedStatements"/>
        /// statements: a long job that sends endless distinct statements must not grow the scope without bound.
        /// </summary>
        internal ExecutionCounter? CounterFor(object statement)
        {
            var map = executions!;
            if (map.TryGetValue(statement, out var counter))
            {
                return counter;
            }

            return map.Count >= MaxTrackedStatements ? null : map.GetOrAdd(statement, static _ => new ExecutionCounter());
        }

        private static SargableScope Push(SargableScope scope)
        {
            CurrentScope.Value = scope;
            return scope;
        }
    }
}
