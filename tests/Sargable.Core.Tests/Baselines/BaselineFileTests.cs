using System.Linq;
using Sargable.Baselines;

namespace Sargable.Core.Tests.Baselines
{
    public sealed class BaselineFileTests
    {
        [Fact]
        public void Written_entries_are_sorted_counted_and_end_with_a_line_break()
        {
            var file = new BaselineFile(
            [
                new BaselineKey(RuleIds.QueryInLoop, "b/Service.cs", "cs:2"),
                new BaselineKey(RuleIds.UnboundedRead, "a/Repo.cs", "cs:1"),
                new BaselineKey(RuleIds.QueryInLoop, "b/Service.cs", "cs:2"),
            ]);

            var json = file.ToJson();

            Assert.EndsWith("}\n", json, System.StringComparison.Ordinal);
            Assert.True(json.IndexOf("a/Repo.cs", System.StringComparison.Ordinal) < json.IndexOf("b/Service.cs", System.StringComparison.Ordinal));
            var read = BaselineFile.Parse(json, "sargable.baseline.json");
            Assert.Equal(new[] { 1, 2 }, read.Counts.Values.ToArray());
            Assert.Equal(json, read.ToJson());
        }

        [Fact]
        public void A_budget_accepts_a_key_as_many_times_as_its_count_and_counts_what_was_left()
        {
            var key = new BaselineKey(RuleIds.UnboundedRead, "a.cs", "cs:1");
            var budget = new BaselineFile([key, key, new BaselineKey(RuleIds.QueryInLoop, "a.cs", "cs:9")]).NewBudget();

            Assert.True(budget.TryConsume(key));
            Assert.True(budget.TryConsume(key));
            Assert.False(budget.TryConsume(key));
            Assert.Equal(1, budget.Unmatched);
        }

        [Fact]
        public void A_count_below_one_is_rejected_with_the_place()
        {
            var error = Assert.Throws<BaselineFormatException>(() => BaselineFile.Parse(
                "{\"version\":1,\"findings\":[{\"rule\":\"SARG0001\",\"path\":\"a.cs\",\"fingerprint\":\"cs:1\",\"count\":0}]}", "b.json"));

            Assert.Contains("\"count\" must be a whole number of at least 1", error.Message, System.StringComparison.Ordinal);
            Assert.StartsWith("b.json(", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_rule_that_is_not_a_rule_id_is_rejected()
        {
            var error = Assert.Throws<BaselineFormatException>(() => BaselineFile.Parse(
                "{\"version\":1,\"findings\":[{\"rule\":\"X1\",\"path\":\"a.cs\",\"fingerprint\":\"cs:1\",\"count\":1}]}", "b.json"));

            Assert.Contains("\"rule\" must be a rule ID like SARG0001, not 'X1'", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Another_version_is_rejected()
        {
            Assert.Throws<BaselineFormatException>(() => BaselineFile.Parse("{\"version\":2,\"findings\":[]}", "b.json"));
        }
    }
}
