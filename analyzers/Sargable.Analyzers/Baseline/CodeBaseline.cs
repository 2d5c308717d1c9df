using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sargable.Baselines;

namespace Sargable.Analyzers.Baseline
{
    /// <summary>
    /// The <c>sargable.baseline.json</c> AdditionalFile of one compilation: read once, and a budget that lets each
    /// accepted finding through the report filter as many times as its count. Which of several findings with the same
    /// key is reported when there are more than the count depends on analysis order (see docs/baseline.md).
    /// </summary>
    internal sealed class CodeBaseline
    {
        private readonly Lazy<(BaselineBudget? Budget, BaselineFormatException? Error)> read;
        private readonly string directory;

        public CodeBaseline(AdditionalText file)
        {
            File = file;
            directory = Path.GetDirectoryName(file.Path) ?? string.Empty;
            read = new Lazy<(BaselineBudget?, BaselineFormatException?)>(() =>
            {
                var text = file.GetText(CancellationToken.None)?.ToString() ?? string.Empty;
                try
                {
                    return (BaselineFile.Parse(text, file.Path).NewBudget(), null);
                }
                catch (BaselineFormatException error)
                {
                    return (null, error);
                }
            });
        }

        public AdditionalText File { get; }

        /// <summary>Why the file could not be read, or null.</summary>
        public BaselineFormatException? Error => read.Value.Error;

        public static bool IsBaselineFile(string path) => string.Equals(Path.GetFileName(path), RuleIdFormat.BaselineFileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>True when the baseline accepts this finding (and it must not be reported).</summary>
        public bool Absorbs(string ruleId, string filePath, string fingerprint) =>
            read.Value.Budget is { } budget && budget.TryConsume(new BaselineKey(ruleId, BaselineFingerprint.RelativePath(directory, filePath), fingerprint));
    }
}
