using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using QueryGuard.Internal;

namespace QueryGuard.Infrastructure
{
    /// <summary>
    /// The EF Core options extension behind <c>UseQueryGuard</c>. Immutable: every change makes a copy. Its
    /// service-provider hash and equality are those of <see cref="QueryGuardOptions"/>, so contexts configured alike share
    /// one internal service provider, and with it one guard (registry, engine, verdict cache).
    /// </summary>
    public sealed class QueryGuardOptionsExtension : IDbContextOptionsExtension
    {
        private DbContextOptionsExtensionInfo? info;

        public QueryGuardOptionsExtension()
            : this(QueryGuardOptions.Default)
        {
        }

        public QueryGuardOptionsExtension(QueryGuardOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        public QueryGuardOptions Options { get; }

        public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

        public QueryGuardOptionsExtension WithOptions(QueryGuardOptions options) => new(options);

        public void ApplyServices(IServiceCollection services)
        {
            // Called once per internal service provider, i.e. once per distinct options: the guard is that provider's singleton.
            var runtime = new GuardRuntime(Options);
            services.AddSingleton(runtime);
            if (Options.Mode != QueryGuardMode.Off)
            {
                services.AddSingleton<IInterceptor>(new QueryGuardInterceptor(runtime));
            }
        }

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo : DbContextOptionsExtensionInfo
        {
            public ExtensionInfo(QueryGuardOptionsExtension extension)
                : base(extension)
            {
            }

            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "QueryGuard=" + Extension.Options.Mode + " ";

            private new QueryGuardOptionsExtension Extension => (QueryGuardOptionsExtension)base.Extension;

            public override int GetServiceProviderHashCode() => Extension.Options.GetHashCode();

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
                other is ExtensionInfo otherInfo && Extension.Options.Equals(otherInfo.Extension.Options);

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
            {
                var options = Extension.Options;
                debugInfo["QueryGuard:Mode"] = options.Mode.ToString();
                debugInfo["QueryGuard:Options"] = options.GetHashCode().ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
