namespace Sargable.Core.Tests.Rules
{
    public sealed class NoUniqueTieBreakerRuleTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void Paging_by_a_non_unique_column_is_reported_with_the_key_appended()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id", "environment_id").OrderBy("updated_at", true).Limit(20).Offset(40));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoUniqueTieBreaker);

            Assert.Equal(new[] { "updated_at", "id" }, finding.Columns);
            Assert.Contains("order by updated_at DESC, id DESC", finding.Message, System.StringComparison.Ordinal);
            // (project_id, environment_id, updated_at, id) already serves the fixed order.
            Assert.Null(finding.SuggestedIndex);
        }

        [Fact]
        public void Order_ending_in_a_unique_key_passes()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id", "environment_id").OrderBy("updated_at").OrderBy("id").Limit(20))));
        }

        [Fact]
        public void Equality_bound_scope_plus_order_column_can_form_the_unique_key()
        {
            // project_id = ? ORDER BY iid: (project_id, iid) is unique.
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id").OrderBy("iid").Limit(20))));
        }

        [Fact]
        public void A_single_row_limit_is_not_paging()
        {
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("environment_id").OrderBy("finished_at").Limit(1))), RuleIds.NoUniqueTieBreaker);
        }

        [Fact]
        public void Without_a_limit_nothing_is_paged()
        {
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id").OrderBy("updated_at"))), RuleIds.NoUniqueTieBreaker);
        }
    }
}
