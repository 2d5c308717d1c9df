using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Sargable.Internal;

namespace Sargable.Infrastructure
{
    /// <summary>
    /// The EF Core options extension behind <c>UseSargable</c>. Immutable: every change makes a copy. Its
    /// service-provider hash and equality are those of <see cref="SargableOptions"/>, so contexts configured alike share
    /// one internal service provider, and with it one guard (registry, engine, verdict cache).
    /// </summary>
    public sealed class SargableOptionsExtension : IDbContextOptionsExtension
    {
        private DbContextOptionsExtensionInfo? info;

        public SargableOptionsExtension()
            : this(SargableOptions.Default)
        {
        }

        public SargableOptionsExtension(SargableOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        public SargableOptions Options { get; }

        public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

        public SargableOptionsExtension WithOptions(SargableOptions options) => new(options);

        public void ApplyServices(IServiceCollection services)
        {
            // Called once per internal service provider, i.e. once per distinct options: the guard is that provider's singleton.
            var runtime = new GuardRuntime(Options);
            services.AddSingleton(runtime);
            if (Options.Mode != SargableMode.Off)
            {
                services.AddSingleton<IInterceptor>(new SargableInterceptor(runtime));
            }
        }

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo : DbContextOptionsExtensionInfo
        {
            public ExtensionInfo(SargableOptionsExtension extension)
                : base(extension)
            {
            }

            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "Sargable=" + Extension.Options.Mode + " ";

            private new SargableOptionsExtension Extension => (SargableOptionsExtension)base.Extension;

            public override int GetServiceProviderHashCode() => Extension.Options.GetHashCode();

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
                other is ExtensionInfo otherInfo && Extension.Options.Equals(otherInfo.Extension.Options);

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
            {
                var options = Extension.Options;
                debugInfo["Sargable:Mode"] = options.Mode.ToString();
                debugInfo["Sargable:Options"] = options.GetHashCode().ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
