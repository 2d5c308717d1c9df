using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>Statements PostgreSQL accepts that real code writes, and statements it rejects that we must reject too.</summary>
    public sealed class PostgresGrammarTests
    {
        [Theory]
        [InlineData("UPDATE t SET a[2] = 0")]
        [InlineData("UPDATE t SET a[1:2] = '{1,2}'")]
        [InlineData("UPDATE t SET q.c1 = 12 WHERE id = 1")]
        [InlineData("UPDATE t SET doc['a']['b'] = '1'::jsonb")]
        [InlineData("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET a[1] = 0")]
        public void Subscripted_and_field_assignment_targets_parse(string sql)
        {
            var update = Parse.Statement(sql);
            Assert.NotNull(update);
        }

        [Fact]
        public void A_subscripted_assignment_writes_its_column()
        {
            var update = Parse.Statement<UpdateStatement>("UPDATE t SET a[2] = 0, q.c1 = 12");
            Assert.Equal(["a", "q"], update.Assignments.Select(c => c.Columns[0].Value));
        }

        [Fact]
        public void Distinct_with_no_select_list_is_rejected()
        {
            var error = Parse.Error("select distinct from t");
            Assert.Equal("Line 1, column 17: expected a select list after DISTINCT but found 'from'.", error.Message);
        }

        [Fact]
        public void An_empty_select_list_without_distinct_is_accepted()
        {
            Assert.Empty(Parse.Select("SELECT FROM t").Items);
        }

        [Fact]
        public void An_unknown_alter_table_action_is_rejected()
        {
            var error = Parse.Error("ALTER TABLE foo FROBNICATE");
            Assert.Equal("Line 1, column 17: expected an ALTER TABLE action (ADD, DROP, ALTER, RENAME, SET, ...) but found 'FROBNICATE'.", error.Message);
        }

        [Theory]
        [InlineData("ALTER TABLE foo OWNER TO bob")]
        [InlineData("ALTER TABLE foo RENAME COLUMN a TO b")]
        [InlineData("ALTER TABLE foo ENABLE ROW LEVEL SECURITY")]
        [InlineData("ALTER TABLE foo DETACH PARTITION foo_2024")]
        public void Known_alter_table_actions_still_parse(string sql)
        {
            Assert.NotNull(Parse.Statement(sql));
        }
    

        [Fact]
        public void A_cte_body_can_have_its_own_with_in_front_of_a_data_modifying_statement()
        {
            var select = Parse.Statement<SelectStatement>("WITH x AS (WITH y AS (SELECT 1) UPDATE t SET a = 1 FROM y) SELECT 1");
            var update = Assert.IsType<UpdateStatement>(Assert.Single(select.Query.With!.Ctes).Statement);
            Assert.Equal("y", Assert.Single(update.With!.Ctes).Name.Value);
        }

        [Fact]
        public void A_cte_body_can_have_its_own_with_in_front_of_a_select()
        {
            var select = Parse.Statement<SelectStatement>("WITH x AS (WITH y AS (SELECT 1) SELECT * FROM y) SELECT * FROM x");
            Assert.NotNull(Assert.Single(select.Query.With!.Ctes).Query!.With);
        }

        [Theory]
        [InlineData("WITH RECURSIVE s(f, t) AS (SELECT 1, 2 UNION ALL SELECT 2, 3 FROM s) SEARCH DEPTH FIRST BY f, t SET seq SELECT * FROM s ORDER BY seq")]
        [InlineData("WITH RECURSIVE s(f, t) AS (SELECT 1, 2 UNION ALL SELECT 2, 3 FROM s) SEARCH BREADTH FIRST BY f SET seq SELECT * FROM s")]
        [InlineData("WITH RECURSIVE s(f, t) AS (SELECT 1, 2 UNION ALL SELECT 2, 3 FROM s) CYCLE f, t SET is_cycle USING path SELECT * FROM s")]
        [InlineData("WITH RECURSIVE s(f, t) AS (SELECT 1, 2 UNION ALL SELECT 2, 3 FROM s) CYCLE f SET is_cycle TO 'Y' DEFAULT 'N' USING path SELECT * FROM s")]
        [InlineData("WITH RECURSIVE s(f) AS (SELECT 1 UNION ALL SELECT f FROM s) SEARCH DEPTH FIRST BY f SET o CYCLE f SET c TO true DEFAULT false USING p SELECT * FROM s")]
        public void Search_and_cycle_clauses_of_a_recursive_cte_parse(string sql)
        {
            Assert.Single(Parse.Statement<SelectStatement>(sql).Query.With!.Ctes);
        }

        [Fact]
        public void A_search_clause_needs_depth_or_breadth()
        {
            var error = Parse.Error("WITH RECURSIVE s(f) AS (SELECT 1) SEARCH WIDTH FIRST BY f SET o SELECT * FROM s");
            Assert.Equal("Line 1, column 42: expected 'DEPTH' or 'BREADTH' but found 'WIDTH'.", error.Message);
        }

        [Fact]
        public void Table_name_is_read_as_select_star_from_the_table()
        {
            var select = Parse.Select("TABLE ONLY public.deployments");
            Assert.IsType<StarExpression>(Assert.Single(select.Items).Expression);
            var table = Assert.IsType<TableReference>(Assert.Single(select.From));
            Assert.Equal(("public", "deployments", true), (table.Name.Schema!.Value, table.Name.Name.Value, table.IsOnly));
        }

        [Fact]
        public void Table_name_can_be_a_set_operation_operand()
        {
            Assert.IsType<SetOperation>(Parse.Query("SELECT 1 UNION TABLE t").Body);
        }

        [Fact]
        public void Tablesample_marks_the_table_as_sampled()
        {
            Assert.True(Assert.IsType<TableReference>(Parse.From("t TABLESAMPLE SYSTEM (1) REPEATABLE (42)")).IsSampled);
            Assert.False(Assert.IsType<TableReference>(Parse.From("t")).IsSampled);
        }

        [Theory]
        [InlineData("CREATE TABLE t (c text COMPRESSION pglz, d text STORAGE EXTERNAL)")]
        [InlineData("CREATE TABLE t (c text STORAGE MAIN COMPRESSION lz4 NOT NULL)")]
        [InlineData("ALTER TABLE t ADD COLUMN c text COMPRESSION default")]
        public void Column_storage_and_compression_parse(string sql)
        {
            Assert.NotNull(Parse.Statement(sql));
        }

        [Fact]
        public void An_unknown_column_storage_is_rejected()
        {
            var error = Parse.Error("CREATE TABLE t (c text STORAGE FAST)");
            Assert.Equal("Line 1, column 32: expected PLAIN, EXTERNAL, EXTENDED, MAIN or DEFAULT but found 'FAST'.", error.Message);
        }
    

        [Fact]
        public void Operator_syntax_is_a_binary_operator_with_its_symbol()
        {
            var comparison = Assert.IsType<BinaryExpression>(Parse.Where("a OPERATOR(pg_catalog.=) 1"));
            Assert.Equal((BinaryOperator.Equal, "="), (comparison.Operator, comparison.OperatorText));
        }

        [Theory]
        [InlineData("SELECT 1 OPERATOR(pg_catalog.+) 2")]
        [InlineData("SELECT a OPERATOR(+) b OPERATOR(pg_catalog.*) c FROM t")]
        [InlineData("SELECT * FROM t WHERE name OPERATOR(pg_catalog.~~*) 'a%' AND id > 1")]
        public void Operator_syntax_parses(string sql)
        {
            Assert.NotNull(Parse.Statement(sql));
        }

        [Fact]
        public void Operator_syntax_needs_an_operator()
        {
            var error = Parse.Error("SELECT 1 OPERATOR(pg_catalog.foo) 2");
            Assert.Equal("Line 1, column 33: expected '.' but found ')'.", error.Message);
        }

        [Fact]
        public void Substring_similar_escape_is_a_three_argument_substring()
        {
            var call = Assert.IsType<FunctionCall>(Parse.Expression("SUBSTRING(x SIMILAR 'a#\"%#\"' ESCAPE '#')"));
            Assert.Equal(3, call.Arguments.Count);
        }

        [Fact]
        public void Similar_to_still_is_the_pattern_operator()
        {
            Assert.IsType<LikeExpression>(Parse.Where("a SIMILAR TO 'x%'"));
        }

        [Fact]
        public void Rows_from_holds_every_function_call()
        {
            var table = Assert.IsType<FunctionTable>(Parse.From("ROWS FROM (generate_series(1, 3), unnest(array[1, 2]), json_to_record(j) AS (a int, b text)) WITH ORDINALITY AS t(a, b, c, n)"));
            Assert.Equal(3, table.Function.Arguments.Count);
            Assert.True(table.WithOrdinality);
            Assert.Equal("t", table.Alias!.Name.Value);
        }

        [Fact]
        public void A_subquery_inside_rows_from_is_still_walked()
        {
            var from = Parse.From("ROWS FROM (generate_series(1, (SELECT max(id) FROM deployments)))");
            Assert.Contains(CorpusTests.Walk(from), n => n is TableReference { Name.Name.Value: "deployments" });
        }
    

        [Fact]
        public void Where_current_of_names_the_cursor()
        {
            var update = Parse.Statement<UpdateStatement>("UPDATE t SET a = 1 WHERE CURRENT OF c1");
            Assert.Equal("c1", Assert.IsType<CurrentOfExpression>(update.Where).Cursor.Value);
            var delete = Parse.Statement<DeleteStatement>("DELETE FROM t WHERE CURRENT OF c1 RETURNING *");
            Assert.IsType<CurrentOfExpression>(delete.Where);
        }

        [Fact]
        public void Current_of_is_not_an_expression_elsewhere()
        {
            var error = Parse.Error("SELECT * FROM t WHERE CURRENT OF c1");
            Assert.StartsWith("Line 1, column 31: expected end of statement", error.Message, System.StringComparison.Ordinal);
        }
    

        [Theory]
        [InlineData("a IS JSON", "is json", false)]
        [InlineData("a IS NOT JSON", "is json", true)]
        [InlineData("a IS JSON OBJECT WITH UNIQUE KEYS", "is json object", false)]
        [InlineData("a IS NOT JSON ARRAY", "is json array", true)]
        [InlineData("a IS JSON SCALAR", "is json scalar", false)]
        [InlineData("a IS JSON VALUE WITHOUT UNIQUE", "is json value", false)]
        public void Is_json_predicates_test_the_operand(string condition, string test, bool negated)
        {
            var where = Parse.Where(condition);
            var call = Assert.IsType<FunctionCall>(negated ? Assert.IsType<UnaryExpression>(where).Operand : where);
            Assert.Equal(test, call.Name.Name.Value);
            Assert.Equal("a", Names.Of(Assert.Single(call.Arguments)));
        }

        [Fact]
        public void Create_table_as_with_a_column_list_parses()
        {
            Assert.IsType<OtherStatement>(Parse.Statement("CREATE TABLE t (c) AS VALUES (1), (2)"));
            Assert.IsType<OtherStatement>(Parse.Statement("CREATE TABLE t (a, \"b\") AS SELECT 1, 2"));
        }

        [Fact]
        public void A_column_list_without_types_needs_as()
        {
            var error = Parse.Error("CREATE TABLE t (c, d)");
            Assert.Equal("Line 1, column 22: expected 'AS' after a column list without types (CREATE TABLE ... AS) but found end of input.", error.Message);
        }
    

        [Theory]
        [InlineData("SELECT JSON_OBJECT('a' VALUE 1, KEY 'b' VALUE 2 ABSENT ON NULL RETURNING jsonb)", 4)]
        [InlineData("SELECT JSON_OBJECT('a' : 1, 'b' : x FORMAT JSON WITH UNIQUE KEYS) FROM t", 4)]
        [InlineData("SELECT JSON_OBJECT(RETURNING text)", 0)]
        [InlineData("SELECT JSON_ARRAY(1, 2 NULL ON NULL RETURNING text)", 2)]
        [InlineData("SELECT JSON_ARRAYAGG(a ORDER BY a ABSENT ON NULL) FROM t", 1)]
        [InlineData("SELECT JSON_OBJECTAGG(k VALUE v NULL ON NULL WITHOUT UNIQUE) FROM t", 2)]
        public void Sql_json_constructors_keep_their_keys_and_values_as_arguments(string sql, int arguments)
        {
            var call = Assert.IsType<FunctionCall>(Assert.Single(Parse.Select(sql).Items).Expression);
            Assert.Equal(arguments, call.Arguments.Count);
        }

        [Fact]
        public void Key_value_syntax_is_only_for_the_sql_json_constructors()
        {
            var error = Parse.Error("SELECT coalesce('a' VALUE 1)");
            Assert.StartsWith("Line 1, column 21: expected ')'", error.Message, System.StringComparison.Ordinal);
        }
    }
}
