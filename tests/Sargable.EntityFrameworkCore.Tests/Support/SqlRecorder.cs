using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sargable.EntityFrameworkCore.Tests.Support
{
    /// <summary>Records the text of every command that reaches the database (registered after the guard).</summary>
    public sealed class SqlRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> commands = new();

        public IReadOnlyList<string> Commands => commands.ToArray();

        public void Clear() => commands.Clear();

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return new ValueTask<DbDataReader>(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return new ValueTask<int>(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return new ValueTask<object?>(result);
        }
    }
}
