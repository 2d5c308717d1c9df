using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class SelectTests
    {
        [Fact]
        public void Select_items_have_expressions_aliases_and_stars()
        {
            var select = Parse.Select("SELECT *, d.*, d.id AS ident, d.name label, count(*) \"Count\", 1 AS from FROM deployments d");
            var items = select.Items;
            Assert.Empty(Assert.IsType<StarExpression>(items[0].Expression).Qualifier);
            Assert.Equal("d", Assert.IsType<StarExpression>(items[1].Expression).Table!.Value);
            Assert.Equal(new string?[] { null, null, "ident", "label", "Count", "from" }, items.Select(i => i.Alias?.Value));
            Assert.True(items[4].Alias!.IsQuoted);
        }

        [Fact]
        public void Distinct_all_and_distinct_on()
        {
            Assert.Equal(DistinctKind.None, Parse.Select("SELECT a FROM t").Distinct);
            Assert.Equal(DistinctKind.All, Parse.Select("SELECT ALL a FROM t").Distinct);
            Assert.Equal(DistinctKind.Distinct, Parse.Select("SELECT DISTINCT a FROM t").Distinct);
            var on = Parse.Select("SELECT DISTINCT ON (d.environment_id, d.project_id) d.id FROM deployments d");
            Assert.Equal(DistinctKind.DistinctOn, on.Distinct);
            Assert.Equal(new[] { "d.environment_id", "d.project_id" }, on.DistinctOn.Select(Names.Of));
        }

        [Fact]
        public void An_empty_select_list_is_valid_postgres()
        {
            var select = Parse.Select("SELECT FROM t WHERE a = 1");
            Assert.Empty(select.Items);
            Assert.Single(select.From);
        }

        [Fact]
        public void Where_group_by_having_and_window_clauses()
        {
            var select = Parse.Select(
                "SELECT project_id, count(*) FROM deployments WHERE status = 2 GROUP BY project_id, status HAVING count(*) > 1 " +
                "WINDOW w AS (PARTITION BY project_id ORDER BY id), w2 AS (w ROWS 3 PRECEDING)");
            Assert.IsType<BinaryExpression>(select.Where);
            Assert.Equal(new[] { "project_id", "status" }, select.GroupBy.Select(Names.Of));
            Assert.IsType<BinaryExpression>(select.Having);
            Assert.Equal(new[] { "w", "w2" }, select.Windows.Select(w => w.Name.Value));
            Assert.Equal("project_id", Names.Of(Assert.Single(select.Windows[0].Specification.PartitionBy)));
            Assert.Equal("w", select.Windows[1].Specification.ExistingWindow!.Value);
            Assert.Equal(FrameBoundKind.Preceding, select.Windows[1].Specification.Frame!.Start.Kind);
        }

        [Fact]
        public void Grouping_sets_rollup_and_cube_are_parsed()
        {
            var select = Parse.Select("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), ROLLUP (c), CUBE (a, c), ()), d");
            var sets = Assert.IsType<GroupingSet>(select.GroupBy[0]);
            Assert.Equal(GroupingSetKind.GroupingSets, sets.Kind);
            Assert.IsType<RowExpression>(sets.Items[0]);
            Assert.Equal(GroupingSetKind.Rollup, Assert.IsType<GroupingSet>(sets.Items[1]).Kind);
            Assert.Equal(2, Assert.IsType<GroupingSet>(sets.Items[2]).Items.Count);
            Assert.Equal(GroupingSetKind.Empty, Assert.IsType<GroupingSet>(sets.Items[3]).Kind);
            Assert.Equal("d", Names.Of(select.GroupBy[1]));
        }

        [Fact]
        public void Order_by_items_keep_direction_nulls_and_using_operator()
        {
            var query = Parse.Query("SELECT * FROM t ORDER BY a, b ASC, c DESC NULLS LAST, d NULLS FIRST, e USING >");
            var order = query.OrderBy;
            Assert.Equal(
                new[] { SortDirection.Default, SortDirection.Ascending, SortDirection.Descending, SortDirection.Default, SortDirection.Default },
                order.Select(o => o.Direction));
            Assert.Equal(new[] { NullsOrder.Default, NullsOrder.Default, NullsOrder.Last, NullsOrder.First, NullsOrder.Default }, order.Select(o => o.Nulls));
            Assert.Equal(">", order[4].UsingOperator);
            Assert.True(order[4].IsDescending);
            Assert.True(order[2].IsDescending);
            Assert.False(order[1].IsDescending);
        }

        [Fact]
        public void Limit_offset_in_either_order()
        {
            var query = Parse.Query("SELECT d.id FROM deployments AS d ORDER BY d.id LIMIT @p3 OFFSET @p");
            Assert.Equal("@p3", Names.Of(query.Limit!.Count!));
            Assert.False(query.Limit.IsFetch);
            Assert.Equal("@p", Names.Of(query.Offset!));

            var reversed = Parse.Query("SELECT 1 FROM t OFFSET 10 ROWS LIMIT 5");
            Assert.Equal(("5", "10"), (Names.Of(reversed.Limit!.Count!), Names.Of(reversed.Offset!)));

            var all = Parse.Query("SELECT 1 FROM t LIMIT ALL");
            Assert.True(all.Limit!.IsAll);
            Assert.Null(all.Limit.Count);

            var sqlite = Parse.Query("SELECT 1 FROM t LIMIT -1 OFFSET @p");
            Assert.True(Assert.IsType<Literal>(sqlite.Limit!.Count).TryGetInt64(out var minusOne));
            Assert.Equal(-1, minusOne);
        }

        [Fact]
        public void Fetch_first_forms()
        {
            var fetch = Parse.Query("SELECT 1 FROM t OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY");
            Assert.Equal(("10", true, false), (Names.Of(fetch.Limit!.Count!), fetch.Limit.IsFetch, fetch.Limit.WithTies));

            var ties = Parse.Query("SELECT 1 FROM t ORDER BY a FETCH NEXT 3 ROW WITH TIES");
            Assert.True(ties.Limit!.WithTies);

            var one = Parse.Query("SELECT 1 FROM t FETCH FIRST ROW ONLY");
            Assert.Null(one.Limit!.Count);
            Assert.True(one.Limit.IsFetch);
        }

        [Fact]
        public void Locking_clauses()
        {
            var query = Parse.Query("SELECT * FROM a, b FOR UPDATE OF a SKIP LOCKED FOR KEY SHARE OF b NOWAIT FOR SHARE FOR NO KEY UPDATE");
            Assert.Equal(new[] { LockStrength.Update, LockStrength.KeyShare, LockStrength.Share, LockStrength.NoKeyUpdate }, query.Locking.Select(l => l.Strength));
            Assert.Equal(new[] { LockWaitPolicy.SkipLocked, LockWaitPolicy.NoWait, LockWaitPolicy.Wait, LockWaitPolicy.Wait }, query.Locking.Select(l => l.WaitPolicy));
            Assert.Equal("a", query.Locking[0].Tables.Single().ToString());

            var afterLimit = Parse.Query("SELECT * FROM t LIMIT 1 FOR UPDATE");
            Assert.NotNull(afterLimit.Limit);
            Assert.Single(afterLimit.Locking);
        }

        [Fact]
        public void Set_operations_are_left_associative_with_intersect_binding_tighter()
        {
            var query = Parse.Query("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3 INTERSECT DISTINCT SELECT 4 ORDER BY 1 LIMIT 5");
            var except = Assert.IsType<SetOperation>(query.Body);
            Assert.Equal(SetOperator.Except, except.Operator);
            var union = Assert.IsType<SetOperation>(except.Left);
            Assert.Equal((SetOperator.Union, SetQuantifier.All), (union.Operator, union.Quantifier));
            var intersect = Assert.IsType<SetOperation>(except.Right);
            Assert.Equal((SetOperator.Intersect, SetQuantifier.Distinct), (intersect.Operator, intersect.Quantifier));
            Assert.Single(query.OrderBy);
            Assert.NotNull(query.Limit);
            Assert.Null(query.Select);
        }

        [Fact]
        public void Parenthesized_operands_keep_their_own_order_by_and_limit()
        {
            var query = Parse.Query("(SELECT id FROM a ORDER BY id LIMIT 10) UNION (SELECT id FROM b LIMIT 5) LIMIT 12");
            var union = Assert.IsType<SetOperation>(query.Body);
            var left = Assert.IsType<ParenthesizedQuery>(union.Left).Query;
            Assert.Single(left.OrderBy);
            Assert.Equal("10", Names.Of(left.Limit!.Count!));
            Assert.Equal("5", Names.Of(Assert.IsType<ParenthesizedQuery>(union.Right).Query.Limit!.Count!));
            Assert.Equal("12", Names.Of(query.Limit!.Count!));
        }

        [Fact]
        public void A_whole_statement_in_parentheses_is_the_query_itself()
        {
            var query = Parse.Query("((SELECT 1 FROM t))");
            Assert.IsType<SelectCore>(query.Body);
        }

        [Fact]
        public void Values_is_a_query()
        {
            var query = Parse.Query("VALUES (1, 'one'), (2, DEFAULT) ORDER BY 1 DESC");
            var values = Assert.IsType<ValuesQuery>(query.Body);
            Assert.Equal(2, values.Rows.Count);
            Assert.IsType<DefaultValue>(values.Rows[1][1]);
            Assert.Single(query.OrderBy);
        }

        [Fact]
        public void With_clauses_hold_recursive_materialized_and_data_modifying_ctes()
        {
            var query = Parse.Query(
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10), " +
                "m AS MATERIALIZED (SELECT 2), nm AS NOT MATERIALIZED (SELECT 3), " +
                "gone AS (DELETE FROM x WHERE y RETURNING *) SELECT * FROM t");
            var with = query.With!;
            Assert.True(with.IsRecursive);
            Assert.Equal(new[] { "t", "m", "nm", "gone" }, with.Ctes.Select(c => c.Name.Value));
            Assert.Equal(new[] { "n" }, Names.Of(with.Ctes[0].Columns));
            Assert.Equal(SetOperator.Union, Assert.IsType<SetOperation>(with.Ctes[0].Query!.Body).Operator);
            Assert.Equal(
                new[] { CteMaterialization.Default, CteMaterialization.Materialized, CteMaterialization.NotMaterialized, CteMaterialization.Default },
                with.Ctes.Select(c => c.Materialization));
            Assert.IsType<DeleteStatement>(with.Ctes[3].Statement);
            Assert.Null(with.Ctes[3].Query);
        }

        [Fact]
        public void Subqueries_nest_with_their_own_clauses()
        {
            var select = Parse.Select("SELECT (SELECT max(id) FROM (SELECT id FROM t ORDER BY id LIMIT 3) s) AS m");
            var scalar = Assert.IsType<SubqueryExpression>(select.Items[0].Expression);
            var derived = Assert.IsType<DerivedTable>(Assert.IsType<SelectCore>(scalar.Query.Body).From[0]);
            Assert.Equal("3", Names.Of(derived.Query.Limit!.Count!));
            Assert.Equal("s", derived.Alias!.Name.Value);
        }
    }
}
