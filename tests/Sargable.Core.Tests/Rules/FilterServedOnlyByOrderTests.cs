namespace Sargable.Core.Tests.Rules
{
    /// <summary>
    /// SARG0003's order-only case: an index that delivers the ORDER BY while the filter's equality columns are served by
    /// another index (or none) is walked row by row until the LIMIT is met — the whole table for a rare value.
    /// </summary>
    public sealed class FilterServedOnlyByOrderTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void Equality_on_project_id_ordered_by_the_primary_key_is_reported_with_the_index_that_serves_both()
        {
            var findings = engine.CheckStatement("SELECT * FROM deployments WHERE project_id = $1 ORDER BY id LIMIT 20").Findings;

            var finding = RuleAssert.Single(findings, RuleIds.FilterOrderMismatch);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_project_id_and_id ON deployments (project_id, id)", finding.SuggestedIndex);
            Assert.Equal("index_deployments_on_project_id_and_iid", finding.ClosestIndex);
            Assert.Contains("deployments_pkey delivers only the order", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Equality_without_any_index_ordered_by_the_primary_key_is_reported_as_sarg0003_not_sarg0006()
        {
            var findings = engine.CheckStatement("SELECT * FROM deployments WHERE sha = $1 ORDER BY id DESC LIMIT 20").Findings;

            RuleAssert.Single(findings, RuleIds.FilterOrderMismatch);
            RuleAssert.None(findings, RuleIds.NoIndexForFilter);
        }

        [Fact]
        public void Equality_served_together_with_the_order_is_not_reported()
        {
            RuleAssert.None(engine.CheckStatement("SELECT * FROM deployments WHERE project_id = $1 ORDER BY iid LIMIT 20").Findings, RuleIds.FilterOrderMismatch);
        }

        [Fact]
        public void Primary_key_order_without_a_filter_is_served()
        {
            RuleAssert.None(engine.CheckStatement("SELECT * FROM deployments ORDER BY id LIMIT 20").Findings, RuleIds.FilterOrderMismatch);
        }

        [Fact]
        public void An_is_null_filter_walked_in_primary_key_order_is_not_reported()
        {
            RuleAssert.None(engine.CheckStatement("SELECT * FROM deployments WHERE finished_at IS NULL ORDER BY id LIMIT 20").Findings, RuleIds.FilterOrderMismatch);
        }
    }
}
