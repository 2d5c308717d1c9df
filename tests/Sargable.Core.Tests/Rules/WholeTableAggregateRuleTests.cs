using Sargable.Registry;

namespace Sargable.Core.Tests.Rules
{
    public sealed class WholeTableAggregateRuleTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void Count_of_a_whole_large_table_is_reported_at_info_severity()
        {
            var finding = RuleAssert.Single(engine.CheckStatement("SELECT count(*) FROM deployments").Findings, RuleIds.WholeTableAggregate);

            Assert.Equal(Severity.Info, finding.Severity);
            Assert.Equal("deployments", finding.Table);
        }

        [Fact]
        public void Max_of_a_whole_large_table_is_not_an_unbounded_read()
        {
            RuleAssert.None(engine.CheckStatement("SELECT max(created_at) FROM deployments").Findings, RuleIds.UnboundedRead);
        }

        [Fact]
        public void Count_of_a_filtered_table_is_not_reported()
        {
            RuleAssert.None(engine.CheckStatement("SELECT count(*) FROM deployments WHERE project_id = $1").Findings, RuleIds.WholeTableAggregate);
        }

        [Fact]
        public void Count_of_a_small_table_is_not_reported()
        {
            RuleAssert.Clean(engine.CheckStatement("SELECT count(*) FROM settings").Findings);
        }

        [Fact]
        public void A_window_over_every_row_returns_every_row_and_stays_an_unbounded_read()
        {
            var findings = engine.CheckStatement("SELECT id, row_number() OVER (PARTITION BY environment_id ORDER BY id) FROM deployments").Findings;

            RuleAssert.Single(findings, RuleIds.UnboundedRead);
            RuleAssert.None(findings, RuleIds.WholeTableAggregate);
        }

        [Fact]
        public void The_finding_says_the_table_size_was_unknown()
        {
            var finding = RuleAssert.Single(engine.CheckStatement("SELECT count(*) FROM projects").Findings, RuleIds.WholeTableAggregate);

            Assert.Equal(TableSizeBasis.Unknown, finding.SizeBasis);
            Assert.Equal("size unknown, treated as large", finding.SizeNote);
            Assert.Contains("size unknown", finding.Message, System.StringComparison.Ordinal);
        }
    }
}
