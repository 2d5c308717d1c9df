using System.Linq;
using Sargable.Core.Tests.Rules;
using Sargable.Registry;

namespace Sargable.Core.Tests.Engine
{
    /// <summary>The deployments queries GitLab and Sentry fixed by hand, through the whole engine: SQL in, findings out.</summary>
    public sealed class DeploymentQueriesTests
    {
        private readonly SargableEngine engine = new(DdlRegistryLoader.Load(DeploymentsSchema.Ddl));

        private System.Collections.Generic.IReadOnlyList<Finding> Check(string sql)
        {
            var verdict = engine.CheckStatement(sql);
            Assert.Null(verdict.ParseError);
            return verdict.Findings;
        }

        [Fact]
        public void GitLabs_name_only_environment_join_ordered_by_iid_is_a_scope_less_lookup()
        {
            var findings = Check("""
                SELECT deployments.* FROM deployments
                INNER JOIN environments ON environments.id = deployments.environment_id
                WHERE deployments.project_id = $1 AND environments.name = $3
                ORDER BY deployments.iid DESC LIMIT 20
                """);

            var finding = RuleAssert.Single(findings, RuleIds.ScopelessLookup);
            Assert.Equal("environments", finding.Table);
            Assert.Equal(new[] { "project_id", "name" }, finding.Columns);
            Assert.Equal(3, finding.Location!.Value.Line);
        }

        [Fact]
        public void GitLabs_fixed_form_with_a_scoped_subquery_and_updated_at_id_order_passes()
        {
            RuleAssert.Clean(Check("""
                SELECT deployments.* FROM deployments
                WHERE deployments.project_id = $1
                  AND deployments.environment_id IN (SELECT environments.id FROM environments WHERE environments.project_id = $1 AND environments.name = $2)
                  AND deployments.updated_at <= $3
                ORDER BY deployments.updated_at ASC, deployments.id ASC LIMIT 20
                """));
        }

        [Fact]
        public void Updated_at_filter_ordered_by_id_is_a_filter_order_mismatch_with_the_fix()
        {
            var finding = RuleAssert.Single(Check("""
                SELECT deployments.* FROM deployments
                WHERE deployments.project_id = $1 AND deployments.environment_id = $2 AND deployments.updated_at <= $3
                ORDER BY deployments.id ASC LIMIT 20
                """), RuleIds.FilterOrderMismatch);

            Assert.Equal(new[] { "updated_at", "id" }, finding.Columns);
            Assert.Contains("order by updated_at, id", finding.Message, System.StringComparison.Ordinal);
            Assert.Equal("index_deployments_on_project_and_env_and_updated_at_id", finding.ClosestIndex);
        }

        [Fact]
        public void Finished_at_window_ordered_by_updated_at_is_reported_and_ordered_by_finished_at_passes()
        {
            var slow = Check("SELECT * FROM deployments WHERE environment_id = $1 AND finished_at >= $2 AND finished_at < $3 ORDER BY updated_at, id LIMIT 100");
            var fast = Check("SELECT * FROM deployments WHERE environment_id = $1 AND finished_at >= $2 AND finished_at < $3 ORDER BY finished_at, id LIMIT 100");

            Assert.Equal("finished_at", RuleAssert.Single(slow, RuleIds.FilterOrderMismatch).Columns[0]);
            RuleAssert.Clean(fast);
        }

        [Fact]
        public void Sentrys_latest_deploys_with_nested_window_functions_reads_only_by_keys()
        {
            var verdict = engine.CheckStatement("""
                SELECT project_id, environment_name, version, date_finished FROM (
                  SELECT rpe.project_id, e.name AS environment_name, r.version, d.finished_at AS date_finished,
                         row_number() OVER (PARTITION BY rpe.project_id, rpe.environment_id ORDER BY d.finished_at DESC NULLS LAST, d.id DESC) AS rn
                  FROM (SELECT *, row_number() OVER (PARTITION BY project_id, environment_id ORDER BY id DESC) AS recent
                        FROM release_project_environments WHERE project_id = ANY ($1)) rpe
                  JOIN deployments d ON d.id = rpe.last_deployment_id
                  JOIN releases r ON r.id = rpe.release_id
                  JOIN environments e ON e.id = rpe.environment_id
                  WHERE rpe.recent <= 10) ranked
                WHERE rn = 1
                """);

            Assert.Null(verdict.ParseError);
            RuleAssert.Clean(verdict.Findings);
            Assert.Equal(new[] { "release_project_environments", "deployments", "releases", "environments" }, verdict.Shape!.Accesses.Select(a => a.Table));
        }

