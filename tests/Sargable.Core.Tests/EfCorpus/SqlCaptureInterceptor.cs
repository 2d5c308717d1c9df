using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>
    /// Records the text of every command EF Core executes, tagged with the catalog entry that was running.
    /// Only <see cref="DbCommand.CommandText"/> is read: parameter values never leave the command.
    /// Commands executed while no entry is running (schema creation, seeding) are not recorded.
    /// </summary>
    public sealed class SqlCaptureInterceptor : DbCommandInterceptor
    {
        private readonly object gate = new();
        private readonly List<CapturedQuery> captured = [];
        private readonly string provider;
        private string? currentEntry;

        public SqlCaptureInterceptor(string provider) => this.provider = provider ?? throw new ArgumentNullException(nameof(provider));

        /// <summary>Everything recorded so far, in execution order.</summary>
        public IReadOnlyList<CapturedQuery> Captured
        {
            get
            {
                lock (gate)
                {
                    return captured.ToArray();
                }
            }
        }

        /// <summary>Tags the commands executed until the returned scope is disposed with <paramref name="entryName"/>.</summary>
        public IDisposable Recording(string entryName)
        {
            ArgumentNullException.ThrowIfNull(entryName);
            lock (gate)
            {
                if (currentEntry is not null)
                {
                    throw new InvalidOperationException($"Already recording '{currentEntry}'; catalog entries run one at a time.");
                }

                currentEntry = entryName;
            }

            return new Scope(this);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            lock (gate)
            {
                if (currentEntry is not null)
                {
                    captured.Add(new CapturedQuery(currentEntry, provider, command.CommandText));
                }
            }
        }

        private sealed class Scope(SqlCaptureInterceptor owner) : IDisposable
        {
            private int disposed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref disposed, 1) == 0)
                {
                    lock (owner.gate)
                    {
                        owner.currentEntry = null;
                    }
                }
            }
        }
    }
}
