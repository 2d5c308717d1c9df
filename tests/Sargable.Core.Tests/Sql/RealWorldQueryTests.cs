using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>GitLab's DeploymentsFinder, Sentry's latest deploys and a recursive namespace walk.</summary>
    public sealed class RealWorldQueryTests
    {
        [Fact]
        public void Gitlab_slow_deployments_finder_joins_environments()
        {
            var query = Parse.Query(
                "SELECT deployments.* FROM deployments INNER JOIN environments ON environments.id = deployments.environment_id " +
                "WHERE deployments.project_id = $1 AND environments.name = $3 ORDER BY deployments.iid DESC LIMIT 20");
            var join = Assert.IsType<Join>(query.Select!.From.Single());
            Assert.Equal(JoinKind.Inner, join.Kind);
            var and = Assert.IsType<LogicalExpression>(query.Select.Where);
            var name = Assert.IsType<BinaryExpression>(and.Operands[1]);
            Assert.Equal(("environments.name", 3), (Names.Of(name.Left), ((Parameter)name.Right).Number));
            Assert.True(query.Limit!.Count is Literal { Value: "20" });
            Assert.Equal(SortDirection.Descending, query.OrderBy.Single().Direction);
        }

        [Fact]
        public void Gitlab_fixed_finder_uses_an_in_subquery_and_keyset_order()
        {
            var query = Parse.Query(
                "SELECT deployments.* FROM deployments WHERE deployments.project_id = $1 AND deployments.environment_id IN " +
                "(SELECT environments.id FROM environments WHERE environments.project_id = $1 AND environments.name = $2) " +
                "AND deployments.updated_at <= $3 ORDER BY deployments.updated_at ASC, deployments.id ASC LIMIT 20");
            var and = Assert.IsType<LogicalExpression>(query.Select!.Where);
            Assert.Equal(3, and.Operands.Count);
            var inSubquery = Assert.IsType<InSubqueryExpression>(and.Operands[1]);
            Assert.Equal("deployments.environment_id", Names.Of(inSubquery.Expression));
            Assert.Equal(BinaryOperator.LessThanOrEqual, Assert.IsType<BinaryExpression>(and.Operands[2]).Operator);
            Assert.Equal(new[] { SortDirection.Ascending, SortDirection.Ascending }, query.OrderBy.Select(o => o.Direction));
        }

        [Fact]
        public void Sentry_latest_deploys_nest_window_functions_in_derived_tables()
        {
            var query = Parse.Query(
                "SELECT project_id, environment_name, version, date_finished FROM (SELECT rpe.project_id, e.name AS environment_name, " +
                "r.version, d.finished_at AS date_finished, row_number() OVER (PARTITION BY rpe.project_id, rpe.environment_id " +
                "ORDER BY d.finished_at DESC NULLS LAST, d.id DESC) AS rn FROM (SELECT *, row_number() OVER (PARTITION BY project_id, " +
                "environment_id ORDER BY id DESC) AS recent FROM release_project_environments WHERE project_id = ANY ($1)) rpe " +
                "JOIN deployments d ON d.id = rpe.last_deployment_id JOIN releases r ON r.id = rpe.release_id JOIN environments e " +
                "ON e.id = rpe.environment_id WHERE rpe.recent <= 10) ranked WHERE rn = 1");
            Assert.Equal(new[] { "project_id", "environment_name", "version", "date_finished" }, query.Select!.Items.Select(i => Names.Of(i.Expression)));
            var ranked = Assert.IsType<DerivedTable>(query.Select.From.Single());
            Assert.Equal("ranked", ranked.Alias!.Name.Value);
            var inner = ranked.Query.Select!;
            var rn = inner.Items.Single(i => i.Alias?.Value == "rn");
            var window = Assert.IsType<FunctionCall>(rn.Expression).Over!;
            Assert.Equal(new[] { "rpe.project_id", "rpe.environment_id" }, window.PartitionBy.Select(Names.Of));
            Assert.Equal((SortDirection.Descending, NullsOrder.Last), (window.OrderBy[0].Direction, window.OrderBy[0].Nulls));

            // ((rpe JOIN d) JOIN r) JOIN e
            var joins = Assert.IsType<Join>(inner.From.Single());
            Assert.Equal("e", ((TableReference)joins.Right).ExposedName);
            var rpe = Assert.IsType<DerivedTable>(((Join)((Join)joins.Left).Left).Left);
            Assert.Equal("rpe", rpe.Alias!.Name.Value);
            Assert.IsType<StarExpression>(rpe.Query.Select!.Items[0].Expression);
            Assert.IsType<QuantifiedComparison>(rpe.Query.Select.Where);
        }

        [Fact]
        public void Sentry_lateral_form()
        {
            var select = Parse.Select(
                "SELECT e.id, latest.version FROM environments e CROSS JOIN LATERAL (SELECT r.version FROM deployments d " +
                "JOIN releases r ON r.id = d.release_id WHERE d.environment_id = e.id ORDER BY d.finished_at DESC LIMIT 1) AS latest");
            var join = Assert.IsType<Join>(select.From.Single());
            Assert.Equal(JoinKind.Cross, join.Kind);
            var lateral = Assert.IsType<DerivedTable>(join.Right);
            Assert.True(lateral.IsLateral);
            Assert.Equal("1", Names.Of(lateral.Query.Limit!.Count!));
        }

        [Fact]
        public void Recursive_cte_over_a_namespace_tree()
        {
            var query = Parse.Query(
                "WITH RECURSIVE descendants(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM namespaces WHERE id = $1 " +
                "UNION ALL SELECT n.id, n.parent_id, d.depth + 1 FROM namespaces n JOIN descendants d ON n.parent_id = d.id) " +
                "SELECT p.* FROM projects p WHERE p.namespace_id IN (SELECT id FROM descendants)");
            Assert.True(query.With!.IsRecursive);
            var cte = query.With.Ctes.Single();
            Assert.Equal(new[] { "id", "parent_id", "depth" }, Names.Of(cte.Columns));
            var union = Assert.IsType<SetOperation>(cte.Query!.Body);
            Assert.Equal((SetOperator.Union, SetQuantifier.All), (union.Operator, union.Quantifier));
            var recursive = Assert.IsType<Join>(Assert.IsType<SelectCore>(union.Right).From.Single());
            Assert.Equal("descendants", ((TableReference)recursive.Right).Name.ToString());
            Assert.IsType<InSubqueryExpression>(query.Select!.Where);
        }
    }
}
