using System.Linq;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Rules
{
    public sealed class FilterOrderMismatchRuleTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void Range_on_updated_at_ordered_by_id_suggests_updated_at_id_order_and_index()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id", "environment_id").Range("updated_at").OrderBy("id").Limit(20));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.FilterOrderMismatch);

            Assert.Equal(new[] { "updated_at", "id" }, finding.Columns);
            Assert.Contains("range on updated_at but ordered by id", finding.Message, System.StringComparison.Ordinal);
            Assert.Contains("order by updated_at, id", finding.Message, System.StringComparison.Ordinal);
            // The index exists already: the fix is the order, so no DDL is suggested.
            Assert.Null(finding.SuggestedIndex);
            Assert.Contains("existing index", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Range_ordered_by_another_column_carries_the_fix_order_on_the_finding()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id", "environment_id").Range("updated_at").OrderBy("id", descending: true).Limit(20));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.FilterOrderMismatch);

            Assert.Equal(new[] { "updated_at DESC", "id DESC" }, finding.SuggestedOrder!.Select(o => o.ToString()));
        }

        [Fact]
        public void Range_ordered_by_another_column_without_a_serving_index_suggests_the_index()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id").Range("created_at").OrderBy("id", descending: true).Limit(20));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.FilterOrderMismatch);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_project_id_and_created_at_and_id ON deployments (project_id, created_at, id)", finding.SuggestedIndex);
            Assert.Contains("order by created_at DESC, id DESC", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Range_ordered_by_the_range_column_and_key_is_served()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id", "environment_id").Range("updated_at").OrderBy("updated_at").OrderBy("id").Limit(20));

            RuleAssert.Clean(engine.Evaluate(shape));
        }

        [Fact]
        public void Descending_order_is_served_by_a_backward_scan()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id", "environment_id").Range("updated_at").OrderBy("updated_at", true).OrderBy("id", true).Limit(20));

            RuleAssert.Clean(engine.Evaluate(shape));
        }

        [Fact]
        public void Mixed_directions_are_not_served_by_a_single_direction_index()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id", "environment_id").Range("updated_at").OrderBy("updated_at", true).OrderBy("id").Limit(20));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.FilterOrderMismatch);
            Assert.EndsWith(" ON deployments (project_id, environment_id, updated_at, id DESC)", finding.SuggestedIndex, System.StringComparison.Ordinal);

            // The GitLab-style name is 72 characters: it is cut to PostgreSQL's 63 with a stable hash suffix.
            var name = finding.SuggestedIndex!.Split(' ')[3];
            Assert.Equal(63, name.Length);
            Assert.StartsWith("index_deployments_on_project_id_and_environment_id_and_", name, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Nulls_last_on_a_descending_order_is_not_served_by_a_plain_index()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("environment_id").OrderBy("finished_at", descending: true, nullsFirst: false).Limit(20));

            RuleAssert.Single(engine.Evaluate(shape), RuleIds.FilterOrderMismatch);
        }

        [Fact]
        public void Equality_prefix_that_skips_an_index_column_before_the_order_column_is_reported()
        {
            // (project_id, environment_id, updated_at, id) cannot deliver updated_at order for one project across environments.
            var shape = Shape.Select(Shape.Of("deployments").Eq("project_id").OrderBy("updated_at").OrderBy("id").Limit(20));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.FilterOrderMismatch);
            Assert.Equal(new[] { "project_id", "updated_at", "id" }, finding.Columns);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_project_id_and_updated_at_and_id ON deployments (project_id, updated_at, id)", finding.SuggestedIndex);
            Assert.Equal("index_deployments_on_project_id_and_iid", finding.ClosestIndex);
        }

        [Fact]
        public void Order_by_iid_within_a_project_is_served_by_the_unique_index()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id").OrderBy("iid", true).Limit(20))));
        }

        [Fact]
        public void Without_a_limit_sorting_the_matches_is_inherent_and_not_reported()
        {
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id").Range("updated_at").OrderBy("id"))), RuleIds.FilterOrderMismatch);
        }

        [Fact]
        public void A_point_lookup_by_a_unique_key_needs_no_order_support()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("project_id", "iid").OrderBy("created_at").Limit(2))));
        }

        [Fact]
        public void Keyset_page_on_the_primary_key_is_served()
        {
            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments").Range("id", Sargable.Shapes.RangeKind.GreaterThan).OrderBy("id").Limit(1000))));
        }

        [Fact]
        public void A_lone_boolean_ordered_and_limited_suggests_a_partial_index_keyed_by_the_order()
        {
            var findings = Sites().CheckStatement("SELECT id, name FROM sites WHERE is_default ORDER BY id LIMIT 1").Findings;

            var finding = RuleAssert.Single(findings, RuleIds.FilterOrderMismatch);
            Assert.Single(findings);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_sites_on_id_where_is_default ON sites (id) WHERE is_default", finding.SuggestedIndex);
            Assert.Equal(new[] { "is_default", "id" }, finding.Columns);
            Assert.Contains("partial index on (id) WHERE is_default", finding.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("(is_default, id)", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_lone_enumeration_literal_ordered_descending_suggests_a_partial_index_on_the_order_column()
        {
            var finding = RuleAssert.Single(Sites().CheckStatement("SELECT id FROM sites WHERE status = 2 ORDER BY created_at DESC LIMIT 20").Findings, RuleIds.FilterOrderMismatch);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_sites_on_created_at_where_status_2 ON sites (created_at) WHERE status = 2", finding.SuggestedIndex);
            Assert.Contains("partial index on (created_at) WHERE status = 2", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_partial_index_on_the_boolean_keyed_by_the_order_serves_the_ordered_limit()
        {
            var served = Sites(new IndexDefinition("index_sites_on_id_where_is_default", new[] { new IndexColumn("id") }, where: "is_default"));

            RuleAssert.Clean(served.CheckStatement("SELECT id FROM sites WHERE is_default ORDER BY id LIMIT 1").Findings);
            RuleAssert.Clean(served.CheckStatement("SELECT id FROM sites WHERE is_default ORDER BY id DESC LIMIT 1").Findings);
        }

        [Fact]
        public void A_partial_index_on_the_boolean_keyed_by_another_column_does_not_serve_the_order()
        {
            var other = Sites(new IndexDefinition("index_sites_on_id_where_is_default", new[] { new IndexColumn("id") }, where: "is_default"));

            var finding = RuleAssert.Single(other.CheckStatement("SELECT id FROM sites WHERE is_default ORDER BY created_at DESC LIMIT 20").Findings, RuleIds.FilterOrderMismatch);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_sites_on_created_at_where_is_default ON sites (created_at) WHERE is_default", finding.SuggestedIndex);
        }

        [Fact]
        public void An_enumeration_compared_with_a_parameter_gets_the_plain_index_on_filter_and_order()
        {
            var finding = RuleAssert.Single(Sites().CheckStatement("SELECT id FROM sites WHERE status = $1 ORDER BY id LIMIT 20").Findings, RuleIds.FilterOrderMismatch);

            Assert.Equal("CREATE INDEX CONCURRENTLY index_sites_on_status_and_id ON sites (status, id)", finding.SuggestedIndex);
            Assert.DoesNotContain("partial index", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_lone_boolean_on_a_small_table_is_not_reported_however_it_is_ordered()
        {
            var small = new SargableEngine(new IndexRegistry(new[] { new RegisteredTable("sites", new[] { SitesKey }, estimatedRows: 12) }));

            RuleAssert.Clean(small.CheckStatement("SELECT id FROM sites WHERE is_default ORDER BY id LIMIT 1").Findings);
        }

        private static readonly IndexDefinition SitesKey = new("sites_pkey", new[] { new IndexColumn("id") }, primaryKey: true);

        /// <summary>A large sites table whose registry marks status as an enumeration (SQL text alone cannot tell).</summary>
        private static SargableEngine Sites(params IndexDefinition[] more)
        {
            var sites = new RegisteredTable("sites", new[] { SitesKey }.Concat(more), estimatedRows: 500_000)
            {
                ColumnDomains = new System.Collections.Generic.Dictionary<string, ColumnDomain>(System.StringComparer.OrdinalIgnoreCase) { ["status"] = ColumnDomain.Enumeration },
            };
            return new SargableEngine(new IndexRegistry(new[] { sites }));
        }
    }
}
