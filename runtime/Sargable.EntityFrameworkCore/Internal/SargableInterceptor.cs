using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sargable.Internal
{
    /// <summary>
    /// Checks every command EF Core executes (reader, scalar, non-query; sync and async) before it is sent. In Throw mode
    /// a finding stops the command here, so it never reaches the database.
    /// </summary>
    internal sealed class SargableInterceptor : DbCommandInterceptor
    {
        private readonly GuardRuntime runtime;

        public SargableInterceptor(GuardRuntime runtime)
        {
            this.runtime = runtime;
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command, eventData);
            return result;
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Check(command, eventData);
            return result;
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Check(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            CheckAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            CheckAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            CheckAsync(command, eventData, result, cancellationToken);

        private void Check(DbCommand command, CommandEventData eventData)
        {
            // With async: false every await inside completes synchronously, so this never blocks on I/O of its own.
            var pending = runtime.CheckAsync(command, eventData, async: false, CancellationToken.None);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        private ValueTask<T> CheckAsync<T>(DbCommand command, CommandEventData eventData, T result, CancellationToken cancellationToken)
        {
            var pending = runtime.CheckAsync(command, eventData, async: true, cancellationToken);
            return pending.IsCompletedSuccessfully ? new ValueTask<T>(result) : Await(pending, result);
        }

        private static async ValueTask<T> Await<T>(ValueTask pending, T result)
        {
            await pending.ConfigureAwait(false);
            return result;
        }
    }
}
