using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>The SQL EF Core 10 emits with Npgsql 10 and with its SQLite provider.</summary>
    public sealed class EfCoreQueryTests
    {
        [Fact]
        public void Contains_over_a_list_parameter_is_equals_any()
        {
            var select = Parse.Select("SELECT d.id, d.action, d.created_at, d.environment_id FROM deployments AS d WHERE d.id = ANY (@ids)");
            Assert.Equal(new[] { "d.id", "d.action", "d.created_at", "d.environment_id" }, select.Items.Select(i => Names.Of(i.Expression)));
            var table = Assert.IsType<TableReference>(Assert.Single(select.From));
            Assert.Equal(("deployments", "d"), (table.Name.Name.Value, table.Alias!.Name.Value));
            var any = Assert.IsType<QuantifiedComparison>(select.Where);
            Assert.Equal((Quantifier.Any, "d.id", ParameterKind.Named, "ids"), (any.Quantifier, Names.Of(any.Left), ((Parameter)any.Array!).Kind, ((Parameter)any.Array!).Name));
        }

        [Fact]
        public void Count_cast_to_int()
        {
            var select = Parse.Select("SELECT count(*)::int FROM deployments AS d WHERE d.project_id = @projectId");
            var cast = Assert.IsType<CastExpression>(Assert.Single(select.Items).Expression);
            Assert.True(Assert.IsType<FunctionCall>(cast.Operand).IsStar);
            Assert.Equal("integer", cast.DataType.CanonicalName);
            Assert.Equal("@projectId", Names.Of(((BinaryExpression)select.Where!).Right));
        }

        [Fact]
        public void Paging_with_limit_and_offset_parameters()
        {
            var query = Parse.Query("SELECT d.id FROM deployments AS d ORDER BY d.id LIMIT @p3 OFFSET @p");
            Assert.Equal("d.id", Names.Of(Assert.Single(query.OrderBy).Expression));
            Assert.Equal(("@p3", "@p"), (Names.Of(query.Limit!.Count!), Names.Of(query.Offset!)));
        }

        [Fact]
        public void Execute_delete_and_execute_update()
        {
            var delete = Parse.Statement<DeleteStatement>("DELETE FROM deployments AS d WHERE d.environment_id = @envId");
            Assert.Equal("d", delete.Table.Alias!.Name.Value);

            var update = Parse.Statement<UpdateStatement>("UPDATE deployments AS d SET status = @p WHERE d.id = @id");
            Assert.Equal("status", update.Assignments.Single().Columns.Single().Value);
        }

        [Fact]
        public void Any_async_is_select_exists()
        {
            var select = Parse.Select("SELECT EXISTS (SELECT 1 FROM environments AS e WHERE e.project_id = @p AND e.name = @name)");
            var exists = Assert.IsType<ExistsExpression>(Assert.Single(select.Items).Expression);
            var inner = Assert.IsType<SelectCore>(exists.Query.Body);
            Assert.Equal(2, Assert.IsType<LogicalExpression>(inner.Where).Operands.Count);
            Assert.Empty(select.From);
        }

        [Fact]
        public void Include_as_a_left_join()
        {
            var query = Parse.Query(
                "SELECT p.id, p.name, e.id, e.name FROM projects AS p LEFT JOIN environments AS e ON p.id = e.project_id WHERE p.id = @id ORDER BY p.id");
            var join = Assert.IsType<Join>(Assert.Single(query.Select!.From));
            Assert.Equal(JoinKind.Left, join.Kind);
            Assert.Equal(("p", "e"), (((TableReference)join.Left).ExposedName, ((TableReference)join.Right).ExposedName));
        }

        [Fact]
        public void Take_inside_include_nests_a_derived_table_with_its_own_limit()
        {
            var query = Parse.Query(
                "SELECT d0.* FROM (SELECT d.id, d.iid FROM deployments AS d WHERE d.project_id = @p ORDER BY d.iid DESC LIMIT @p1) AS d0 " +
                "LEFT JOIN environments AS e ON d0.environment_id = e.id ORDER BY d0.iid DESC, d0.id");
            Assert.Equal("d0", Assert.IsType<StarExpression>(query.Select!.Items.Single().Expression).Table!.Value);
            var join = Assert.IsType<Join>(query.Select.From.Single());
            var derived = Assert.IsType<DerivedTable>(join.Left);
            Assert.Equal("d0", derived.Alias!.Name.Value);
            Assert.Equal(SortDirection.Descending, derived.Query.OrderBy.Single().Direction);
            Assert.Equal("@p1", Names.Of(derived.Query.Limit!.Count!));
            Assert.Equal(new[] { SortDirection.Descending, SortDirection.Default }, query.OrderBy.Select(o => o.Direction));
        }

        [Fact]
        public void Tag_with_comments_before_the_statement_are_kept()
        {
            var statement = Parse.Statement("-- tag lines\n-- sargable:allow SARG0003 reason text\nSELECT d.id FROM deployments AS d");
            Assert.Equal(new[] { " tag lines", " sargable:allow SARG0003 reason text" }, statement.Comments.Select(c => c.Text));
            Assert.Equal(3, statement.Span.Line);
            Assert.Equal(2, statement.Comments[1].Span.Line);
        }

        [Fact]
        public void Sqlite_contains_uses_json_each()
        {
            var query = Parse.Query(
                "SELECT \"d\".\"Id\" FROM \"Deployments\" AS \"d\" WHERE \"d\".\"Id\" IN (SELECT \"i\".\"value\" FROM json_each(@ids) AS \"i\") LIMIT @p");
            var column = Assert.IsType<ColumnReference>(query.Select!.Items.Single().Expression);
            Assert.Equal(("d", "Id", true), (column.Table!.Value, column.Column.Value, column.Column.IsQuoted));
            Assert.Equal("Deployments", Assert.IsType<TableReference>(query.Select.From.Single()).Name.Name.Value);
            var inSubquery = Assert.IsType<InSubqueryExpression>(query.Select.Where);
            var function = Assert.IsType<FunctionTable>(Assert.IsType<SelectCore>(inSubquery.Query.Body).From.Single());
            Assert.Equal(("json_each", "i"), (function.Function.SimpleName, function.Alias!.Name.Value));
            Assert.Equal("@p", Names.Of(query.Limit!.Count!));
        }

        [Fact]
        public void Sqlite_ef_compare_cast_as_text_and_limit_minus_one()
        {
            var query = Parse.Query(
                "SELECT \"e\".\"Id\" FROM \"Environments\" AS \"e\" WHERE ef_compare(\"e\".\"Name\", @name) > 0 " +
                "AND CAST(\"e\".\"ProjectId\" AS TEXT) = @p ORDER BY \"e\".\"Name\" COLLATE NOCASE LIMIT -1 OFFSET @p0");
            var and = Assert.IsType<LogicalExpression>(query.Select!.Where);
            Assert.Equal("ef_compare", Assert.IsType<FunctionCall>(((BinaryExpression)and.Operands[0]).Left).SimpleName);
            var cast = Assert.IsType<CastExpression>(((BinaryExpression)and.Operands[1]).Left);
            Assert.Equal((CastSyntax.Cast, "text"), (cast.Syntax, cast.DataType.Name));
            Assert.Equal("nocase", Assert.IsType<CollateExpression>(query.OrderBy.Single().Expression).Collation.ToString());
            Assert.Equal("-1", Names.Of(query.Limit!.Count!));
            Assert.Equal("@p0", Names.Of(query.Offset!));
        }

        [Fact]
        public void Sqlite_bracket_and_backtick_identifiers_are_quoted_names()
        {
            var select = Parse.Select("SELECT [d].[Id], `d`.`Sha` FROM [Deployments] AS [d]");
            var first = Assert.IsType<ColumnReference>(select.Items[0].Expression);
            Assert.Equal(("Id", "[Id]", true), (first.Column.Value, first.Column.Text, first.Column.IsQuoted));
            Assert.Equal("Sha", Assert.IsType<ColumnReference>(select.Items[1].Expression).Column.Value);
            Assert.Equal("d", Assert.IsType<TableReference>(select.From.Single()).Alias!.Name.Value);
        }
    }
}
