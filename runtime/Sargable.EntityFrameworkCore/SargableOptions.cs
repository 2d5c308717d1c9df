using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Sargable.Registry;

namespace Sargable
{
    /// <summary>
    /// The runtime guard's settings, immutable. Built by <see cref="SargableOptionsBuilder"/>; two instances with the
    /// same settings are equal, so EF Core shares one internal service provider (and so one verdict cache) between them.
    /// </summary>
    public sealed class SargableOptions : IEquatable<SargableOptions>
    {
        /// <summary>Default number of executions of one statement in one scope that is still not N+1.</summary>
        public const int DefaultNPlusOneThreshold = 5;

        /// <summary>Default number of distinct statements whose verdicts are kept.</summary>
        public const int DefaultCacheCapacity = 10_000;

        private string? fingerprint;

        internal SargableOptions()
        {
        }

        internal SargableOptions(SargableOptions other)
        {
            Mode = other.Mode;
            UseModel = other.UseModel;
            UseDatabaseCatalog = other.UseDatabaseCatalog;
            RegistryFiles = other.RegistryFiles;
            Registries = other.Registries;
            SmallTables = other.SmallTables;
            SmallTableRows = other.SmallTableRows;
            Rules = other.Rules;
            NPlusOneThreshold = other.NPlusOneThreshold;
            VerifyWithExplain = other.VerifyWithExplain;
            CacheCapacity = other.CacheCapacity;
            Strict = other.Strict;
            LoggerFactory = other.LoggerFactory;
            BaselineFile = other.BaselineFile;
        }

        /// <summary>The defaults: Log mode, the EF model as registry, nothing else.</summary>
        public static SargableOptions Default { get; } = new();

        /// <summary>What a finding does: nothing, a log entry, or an exception. Default <see cref="SargableMode.Log"/>.</summary>
        public SargableMode Mode { get; internal init; } = SargableMode.Log;

        /// <summary>Read keys, indexes and unique constraints from the EF Core model. Default true.</summary>
        public bool UseModel { get; internal init; } = true;

        /// <summary>Read the live catalog (PostgreSQL <c>pg_index</c>, SQLite pragmas) and row estimates once per model.</summary>
        public bool UseDatabaseCatalog { get; internal init; }

        /// <summary>Registry JSON files (docs/registry.md) merged into the registry.</summary>
        public IReadOnlyList<string> RegistryFiles { get; internal init; } = Array.Empty<string>();

        /// <summary>Registries given in code (<see cref="SargableOptionsBuilder.UseRegistry"/>, <see cref="SargableOptionsBuilder.AllowIndex"/>).</summary>
        public IReadOnlyList<IndexRegistry> Registries { get; internal init; } = Array.Empty<IndexRegistry>();

        /// <summary>Tables exempt from the full-scan rules whatever their size.</summary>
        public IReadOnlyList<string> SmallTables { get; internal init; } = Array.Empty<string>();

        /// <summary>Tables estimated below this many rows are small; null keeps the registry's default (1,000).</summary>
        public long? SmallTableRows { get; internal init; }

        /// <summary>Thresholds, severities and disabled rules shared with every front-end.</summary>
        public RuleOptions Rules { get; internal init; } = RuleOptions.Default;

        /// <summary>Executions of one statement with different parameters in one scope above which SARG0004 is reported.</summary>
        public int NPlusOneThreshold { get; internal init; } = DefaultNPlusOneThreshold;

        /// <summary>Ask the database for the plan of each statement the first time it runs.</summary>
        public bool VerifyWithExplain { get; internal init; }

        /// <summary>Statements whose verdicts are kept; older ones are dropped beyond this.</summary>
        public int CacheCapacity { get; internal init; } = DefaultCacheCapacity;

        /// <summary>A statement the parser cannot read fails in Throw mode (and is logged as a warning in Log mode).</summary>
        public bool Strict { get; internal init; }

        /// <summary>Where log entries go; null uses the logger factory EF Core uses for the context.</summary>
        public ILoggerFactory? LoggerFactory { get; internal init; }

        /// <summary>The <c>sargable.baseline.json</c> whose SQL findings are logged at Debug and never thrown (docs/baseline.md), or null.</summary>
        public string? BaselineFile { get; internal init; }

        /// <summary>Same settings (registries compared by content) and the same logger factory instance.</summary>
        public bool Equals(SargableOptions? other) =>
            other is not null &&
            (ReferenceEquals(this, other) ||
             (string.Equals(Fingerprint, other.Fingerprint, StringComparison.Ordinal) && ReferenceEquals(LoggerFactory, other.LoggerFactory)));

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as SargableOptions);

        /// <inheritdoc />
        public override int GetHashCode() =>
            StringComparer.Ordinal.GetHashCode(Fingerprint) ^ (LoggerFactory is null ? 0 : RuntimeHelpers.GetHashCode(LoggerFactory));

        /// <inheritdoc />
        public override string ToString() => Fingerprint;

        /// <summary>Every setting as canonical text: equal settings give equal text (registries compared by content).</summary>
        internal string Fingerprint => fingerprint ??= BuildFingerprint();

        private string BuildFingerprint()
        {
            var text = new StringBuilder()
                .Append("mode=").Append(Mode)
                .Append(";model=").Append(UseModel)
                .Append(";catalog=").Append(UseDatabaseCatalog)
                .Append(";explain=").Append(VerifyWithExplain)
                .Append(";strict=").Append(Strict)
                .Append(";n+1=").Append(NPlusOneThreshold)
                .Append(";cache=").Append(CacheCapacity)
                .Append(";smallRows=").Append(SmallTableRows?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default")
                .Append(";small=").Append(string.Join(",", SmallTables))
                .Append(";files=").Append(string.Join("|", RegistryFiles))
                .Append(";baseline=").Append(BaselineFile ?? string.Empty)
                .Append(";offset=").Append(Rules.OffsetThreshold)
                .Append(";disabled=").Append(string.Join(",", Rules.DisabledRules.OrderBy(r => r, StringComparer.OrdinalIgnoreCase)))
                .Append(";severities=").Append(string.Join(",", Rules.Severities.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => s.Key + ":" + s.Value)));
            foreach (var registry in Registries)
            {
                text.Append(";registry[").Append(registry.SmallTableRows).Append(']');
                foreach (var table in registry.Tables)
                {
                    text.Append('{').Append(table.Schema).Append('.').Append(table.Name).Append(' ').Append(table.Small).Append(' ').Append(table.EstimatedRows);
                    foreach (var index in table.Indexes)
                    {
                        text.Append(" [").Append(index).Append(' ').Append(index.PrimaryKey).Append(' ').Append(index.Method)
                            .Append(" include ").Append(string.Join(",", index.Include)).Append(']');
                    }

                    text.Append('}');
                }
            }

            return text.ToString();
        }
    }
}
