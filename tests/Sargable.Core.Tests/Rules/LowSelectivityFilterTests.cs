using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Rules
{
    /// <summary>SARG0006 on a lone boolean or enumeration filter: a partial index, not an index on the column.</summary>
    public sealed class LowSelectivityFilterTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void A_lone_boolean_filter_on_a_large_table_suggests_a_partial_index_on_the_primary_key()
        {
            var shape = Shape.Select(Shape.Of("deployments").EqLiteral("archived", "true", ColumnDomain.Boolean));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_id_where_archived ON deployments (id) WHERE archived", finding.SuggestedIndex);
            Assert.Equal(new[] { "archived" }, finding.Columns);
            Assert.Contains("partial index on (id) WHERE archived", finding.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("add an index on (archived)", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_negated_boolean_filter_suggests_the_negated_predicate()
        {
            var shape = Shape.Select(Shape.Of("deployments").EqLiteral("archived", "false", ColumnDomain.Boolean));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_id_where_not_archived ON deployments (id) WHERE NOT archived", finding.SuggestedIndex);
        }

        [Fact]
        public void An_enumeration_equal_to_a_literal_suggests_a_partial_index_on_that_value()
        {
            var shape = Shape.Select(Shape.Of("deployments").EqLiteral("status", "2", ColumnDomain.Enumeration));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_id_where_status_2 ON deployments (id) WHERE status = 2", finding.SuggestedIndex);
        }

        [Fact]
        public void An_ordered_boolean_filter_keys_the_partial_index_by_the_order()
        {
            var shape = Shape.Select(Shape.Of("deployments").EqLiteral("archived", "true", ColumnDomain.Boolean).OrderBy("created_at", descending: true));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_created_at_where_archived ON deployments (created_at) WHERE archived", finding.SuggestedIndex);
        }

        [Fact]
        public void A_column_stored_under_another_name_is_named_as_the_database_names_it_in_the_predicate()
        {
            // The analyzers name the property (Status) and say which column it maps to (status).
            var shape = Shape.Select(Shape.Of("deployments").EqLiteral("Status", "'Shipped'", ColumnDomain.Enumeration, storedColumn: "status"));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_id_where_status_shipped ON deployments (id) WHERE status = 'Shipped'", finding.SuggestedIndex);
            Assert.Contains("an index on (status) alone", finding.Message, System.StringComparison.Ordinal);
            Assert.Equal(new[] { "Status" }, finding.Columns);
        }

        [Fact]
        public void A_column_without_another_stored_name_keeps_its_own_name_in_the_predicate()
        {
            var shape = Shape.Select(Shape.Of("deployments").EqLiteral("Status", "'Shipped'", ColumnDomain.Enumeration));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.EndsWith("WHERE \"Status\" = 'Shipped'", finding.SuggestedIndex, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_lone_boolean_filter_on_a_small_table_is_not_reported()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("settings").EqLiteral("enabled", "true", ColumnDomain.Boolean))));
        }

        [Fact]
        public void A_boolean_combined_with_a_selective_column_gets_the_plain_index()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("sha").EqLiteral("archived", "true", ColumnDomain.Boolean));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_sha_and_archived ON deployments (sha, archived)", finding.SuggestedIndex);
        }

        [Fact]
        public void A_literal_on_a_column_of_unknown_type_gets_the_plain_index()
        {
            var shape = Shape.Select(Shape.Of("deployments").EqLiteral("status", "2", ColumnDomain.Unknown));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoIndexForFilter);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_status ON deployments (status)", finding.SuggestedIndex);
        }

        [Fact]
        public void An_existing_partial_index_on_the_boolean_serves_the_filter()
        {
            var registry = new IndexRegistry(new[]
            {
                new RegisteredTable("sites", new[]
                {
                    new IndexDefinition("sites_pkey", new[] { new IndexColumn("id") }, primaryKey: true),
                    new IndexDefinition("index_sites_on_id_where_is_default", new[] { new IndexColumn("id") }, where: "is_default"),
                }),
            });
            var partialEngine = new SargableEngine(registry);

            RuleAssert.Clean(partialEngine.Evaluate(Shape.Select(Shape.Of("sites").EqLiteral("is_default", "true", ColumnDomain.Boolean))));
            RuleAssert.Single(partialEngine.Evaluate(Shape.Select(Shape.Of("sites").EqLiteral("is_active", "true", ColumnDomain.Boolean))), RuleIds.NoIndexForFilter);
        }
    
        [Fact]
        public void The_registry_says_which_columns_are_enumerations_when_the_query_cannot()
        {
            var sites = new RegisteredTable("sites", new[] { new IndexDefinition("sites_pkey", new[] { new IndexColumn("id") }, primaryKey: true) })
            {
                ColumnDomains = new System.Collections.Generic.Dictionary<string, ColumnDomain>(System.StringComparer.OrdinalIgnoreCase) { ["status"] = ColumnDomain.Enumeration },
            };
            var withDomains = new SargableEngine(new IndexRegistry(new[] { sites }));

            var finding = RuleAssert.Single(withDomains.Evaluate(Shape.Select(Shape.Of("sites").EqLiteral("status", "2", ColumnDomain.Unknown))), RuleIds.NoIndexForFilter);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_sites_on_id_where_status_2 ON sites (id) WHERE status = 2", finding.SuggestedIndex);

            // A parameter gives no literal to put in a partial index's predicate.
            var parameter = RuleAssert.Single(withDomains.Evaluate(Shape.Select(Shape.Of("sites").Eq("status"))), RuleIds.NoIndexForFilter);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_sites_on_status ON sites (status)", parameter.SuggestedIndex);
        }
    }
}
