namespace Sargable.Core.Tests.Rules
{
    public sealed class LargeOffsetRuleTests
    {
        [Fact]
        public void A_parameter_offset_is_reported_with_a_keyset_alternative()
        {
            var engine = DeploymentsRegistry.Engine();
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id").OrderBy("iid").LimitParameter().OffsetParameter());

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.LargeOffset);

            Assert.Contains("is a parameter", finding.Message, System.StringComparison.Ordinal);
            Assert.Contains("WHERE iid > @last_iid ORDER BY iid", finding.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(1000, false)]
        [InlineData(1001, true)]
        public void A_constant_offset_is_reported_above_the_threshold(long offset, bool reported)
        {
            var engine = DeploymentsRegistry.Engine();
            var findings = engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id").OrderBy("iid").Limit(20).Offset(offset)));

            Assert.Equal(reported, findings.Count == 1 && findings[0].RuleId == RuleIds.LargeOffset);
        }

        [Fact]
        public void The_threshold_is_an_option()
        {
            var engine = DeploymentsRegistry.Engine(new RuleOptions { OffsetThreshold = 100 });

            RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id").OrderBy("iid").Limit(20).Offset(101))), RuleIds.LargeOffset);
        }
    }
}
