namespace Sargable.Core.Tests.Rules
{
    public sealed class ScopelessLookupRuleTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void Environment_by_name_without_project_is_reported_with_the_scope_column()
        {
            var finding = RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("environments").Eq("name"))), RuleIds.ScopelessLookup);

            Assert.Equal(new[] { "project_id", "name" }, finding.Columns);
            Assert.Equal("index_environments_on_project_id_and_name", finding.ClosestIndex);
            Assert.Contains("name is unique only within project_id", finding.Message, System.StringComparison.Ordinal);
            Assert.Null(finding.SuggestedIndex);
        }

        [Fact]
        public void The_scoped_lookup_passes()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("environments").Eq("project_id", "name"))));
        }

        [Fact]
        public void Scope_bound_by_a_join_column_counts_as_scoped()
        {
            var shape = Shape.Select(
                Shape.Of("projects").Eq("id"),
                Shape.Of("environments").JoinEq("project_id", partner: 0).Eq("name"));

            RuleAssert.None(engine.Evaluate(shape), RuleIds.ScopelessLookup);
        }

        [Fact]
        public void Name_filter_on_a_joined_environment_is_reported_even_though_the_join_uses_its_primary_key()
        {
            // GitLab's slow DeploymentsFinder join: INNER JOIN environments ON environments.id = deployments.environment_id WHERE environments.name = $3.
            var shape = Shape.Select(
                Shape.Of("deployments").Eq("project_id").OrderBy("iid").Limit(20),
                Shape.Of("environments").JoinEq("id", partner: 0, partnerColumn: "environment_id").Eq("name"));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.ScopelessLookup);
            Assert.Equal("environments", finding.Table);
        }

        [Fact]
        public void A_row_pinned_by_its_primary_key_needs_no_scope()
        {
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("environments").Eq("id", "name"))), RuleIds.ScopelessLookup);
        }

        [Fact]
        public void Scope_less_lookups_are_not_also_reported_as_missing_index()
        {
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("environments").Eq("name"))), RuleIds.NoIndexForFilter);
        }
    }
}