        [Fact]
        public void The_latest_deployment_per_row_through_a_lateral_primary_key_lookup_passes()
        {
            RuleAssert.Clean(Check("""
                SELECT e.id, latest.id FROM environments e
                CROSS JOIN LATERAL (SELECT d.id FROM deployments d WHERE d.environment_id = e.id ORDER BY d.id DESC LIMIT 1) AS latest
                WHERE e.project_id = $1
                """));
        }

        [Fact]
        public void Recursive_namespace_descendants_use_the_parent_index()
        {
            RuleAssert.Clean(Check("""
                WITH RECURSIVE descendants(id) AS (
                    SELECT id FROM namespaces WHERE id = $1
                    UNION ALL
                    SELECT n.id FROM namespaces n JOIN descendants d ON n.parent_id = d.id)
                SELECT p.id, p.name FROM projects p WHERE p.namespace_id IN (SELECT id FROM descendants)
                """));
        }

        [Fact]
        public void A_recursive_walk_without_a_parent_index_is_reported()
        {
            var registry = DdlRegistryLoader.Load(DeploymentsSchema.Ddl.Replace("CREATE INDEX index_namespaces_on_parent_id ON namespaces (parent_id);", string.Empty, System.StringComparison.Ordinal));
            var findings = new SargableEngine(registry).CheckStatement("""
                WITH RECURSIVE descendants(id) AS (
                    SELECT id FROM namespaces WHERE id = $1
                    UNION ALL
                    SELECT n.id FROM namespaces n JOIN descendants d ON n.parent_id = d.id)
                SELECT id FROM descendants
                """).Findings;

            var finding = RuleAssert.Single(findings, RuleIds.NoIndexForFilter);
            Assert.Equal(new[] { "parent_id" }, finding.Columns);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_namespaces_on_parent_id ON namespaces (parent_id)", finding.SuggestedIndex);
        }

        [Fact]
        public void Offset_batching_over_the_whole_table_is_reported_and_keyset_batching_passes()
        {
            RuleAssert.Single(Check("SELECT id FROM deployments ORDER BY id LIMIT 1000 OFFSET $1"), RuleIds.LargeOffset);
            RuleAssert.Clean(Check("SELECT id FROM deployments WHERE id >= $1 ORDER BY id LIMIT 1000"));
        }

        [Fact]
        public void Deleting_every_row_is_reported_and_deleting_by_key_passes()
        {
            RuleAssert.Single(Check("DELETE FROM deployments"), RuleIds.UnboundedRead);
            RuleAssert.Clean(Check("DELETE FROM deployments AS d WHERE d.environment_id = @envId"));
        }

        [Fact]
        public void Suppressed_rules_are_left_out_of_the_verdict()
        {
            RuleAssert.Clean(Check("-- sargable:allow SARG0001 nightly full export\nSELECT * FROM deployments"));
        }

        [Fact]
        public void A_script_is_checked_statement_by_statement_with_positions_in_the_script()
        {
            var verdicts = engine.CheckScript("SELECT 1;\n-- comment; with semicolon\nSELECT * FROM deployments WHERE sha = 'a;b';\nSELECT FROM WHERE (");

            Assert.Equal(3, verdicts.Count);
            Assert.Empty(verdicts[0].Findings);
            var finding = RuleAssert.Single(verdicts[1].Findings, RuleIds.NoIndexForFilter);
            Assert.Equal((3, 33), (finding.Location!.Value.Line, finding.Location.Value.Column));
            Assert.NotNull(verdicts[2].ParseError);
            Assert.Equal(4, verdicts[2].ParseError!.Line);
        }
    }
}
