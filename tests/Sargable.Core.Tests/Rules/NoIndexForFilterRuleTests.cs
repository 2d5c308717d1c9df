using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Rules
{
    public sealed class NoIndexForFilterRuleTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void Filter_on_an_unindexed_column_is_reported_with_the_index_to_add()
        {
            var finding = RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("sha"))), RuleIds.NoIndexForFilter);

            Assert.Equal(new[] { "sha" }, finding.Columns);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_sha ON deployments (sha)", finding.SuggestedIndex);
            Assert.Contains("No index on deployments starts with the filtered column sha", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_leading_index_column_serves_the_filter()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id").Eq("sha"))));
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments").EqList("id"))));
        }

        [Fact]
        public void A_range_on_a_trailing_index_column_alone_is_not_served()
        {
            var finding = RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("deployments").Range("updated_at"))), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_updated_at ON deployments (updated_at)", finding.SuggestedIndex);
        }

        [Fact]
        public void A_function_on_the_column_is_explained()
        {
            var shape = Shape.Select(Shape.Of("deployments").Unusable(UnusableReason.FunctionOnColumn, "ref", "lower(ref) = ..."));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);
            Assert.Contains("filtered only by lower(ref) = ...", finding.Message, System.StringComparison.Ordinal);
            Assert.Contains("expression index", finding.Message, System.StringComparison.Ordinal);
            Assert.Null(finding.SuggestedIndex);
        }

        [Fact]
        public void Small_and_unknown_tables_are_not_reported()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("settings").Eq("key"))));
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("audit_events").Eq("key"))));
        }

        [Fact]
        public void An_unindexed_join_column_on_the_inner_side_is_reported()
        {
            var shape = Shape.Select(
                Shape.Of("projects").Eq("id"),
                Shape.Of("environments").JoinEq("name", partner: 0, partnerColumn: "name"));

            Assert.Equal("environments", RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter).Table);
        }

        [Fact]
        public void A_partial_index_is_used_only_when_the_query_restricts_its_predicate_columns()
        {
            var registry = new IndexRegistry(new[]
            {
                new RegisteredTable("deployments", new[]
                {
                    new IndexDefinition("ix_running", new[] { new IndexColumn("environment_id") }, where: "status = 1"),
                }),
            });
            var partialEngine = new SargableEngine(registry);

            RuleAssert.Single(partialEngine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("environment_id"))), RuleIds.NoIndexForFilter);
            RuleAssert.Clean(partialEngine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("environment_id", "status"))));
        }
    }
}
