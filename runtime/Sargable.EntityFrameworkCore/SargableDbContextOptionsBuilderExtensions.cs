using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sargable;
using Sargable.Infrastructure.Internal;

namespace Microsoft.EntityFrameworkCore
{
    /// <summary><c>UseSargable</c>: switches on Sargable's runtime guard for a context.</summary>
    public static class SargableDbContextOptionsBuilderExtensions
    {
        /// <summary>
        /// Checks every command the context executes against the allowed-index registry with Sargable's rules.
        /// Default mode is <see cref="SargableMode.Log"/>; use <c>b =&gt; b.Mode(SargableMode.Throw)</c> in development,
        /// tests and CI. Calling it again adds to the earlier configuration.
        /// </summary>
        public static DbContextOptionsBuilder UseSargable(this DbContextOptionsBuilder optionsBuilder, Action<SargableOptionsBuilder>? configure = null)
        {
            ArgumentNullException.ThrowIfNull(optionsBuilder);
            var existing = optionsBuilder.Options.FindExtension<SargableOptionsExtension>();
            var builder = new SargableOptionsBuilder(existing?.Options ?? SargableOptions.Default);
            configure?.Invoke(builder);
            ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(new SargableOptionsExtension(builder.Build()));
            return optionsBuilder;
        }

        /// <inheritdoc cref="UseSargable(DbContextOptionsBuilder, Action{SargableOptionsBuilder}?)"/>
        public static DbContextOptionsBuilder<TContext> UseSargable<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder, Action<SargableOptionsBuilder>? configure = null)
            where TContext : DbContext =>
            (DbContextOptionsBuilder<TContext>)UseSargable((DbContextOptionsBuilder)optionsBuilder, configure);
    }
}
