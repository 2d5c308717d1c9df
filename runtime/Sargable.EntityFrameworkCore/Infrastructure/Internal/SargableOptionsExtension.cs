using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Sargable.Internal;

namespace Sargable.Infrastructure.Internal
{
    /// <summary>
    /// The EF Core options extension behind <c>UseSargable</c>. Public because EF Core finds extensions by type, but not
    /// API: configure the guard through <c>UseSargable(b =&gt; ...)</c>, which may change this type without notice.
    /// Immutable: every change makes a copy. Its service-provider hash and equality are those of
    /// <see cref="SargableOptions"/>, so contexts configured alike share one internal service provider, and with it one
    /// guard (registry, engine, verdict cache).
    /// </summary>
    public sealed class SargableOptionsExtension : IDbContextOptionsExtension
    {
        private DbContextOptionsExtensionInfo? info;

        /// <summary>An extension with the default options (Log mode, the EF model as registry).</summary>
        public SargableOptionsExtension()
            : this(SargableOptions.Default)
        {
        }

        /// <summary>An extension carrying <paramref name="options"/>.</summary>
        public SargableOptionsExtension(SargableOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>The guard's settings.</summary>
        public SargableOptions Options { get; }

        /// <inheritdoc />
        public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

        /// <summary>A copy carrying <paramref name="options"/>.</summary>
        public SargableOptionsExtension WithOptions(SargableOptions options) => new(options);

        /// <inheritdoc />
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

        /// <summary>
        /// Fails when a context is created, rather than at some later query, on a configuration the guard cannot honour;
        /// the message names the call to change. A guard that is Off is not checked.
        /// </summary>
        public void Validate(IDbContextOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (Options.Mode == SargableMode.Off)
            {
                return;
            }

            var provider = options.Extensions.FirstOrDefault(e => e.Info.IsDatabaseProvider);
            if (provider is not null && !options.Extensions.OfType<RelationalOptionsExtension>().Any())
            {
                throw new InvalidOperationException(
                    $"UseSargable checks the SQL commands a relational provider sends, and the configured provider ({provider.GetType().Name}) sends none. " +
                    "Use a relational provider (UseNpgsql, UseSqlite, ...) or remove the UseSargable call.");
            }

            if (!Options.UseModel && !Options.UseDatabaseCatalog && Options.RegistryFiles.Count == 0 && Options.Registries.Count == 0)
            {
                throw new InvalidOperationException(
                    "UseSargable(b => b.UseModel(false)) leaves the guard no index to check against, so every filtered query would be reported. " +
                    "Keep UseModel(), or add IncludeDatabaseCatalog(), UseRegistryFile(path), UseRegistry(registry) or AllowIndex(table, columns).");
            }

            foreach (var file in Options.RegistryFiles)
            {
                var full = Path.GetFullPath(file);
                if (!File.Exists(full))
                {
                    throw new InvalidOperationException(string.Format(
                        CultureInfo.InvariantCulture,
                        "The registry file given to UseRegistryFile(\"{0}\") does not exist ({1}). Pass the path of an existing registry JSON file (docs/registry.md), or remove the UseRegistryFile call.",
                        file,
                        full));
                }
            }
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
