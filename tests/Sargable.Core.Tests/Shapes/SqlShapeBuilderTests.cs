using System.Linq;
using Sargable.Shapes;
using Sargable.Shapes.Sql;
using Sargable.Sql;

namespace Sargable.Core.Tests.Shapes
{
    public sealed class SqlShapeBuilderTests
    {
        internal static QueryShape Build(string sql) => SqlShapeBuilder.Build(SqlParser.ParseStatement(sql), sql);

        private static TableAccess Access(QueryShape shape, string table) => Assert.Single(shape.Accesses, a => a.Table == table);

        [Fact]
        public void Equality_range_order_and_limit_are_read_from_a_single_table_query()
        {
            var shape = Build("SELECT * FROM deployments d WHERE d.project_id = $1 AND d.updated_at <= $2 ORDER BY d.id DESC LIMIT 20 OFFSET 40");

            var access = Access(shape, "deployments");
            Assert.Equal(StatementKind.Select, shape.Kind);
            Assert.Equal("d", access.Alias);
            Assert.Equal(("project_id", EqualityKind.Value), (access.Equalities.Single().Column, access.Equalities.Single().Kind));
            Assert.Equal(("updated_at", RangeKind.LessOrEqual), (access.Ranges.Single().Column, access.Ranges.Single().Kind));
            Assert.Equal("id DESC", access.OrderBy.Single().ToString());
            Assert.Equal(20, access.Limit!.Value);
            Assert.Equal(40, access.Offset!.Value);
            Assert.Equal(AccessDriver.None, access.Driver);
        }

        [Fact]
        public void Column_locations_point_into_the_source()
        {
            var shape = Build("SELECT id\nFROM deployments\nWHERE  sha = $1");

            var location = Access(shape, "deployments").Equalities.Single().Location!.Value;
            Assert.Equal((3, 8), (location.Line, location.Column));
        }

        [Fact]
        public void Any_array_in_lists_and_is_null_are_equalities()
        {
            var shape = Build("SELECT id FROM deployments AS d WHERE d.id = ANY (@ids) AND d.status IN (1, 2) AND d.finished_at IS NULL AND d.environment_id IN (SELECT e.id FROM environments e WHERE e.project_id = @p)");

            var kinds = Access(shape, "deployments").Equalities.Select(e => (e.Column, e.Kind)).ToList();
            Assert.Equal(new[] { ("id", EqualityKind.List), ("status", EqualityKind.List), ("finished_at", EqualityKind.IsNull), ("environment_id", EqualityKind.Subquery) }, kinds);
            var environments = Access(shape, "environments");
            Assert.NotEqual(Access(shape, "deployments").Block, environments.Block);
            Assert.Equal("project_id", environments.Equalities.Single().Column);
        }

        [Theory]
        [InlineData("lower(d.ref) = $1", UnusableReason.FunctionOnColumn)]
        [InlineData("d.status <> 3", UnusableReason.NotEqual)]
        [InlineData("d.ref LIKE '%main'", UnusableReason.LeadingWildcard)]
        [InlineData("d.ref = $1 OR d.sha = $2", UnusableReason.OrAcrossColumns)]
        [InlineData("d.status NOT IN (1, 2)", UnusableReason.NotEqual)]
        public void Predicates_no_index_can_use_are_recorded_with_a_reason(string predicate, UnusableReason reason)
        {
            var access = Access(Build("SELECT * FROM deployments d WHERE " + predicate), "deployments");

            var unusable = Assert.Single(access.Unusable);
            Assert.Equal(reason, unusable.Reason);
            Assert.Equal(predicate, unusable.Description);
            Assert.Empty(access.Equalities);
        }

        [Theory]
        [InlineData("is_default", "true", ColumnDomain.Boolean)]
        [InlineData("NOT (is_default)", "false", ColumnDomain.Boolean)]
        [InlineData("is_default = false", "false", ColumnDomain.Boolean)]
        [InlineData("is_default IS TRUE", "true", ColumnDomain.Boolean)]
        [InlineData("status = 2", "2", ColumnDomain.Unknown)]
        [InlineData("name = 'x'", "'x'", ColumnDomain.Unknown)]
        [InlineData("status = $1", null, ColumnDomain.Unknown)]
        public void Boolean_tests_and_literal_equalities_keep_the_literal(string predicate, string? literal, ColumnDomain domain)
        {
            var equality = Access(Build("SELECT id FROM sites WHERE " + predicate), "sites").Equalities.Single();

            Assert.Equal((literal, domain), (equality.Literal, equality.Domain));
        }

