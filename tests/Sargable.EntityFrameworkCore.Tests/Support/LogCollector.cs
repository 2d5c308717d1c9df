using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Sargable.EntityFrameworkCore.Tests.Support
{
    /// <summary>One captured log entry with its structured state.</summary>
    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> State)
    {
        public object? this[string key] => State.TryGetValue(key, out var value) ? value : null;

        /// <summary>The attached exception's <c>ToString()</c> (message, inner exceptions, stack), if any.</summary>
        public string? Exception { get; init; }

        public override string ToString() => $"{Level} {Category}[{EventId.Id}:{EventId.Name}] {Message}";
    }

    /// <summary>A logger factory that keeps every entry, for asserting on what the guard logged.</summary>
    public sealed class LogCollector : ILoggerFactory
    {
        private readonly ConcurrentQueue<LogEntry> entries = new();

        public IReadOnlyList<LogEntry> Entries => entries.ToArray();

        /// <summary>Entries of the guard's own category.</summary>
        public IReadOnlyList<LogEntry> Guard => Entries.Where(e => e.Category == SargableDiagnostics.LoggerCategory).ToArray();

        public IReadOnlyList<LogEntry> Findings(string ruleId) => Guard.Where(e => e.EventId.Name == ruleId).ToArray();

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var pair in values)
                {
                    map[pair.Key] = pair.Value;
                }

                owner.entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), map) { Exception = exception?.ToString() });
            }
        }
    }
}
