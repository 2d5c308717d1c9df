using System.Collections.Generic;
using System.Linq;

namespace Sargable.Core.Tests.Rules
{
    internal static class RuleAssert
    {
        public static Finding Single(IReadOnlyList<Finding> findings, string ruleId)
        {
            var matching = findings.Where(f => f.RuleId == ruleId).ToList();
            Assert.True(matching.Count == 1, $"Expected one {ruleId}, got: {Describe(findings)}");
            return matching[0];
        }

        public static void None(IReadOnlyList<Finding> findings, string ruleId) =>
            Assert.True(findings.All(f => f.RuleId != ruleId), $"Expected no {ruleId}, got: {Describe(findings)}");

        public static void Clean(IReadOnlyList<Finding> findings) =>
            Assert.True(findings.Count == 0, $"Expected no findings, got: {Describe(findings)}");

        public static string Describe(IReadOnlyList<Finding> findings) =>
            findings.Count == 0 ? "(none)" : string.Join(" | ", findings.Select(f => $"{f.RuleId} {f.Table} [{string.Join(",", f.Columns)}] {f.Message} {f.SuggestedIndex}"));
    }
}
