using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sargable.Baselines;
using Sargable.Cli.Reports;

namespace Sargable.Cli
{
    /// <summary>
    /// <c>check-sql --baseline/--write-baseline</c>: keys are the rule, the SQL file relative to the baseline file
    /// (<c>stdin</c> for standard input) and <see cref="BaselineFingerprint.ForSql"/> of the statement.
    /// </summary>
    internal static class CheckSqlBaseline
    {
        public static IEnumerable<BaselineKey> Keys(CheckedFile file, string baselineFolder, string workingDirectory) =>
            file.Verdicts.SelectMany(v => v.Findings.Select(f => new BaselineKey(f.RuleId, PathOf(file, baselineFolder, workingDirectory), BaselineFingerprint.ForSql(v.Text))));

        /// <summary>The files with baselined findings removed; <paramref name="baselined"/> and <paramref name="gone"/> count what was matched and what was not.</summary>
        public static List<CheckedFile> Filter(IReadOnlyList<CheckedFile> files, BaselineFile baseline, string baselineFolder, string workingDirectory, out int baselined, out int gone)
        {
            var budget = baseline.NewBudget();
            var count = 0;
            var result = files.Select(file => new CheckedFile(file.Path, file.Text, file.Verdicts.Select(verdict =>
            {
                var fingerprint = BaselineFingerprint.ForSql(verdict.Text);
                var kept = verdict.Findings.Where(f =>
                {
                    var accepted = budget.TryConsume(new BaselineKey(f.RuleId, PathOf(file, baselineFolder, workingDirectory), fingerprint));
                    count += accepted ? 1 : 0;
                    return !accepted;
                }).ToList();
                return kept.Count == verdict.Findings.Count
                    ? verdict
                    : new StatementVerdict(verdict.Index, verdict.Line, verdict.Column, verdict.Text, kept, verdict.Shape, verdict.ParseError);
            }).ToList())).ToList();
            baselined = count;
            gone = budget.Unmatched;
            return result;
        }

        private static string PathOf(CheckedFile file, string baselineFolder, string workingDirectory) =>
            file.Path is null ? CheckedFile.StdinName : BaselineFingerprint.RelativePath(baselineFolder, Path.GetFullPath(file.Path, workingDirectory));
    }
}
