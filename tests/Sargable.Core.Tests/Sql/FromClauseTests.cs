using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class FromClauseTests
    {
        [Fact]
        public void Table_references_with_schema_alias_and_column_aliases()
        {
            var table = Assert.IsType<TableReference>(Parse.From("public.deployments AS d (a, b)"));
            Assert.Equal(("public", "deployments"), (table.Name.Schema!.Value, table.Name.Name.Value));
            Assert.Equal("d", table.Alias!.Name.Value);
            Assert.Equal(new[] { "a", "b" }, Names.Of(table.Alias.Columns));
            Assert.Equal("d", table.ExposedName);
            Assert.False(table.IsOnly);

            var bare = Assert.IsType<TableReference>(Parse.From("deployments d"));
            Assert.Equal("d", bare.Alias!.Name.Value);
            Assert.Equal("deployments", Assert.IsType<TableReference>(Parse.From("deployments")).ExposedName);
            Assert.True(Assert.IsType<TableReference>(Parse.From("ONLY deployments")).IsOnly);
        }

        [Fact]
        public void Derived_tables_with_alias_and_lateral()
        {
            var derived = Assert.IsType<DerivedTable>(Parse.From("(SELECT id FROM t) AS x(ident)"));
            Assert.Equal("x", derived.Alias!.Name.Value);
            Assert.Equal(new[] { "ident" }, Names.Of(derived.Alias.Columns));
            Assert.False(derived.IsLateral);
            Assert.Null(Assert.IsType<DerivedTable>(Parse.From("(SELECT 1)")).Alias);

            var join = Assert.IsType<Join>(Parse.From("environments e CROSS JOIN LATERAL (SELECT 1 FROM d WHERE d.e = e.id LIMIT 1) AS latest"));
            var lateral = Assert.IsType<DerivedTable>(join.Right);
            Assert.True(lateral.IsLateral);
            Assert.Equal("latest", lateral.Alias!.Name.Value);
        }

        [Fact]
        public void Function_tables_with_ordinality_alias_columns_and_types()
        {
            var unnest = Assert.IsType<FunctionTable>(Parse.From("unnest(@ids) WITH ORDINALITY AS t(id, ord)"));
            Assert.Equal("unnest", unnest.Function.SimpleName);
            Assert.True(unnest.WithOrdinality);
            Assert.Equal(new[] { "id", "ord" }, Names.Of(unnest.Alias!.Columns));
            Assert.Empty(unnest.Alias.ColumnTypes);

            var json = Assert.IsType<FunctionTable>(Parse.From("json_each(@p) AS \"i\""));
            Assert.Equal("i", json.Alias!.Name.Value);

            var series = Assert.IsType<FunctionTable>(Parse.From("generate_series(1, 10) s"));
            Assert.Equal(2, series.Function.Arguments.Count);

            var typed = Assert.IsType<FunctionTable>(Parse.From("jsonb_to_recordset(@p) AS r(a integer, b text)"));
            Assert.Equal(new[] { "integer", "text" }, typed.Alias!.ColumnTypes.Select(t => t!.Name));
        }

        [Theory]
        [InlineData("a JOIN b ON true", JoinKind.Inner, false)]
        [InlineData("a INNER JOIN b ON true", JoinKind.Inner, false)]
        [InlineData("a LEFT JOIN b ON true", JoinKind.Left, false)]
        [InlineData("a LEFT OUTER JOIN b ON true", JoinKind.Left, false)]
        [InlineData("a RIGHT JOIN b ON true", JoinKind.Right, false)]
        [InlineData("a RIGHT OUTER JOIN b ON true", JoinKind.Right, false)]
        [InlineData("a FULL JOIN b ON true", JoinKind.Full, false)]
        [InlineData("a FULL OUTER JOIN b ON true", JoinKind.Full, false)]
        [InlineData("a CROSS JOIN b", JoinKind.Cross, false)]
        [InlineData("a NATURAL JOIN b", JoinKind.Inner, true)]
        [InlineData("a NATURAL LEFT JOIN b", JoinKind.Left, true)]
        [InlineData("a NATURAL FULL OUTER JOIN b", JoinKind.Full, true)]
        public void Join_kinds(string from, JoinKind kind, bool natural)
        {
            var join = Assert.IsType<Join>(Parse.From(from));
            Assert.Equal((kind, natural), (join.Kind, join.IsNatural));
            Assert.Equal("a", Assert.IsType<TableReference>(join.Left).ExposedName);
            Assert.Equal("b", Assert.IsType<TableReference>(join.Right).ExposedName);
        }

        [Fact]
        public void Join_conditions_on_or_using()
        {
            var on = Assert.IsType<Join>(Parse.From("projects AS p LEFT JOIN environments AS e ON p.id = e.project_id"));
            var condition = Assert.IsType<BinaryExpression>(on.Condition);
            Assert.Equal(("p.id", "e.project_id"), (Names.Of(condition.Left), Names.Of(condition.Right)));
            Assert.Empty(on.UsingColumns);

            var usingJoin = Assert.IsType<Join>(Parse.From("a JOIN b USING (id, kind) AS j"));
            Assert.Equal(new[] { "id", "kind" }, Names.Of(usingJoin.UsingColumns));
            Assert.Null(usingJoin.Condition);
            Assert.Equal("j", usingJoin.Alias!.Name.Value);
        }

        [Fact]
        public void Join_chains_nest_to_the_left()
        {
            var join = Assert.IsType<Join>(Parse.From("a JOIN b ON x JOIN c ON y LEFT JOIN d ON z"));
            Assert.Equal("d", Assert.IsType<TableReference>(join.Right).ExposedName);
            var middle = Assert.IsType<Join>(join.Left);
            Assert.Equal("c", Assert.IsType<TableReference>(middle.Right).ExposedName);
            Assert.Equal("a", Assert.IsType<TableReference>(Assert.IsType<Join>(middle.Left).Left).ExposedName);
        }

        [Fact]
        public void A_join_whose_right_side_is_a_join_needs_both_conditions()
        {
            var join = Assert.IsType<Join>(Parse.From("a JOIN b JOIN c ON b.id = c.id ON a.id = b.id"));
            Assert.Equal("a.id", Names.Of(((BinaryExpression)join.Condition!).Left));
            var right = Assert.IsType<Join>(join.Right);
            Assert.Equal("b.id", Names.Of(((BinaryExpression)right.Condition!).Left));
        }

        [Fact]
        public void Parenthesized_joins_and_comma_lists()
        {
            var select = Parse.Select("SELECT * FROM a, (b JOIN c ON b.id = c.id), (d JOIN e USING (id)) AS de");
            Assert.Equal(3, select.From.Count);
            Assert.IsType<TableReference>(select.From[0]);
            Assert.Null(Assert.IsType<Join>(select.From[1]).Alias);
            Assert.Equal("de", Assert.IsType<Join>(select.From[2]).Alias!.Name.Value);
        }

        [Fact]
        public void Parentheses_around_a_derived_table_inside_a_join_are_told_apart_from_a_subquery()
        {
            var join = Assert.IsType<Join>(Parse.From("((SELECT id FROM a) x JOIN b ON b.id = x.id)"));
            Assert.Equal("x", Assert.IsType<DerivedTable>(join.Left).Alias!.Name.Value);

            var union = Assert.IsType<DerivedTable>(Parse.From("((SELECT 1) UNION (SELECT 2)) u"));
            Assert.IsType<SetOperation>(union.Query.Body);
            Assert.Equal("u", union.Alias!.Name.Value);
        }

        [Fact]
        public void Bare_aliases_never_swallow_clause_keywords()
        {
            var select = Parse.Select("SELECT * FROM a LEFT JOIN b ON true WHERE x GROUP BY y");
            Assert.IsType<Join>(select.From[0]);
            Assert.Null(Assert.IsType<TableReference>(((Join)select.From[0]).Left).Alias);
            Assert.NotNull(select.Where);
        }
    }
}
