using Sargable.Shapes;

namespace Sargable.Core.Tests.Rules
{
    public sealed class UnboundedReadRuleTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void Whole_table_read_is_reported_with_keyset_batching_advice()
        {
            var finding = RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("deployments"))), RuleIds.UnboundedRead);

            Assert.Equal("deployments", finding.Table);
            Assert.Equal(new[] { "id" }, finding.Columns);
            Assert.Contains("keyset batches", finding.Message, System.StringComparison.Ordinal);
            Assert.Equal(Severity.Warning, finding.Severity);
        }

        [Fact]
        public void A_value_filter_or_a_limit_bounds_the_read()
        {
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id"))), RuleIds.UnboundedRead);
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("deployments").OrderBy("id").Limit(1000))), RuleIds.UnboundedRead);
        }

        [Fact]
        public void Small_tables_are_exempt()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("settings"))));
        }

        [Fact]
        public void Counting_a_whole_table_is_a_whole_table_aggregate_not_an_unbounded_read_even_with_a_limit()
        {
            var findings = engine.Evaluate(Shape.Select(Shape.Of("deployments").Aggregated().Limit(1)));

            var finding = RuleAssert.Single(findings, RuleIds.WholeTableAggregate);
            RuleAssert.None(findings, RuleIds.UnboundedRead);
            Assert.Contains("aggregated over all of its rows", finding.Message, System.StringComparison.Ordinal);
            Assert.Equal(Severity.Info, finding.Severity);
        }

        [Fact]
        public void A_join_to_a_filtered_table_is_bounded_by_it()
        {
            var shape = Shape.Select(
                Shape.Of("deployments"),
                Shape.Of("environments").JoinEq("id", partner: 0, partnerColumn: "environment_id").Eq("project_id", "name"));

            RuleAssert.None(engine.Evaluate(shape), RuleIds.UnboundedRead);
        }

        [Fact]
        public void An_unfiltered_join_is_reported_once_on_the_driving_table()
        {
            var shape = Shape.Select(
                Shape.Of("deployments"),
                Shape.Of("environments").JoinEq("id", partner: 0, partnerColumn: "environment_id"));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.UnboundedRead);
            Assert.Equal("deployments", finding.Table);
        }

        [Fact]
        public void A_large_table_joined_to_an_unfiltered_small_table_is_still_read_whole()
        {
            var shape = Shape.Select(
                Shape.Of("settings"),
                Shape.Of("deployments").JoinEq("environment_id", partner: 0));

            Assert.Equal("deployments", RuleAssert.Single(engine.Evaluate(shape), RuleIds.UnboundedRead).Table);
        }

        [Fact]
        public void A_correlated_subquery_is_bounded_by_its_outer_row()
        {
            var shape = Shape.Select(
                Shape.Of("environments").Eq("project_id"),
                Shape.Of("deployments").OuterEq("environment_id").InBlock(1));

            RuleAssert.None(engine.Evaluate(shape), RuleIds.UnboundedRead);
        }

        [Fact]
        public void Delete_without_filter_is_reported_as_a_whole_table_delete()
        {
            var shape = Shape.Statement(StatementKind.Delete, Shape.Of("deployments").Operation(AccessOperation.Delete));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.UnboundedRead);
            Assert.StartsWith("Every row of deployments is deleted", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Unknown_tables_are_checked_as_large()
        {
            Assert.Equal("audit_events", RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("audit_events"))), RuleIds.UnboundedRead).Table);
        }
    }
}
