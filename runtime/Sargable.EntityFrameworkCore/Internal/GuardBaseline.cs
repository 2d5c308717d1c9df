using System;
using System.Collections.Concurrent;
using System.IO;
using Microsoft.Extensions.Logging;
using Sargable.Baselines;

namespace Sargable.Internal
{
    /// <summary>
    /// The guard's side of <c>UseBaselineFile</c>: the file is read once, on the first command that has a finding, and
    /// a finding whose rule and normalized SQL (<see cref="BaselineFingerprint.ForSql"/>) are in it is logged once at
    /// Debug instead of being thrown or logged as a finding. The guard has no source file, so paths are not compared.
    /// </summary>
    internal sealed class GuardBaseline
    {
        private readonly string path;
        private readonly Lazy<BaselineFile> file;
        private readonly ConcurrentDictionary<string, string> fingerprints = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string, string), bool> logged = new();

        public GuardBaseline(string path)
        {
            this.path = path;
            file = new Lazy<BaselineFile>(Read);
        }

        /// <summary>True when the baseline accepts <paramref name="finding"/> in <paramref name="sql"/>; logs it at Debug the first time.</summary>
        public bool Accepts(Finding finding, string sql, ILogger logger)
        {
            var baseline = file.Value;
            if (baseline.Total == 0)
            {
                return false;
            }

            // Bounded: only statements with findings get here, and the verdict cache bounds those.
            var fingerprint = fingerprints.Count < 10_000 ? fingerprints.GetOrAdd(sql, BaselineFingerprint.ForSql) : BaselineFingerprint.ForSql(sql);
            if (!baseline.ContainsSql(finding.RuleId, fingerprint))
            {
                return false;
            }

            if (logged.TryAdd((finding.RuleId, fingerprint), true))
            {
                logger.LogDebug(
                    SargableDiagnostics.Allowed,
                    "{RuleId} on {Table} is in the baseline {BaselineFile}, so it is not reported: {Message} SQL: {Sql}",
                    finding.RuleId,
                    finding.Table,
                    path,
                    finding.Message,
                    sql);
            }

            return true;
        }

        private BaselineFile Read()
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Sargable cannot read the baseline file '{path}' given to UseBaselineFile: {error.Message.TrimEnd('.')}.", error);
            }

            try
            {
                return BaselineFile.Parse(text, path);
            }
            catch (BaselineFormatException error)
            {
                throw new InvalidOperationException($"Sargable's baseline file is invalid: {error.Message.TrimEnd('.')} (docs/baseline.md).", error);
            }
        }
    }
}