        [Fact]
        public void Prefix_like_between_and_or_on_one_column_are_index_usable()
        {
            var access = Access(Build("SELECT * FROM deployments d WHERE d.ref LIKE 'release-%' AND d.created_at BETWEEN $1 AND $2 AND (d.status = 1 OR d.status = 2)"), "deployments");

            Assert.Equal(new[] { RangeKind.PrefixLike, RangeKind.Between }, access.Ranges.Select(r => r.Kind));
            Assert.Equal(("status", EqualityKind.List), (access.Equalities.Single().Column, access.Equalities.Single().Kind));
        }

        [Fact]
        public void Inner_join_binds_both_sides_to_each_other()
        {
            var shape = Build("SELECT d.* FROM deployments d INNER JOIN environments e ON e.id = d.environment_id WHERE d.project_id = $1 AND e.name = $2 ORDER BY d.iid DESC LIMIT 20");

            var deployments = Access(shape, "deployments");
            var environments = Access(shape, "environments");
            Assert.Equal(deployments.Block, environments.Block);
            Assert.Equal(AccessDriver.Join, environments.Driver);
            var join = Assert.Single(environments.Equalities, e => e.Kind == EqualityKind.JoinColumn);
            Assert.Equal(("id", deployments.Id, "environment_id"), (join.Column, join.PartnerAccess!.Value, join.PartnerColumn));
            Assert.Contains(deployments.Equalities, e => e.Column == "environment_id" && e.Kind == EqualityKind.JoinColumn && e.PartnerAccess == environments.Id);
            Assert.Equal("iid DESC", deployments.OrderBy.Single().ToString());
            Assert.Empty(environments.OrderBy);
        }

        [Fact]
        public void Left_join_condition_restricts_only_the_nullable_side()
        {
            var shape = Build("SELECT * FROM projects p LEFT JOIN environments e ON e.project_id = p.id AND p.namespace_id = 5");

            Assert.Empty(Access(shape, "projects").Equalities);
            Assert.Equal("project_id", Access(shape, "environments").Equalities.Single().Column);
        }

        [Fact]
        public void Correlated_subquery_binds_the_outer_column_and_exists_stops_at_one_row()
        {
            var shape = Build("SELECT e.id FROM environments e WHERE e.project_id = $1 AND EXISTS (SELECT 1 FROM deployments d WHERE d.environment_id = e.id AND d.sha = $2)");

            var deployments = Access(shape, "deployments");
            Assert.Equal(AccessDriver.Correlated, deployments.Driver);
            Assert.Contains(deployments.Equalities, e => e.Column == "environment_id" && e.Kind == EqualityKind.OuterColumn);
            Assert.True(deployments.Limit!.Implied);
        }

        [Fact]
        public void Simple_derived_tables_are_flattened_so_outer_filter_order_and_limit_reach_the_table()
        {
            var shape = Build("SELECT s.id FROM (SELECT d.id, d.updated_at AS u, d.project_id FROM deployments d WHERE d.environment_id = $2) AS s WHERE s.project_id = $1 ORDER BY s.u, s.id LIMIT 10");

            var access = Access(shape, "deployments");
            Assert.Equal(new[] { "environment_id", "project_id" }, access.Equalities.Select(e => e.Column));
            Assert.Equal(new[] { "updated_at", "id" }, access.OrderBy.Select(o => o.Column));
            Assert.Equal(10, access.Limit!.Value);
        }

        [Fact]
        public void Limited_derived_tables_stay_blocks_of_their_own()
        {
            var shape = Build("SELECT d0.id, e.name FROM (SELECT d.id, d.environment_id, d.iid FROM deployments AS d WHERE d.project_id = @p ORDER BY d.iid DESC LIMIT @p1) AS d0 LEFT JOIN environments AS e ON d0.environment_id = e.id ORDER BY d0.iid DESC");

            var deployments = Access(shape, "deployments");
            Assert.Equal("iid DESC", deployments.OrderBy.Single().ToString());
            Assert.Equal(RowCountKind.Parameter, deployments.Limit!.Kind);
            var environments = Access(shape, "environments");
            var join = environments.Equalities.Single();
            Assert.Equal((EqualityKind.JoinColumn, (int?)null), (join.Kind, join.PartnerAccess));
        }

        [Fact]
        public void Order_by_select_alias_and_ordinal_resolve_to_columns()
        {
            var byAlias = Access(Build("SELECT d.updated_at AS changed FROM deployments d WHERE d.project_id = 1 ORDER BY changed LIMIT 5"), "deployments");
            var byOrdinal = Access(Build("SELECT d.updated_at FROM deployments d WHERE d.project_id = 1 ORDER BY 1 DESC LIMIT 5"), "deployments");

            Assert.Equal("updated_at", byAlias.OrderBy.Single().Column);
            Assert.Equal("updated_at DESC", byOrdinal.OrderBy.Single().ToString());
        }

