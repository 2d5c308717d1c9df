using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QueryGuard;
using QueryGuard.Infrastructure;

namespace Microsoft.EntityFrameworkCore
{
    /// <summary><c>UseQueryGuard</c>: switches on QueryGuard's runtime guard for a context.</summary>
    public static class QueryGuardDbContextOptionsBuilderExtensions
    {
        /// <summary>
        /// Checks every command the context executes against the allowed-index registry with QueryGuard's rules.
        /// Default mode is <see cref="QueryGuardMode.Log"/>; use <c>b =&gt; b.Mode(QueryGuardMode.Throw)</c> in development,
        /// tests and CI. Calling it again adds to the earlier configuration.
        /// </summary>
        public static DbContextOptionsBuilder UseQueryGuard(this DbContextOptionsBuilder optionsBuilder, Action<QueryGuardOptionsBuilder>? configure = null)
        {
            ArgumentNullException.ThrowIfNull(optionsBuilder);
            var existing = optionsBuilder.Options.FindExtension<QueryGuardOptionsExtension>();
            var builder = new QueryGuardOptionsBuilder(existing?.Options ?? QueryGuardOptions.Default);
            configure?.Invoke(builder);
            ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(new QueryGuardOptionsExtension(builder.Build()));
            return optionsBuilder;
        }

        /// <inheritdoc cref="UseQueryGuard(DbContextOptionsBuilder, Action{QueryGuardOptionsBuilder}?)"/>
        public static DbContextOptionsBuilder<TContext> UseQueryGuard<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder, Action<QueryGuardOptionsBuilder>? configure = null)
            where TContext : DbContext =>
            (DbContextOptionsBuilder<TContext>)UseQueryGuard((DbContextOptionsBuilder)optionsBuilder, configure);
    }
}
