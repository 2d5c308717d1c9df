using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>Keeps every log entry at Error or above (category, event and whether an exception was attached).</summary>
    public sealed class ErrorLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> entries = new();

        public IReadOnlyCollection<string> Entries => entries.ToArray();

        public void Clear() => entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    owner.entries.Enqueue($"{logLevel} {category}[{eventId.Id}] {(exception is null ? "without" : "with")} an exception");
                }
            }
        }
    }
}