        [Fact]
        public void Order_by_expression_or_several_tables_is_marked_unresolved()
        {
            var shape = Build("SELECT * FROM deployments d JOIN environments e ON e.id = d.environment_id WHERE d.project_id = 1 ORDER BY e.name, d.id LIMIT 5");

            Assert.Contains(shape.Accesses, a => a.OrderByUnresolved);
            Assert.All(shape.Accesses, a => Assert.Empty(a.OrderBy));
        }

        [Fact]
        public void Aggregates_group_by_distinct_and_windows_mark_the_block()
        {
            Assert.True(Access(Build("SELECT count(*)::int FROM deployments AS d WHERE d.project_id = @p"), "deployments").Aggregated);
            Assert.True(Access(Build("SELECT status, count(*) FROM deployments GROUP BY status"), "deployments").Aggregated);
            Assert.True(Access(Build("SELECT DISTINCT ref FROM deployments WHERE project_id = 1"), "deployments").Aggregated);
            Assert.False(Access(Build("SELECT d.id, (SELECT count(*) FROM environments e WHERE e.project_id = d.project_id) FROM deployments d WHERE d.id = 1"), "deployments").Aggregated);
        }

        [Fact]
        public void Keyset_row_comparison_is_a_range_on_its_leading_column()
        {
            var access = Access(Build("SELECT * FROM deployments WHERE project_id = $1 AND (updated_at, id) > ($2, $3) ORDER BY updated_at, id LIMIT 100"), "deployments");

            Assert.Equal("updated_at", access.Ranges.Single().Column);
        }

        [Fact]
        public void Delete_update_and_insert_select_are_shaped()
        {
            var delete = Build("DELETE FROM deployments AS d WHERE d.environment_id = @envId");
            var update = Build("UPDATE deployments AS d SET status = @p WHERE d.id = @id");
            var insert = Build("INSERT INTO archived_deployments (id) SELECT id FROM deployments WHERE finished_at < $1");

            Assert.Equal((StatementKind.Delete, AccessOperation.Delete), (delete.Kind, Access(delete, "deployments").Operation));
            Assert.Equal((StatementKind.Update, AccessOperation.Update), (update.Kind, Access(update, "deployments").Operation));
            Assert.Equal(StatementKind.Insert, insert.Kind);
            Assert.Equal("finished_at", Access(insert, "deployments").Ranges.Single().Column);
        }

        [Fact]
        public void Recursive_cte_anchor_and_recursive_term_are_separate_blocks()
        {
            var shape = Build("""
                WITH RECURSIVE descendants(id, parent_id, depth) AS (
                    SELECT id, parent_id, 0 FROM namespaces WHERE id = $1
                    UNION ALL
                    SELECT n.id, n.parent_id, d.depth + 1 FROM namespaces n JOIN descendants d ON n.parent_id = d.id)
                SELECT p.* FROM projects p WHERE p.namespace_id IN (SELECT id FROM descendants)
                """);

            var namespaces = shape.Accesses.Where(a => a.Table == "namespaces").ToList();
            Assert.Equal(2, namespaces.Count);
            Assert.Equal("id", namespaces[0].Equalities.Single().Column);
            var recursive = namespaces[1].Equalities.Single();
            Assert.Equal(("parent_id", EqualityKind.JoinColumn, (int?)null), (recursive.Column, recursive.Kind, recursive.PartnerAccess));
            Assert.Equal(EqualityKind.Subquery, Access(shape, "projects").Equalities.Single().Kind);
        }

        [Fact]
        public void Cte_referenced_once_is_inlined()
        {
            var shape = Build("WITH recent AS (SELECT * FROM deployments WHERE project_id = $1) SELECT * FROM recent WHERE environment_id = $2 ORDER BY id LIMIT 10");

            var access = Access(shape, "deployments");
            Assert.Equal(new[] { "project_id", "environment_id" }, access.Equalities.Select(e => e.Column));
            Assert.Equal("id", access.OrderBy.Single().Column);
        }

        [Fact]
        public void Allow_comments_with_a_reason_become_suppressions_and_without_one_do_not()
        {
            var shape = Build("-- nightly report\n-- sargable:allow SARG0003, SARG0007 export reads in batches of 20\nSELECT * FROM deployments ORDER BY updated_at LIMIT 20");
            var noReason = Build("/* sargable:allow SARG0001 */ SELECT * FROM deployments");

            Assert.Equal(new[] { "SARG0003: export reads in batches of 20", "SARG0007: export reads in batches of 20" }, shape.Suppressions.Select(s => s.ToString()));
            Assert.Empty(noReason.Suppressions);
        }

        [Fact]
        public void Ddl_has_no_accesses()
        {
            var shape = Build("CREATE INDEX CONCURRENTLY ix ON deployments (project_id, updated_at)");

            Assert.Equal(StatementKind.Other, shape.Kind);
            Assert.Empty(shape.Accesses);
        }
    }
}
