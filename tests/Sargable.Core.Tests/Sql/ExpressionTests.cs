using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class ExpressionTests
    {
        [Fact]
        public void Or_binds_looser_than_and_which_binds_looser_than_not_which_binds_looser_than_comparison()
        {
            var or = Assert.IsType<LogicalExpression>(Parse.Expression("a OR b AND NOT c = 1"));
            Assert.Equal(LogicalOperator.Or, or.Operator);
            Assert.Equal("a", Names.Of(or.Operands[0]));
            var and = Assert.IsType<LogicalExpression>(or.Operands[1]);
            Assert.Equal(LogicalOperator.And, and.Operator);
            Assert.Equal("b", Names.Of(and.Operands[0]));
            var not = Assert.IsType<UnaryExpression>(and.Operands[1]);
            Assert.Equal(UnaryOperator.Not, not.Operator);
            var equal = Assert.IsType<BinaryExpression>(not.Operand);
            Assert.Equal(BinaryOperator.Equal, equal.Operator);
            Assert.Equal("c", Names.Of(equal.Left));
            Assert.Equal("1", Names.Of(equal.Right));
        }

        [Fact]
        public void And_chains_are_flattened_into_one_node_in_source_order()
        {
            var and = Assert.IsType<LogicalExpression>(Parse.Where("a = 1 AND b = 2 AND (c = 3 AND d = 4) AND e = 5"));
            Assert.Equal(5, and.Operands.Count);
            Assert.Equal(new[] { "a", "b", "c", "d", "e" }, and.Operands.Select(o => Names.Of(((BinaryExpression)o).Left)));
        }

        [Fact]
        public void Parentheses_override_precedence()
        {
            var and = Assert.IsType<LogicalExpression>(Parse.Where("(a = 1 OR b = 2) AND c = 3"));
            Assert.Equal(LogicalOperator.And, and.Operator);
            Assert.Equal(LogicalOperator.Or, Assert.IsType<LogicalExpression>(and.Operands[0]).Operator);
        }

        [Theory]
        [InlineData("a + b * c", "(a + (b * c))")]
        [InlineData("a * b + c", "((a * b) + c)")]
        [InlineData("a - b - c", "((a - b) - c)")]
        [InlineData("a ^ b * c", "((a ^ b) * c)")]
        [InlineData("-a ^ 2", "((-a) ^ 2)")]
        [InlineData("a || b + c", "(a || (b + c))")]
        [InlineData("a -> 'k' = b", "((a -> 'k') = b)")]
        [InlineData("a = b || c", "(a = (b || c))")]
        [InlineData("a + b < c * d", "((a + b) < (c * d))")]
        [InlineData("a + b::int", "(a + (b :: int))")]
        [InlineData("-a::int", "(-(a :: int))")]
        [InlineData("~ a + b", "(~(a + b))")]
        [InlineData("a LIKE b || c", "(a LIKE (b || c))")]
        [InlineData("a = b LIKE c", "(a = (b LIKE c))")]
        [InlineData("a IS NULL = b", "((a IS NULL) = b)")]
        [InlineData("a = b IS NULL", "((a = b) IS NULL)")]
        [InlineData("NOT a IS NULL", "(NOT (a IS NULL))")]
        [InlineData("NOT a IN (1)", "(NOT (a IN 1))")]
        [InlineData("a BETWEEN 1 AND 2 AND b", "((a BETWEEN 1 AND 2) AND b)")]
        [InlineData("a BETWEEN b + 1 AND c * 2", "(a BETWEEN (b + 1) AND (c * 2))")]
        [InlineData("a AT TIME ZONE 'UTC' + b", "((a AT TIME ZONE 'UTC') + b)")]
        [InlineData("a COLLATE \"C\" || b", "((a COLLATE C) || b)")]
        public void Operators_follow_postgres_precedence_and_associativity(string expression, string tree)
        {
            Assert.Equal(tree, Tree.Of(Parse.Expression(expression)));
        }

        [Fact]
        public void Binary_operators_expose_an_enum_and_the_raw_text()
        {
            var ne = Assert.IsType<BinaryExpression>(Parse.Expression("a != b"));
            Assert.Equal((BinaryOperator.NotEqual, "!="), (ne.Operator, ne.OperatorText));
            Assert.True(ne.IsComparison);
            var other = Assert.IsType<BinaryExpression>(Parse.Expression("a <-> b"));
            Assert.Equal((BinaryOperator.Other, "<->"), (other.Operator, other.OperatorText));
            Assert.False(other.IsComparison);
        }

        [Theory]
        [InlineData("data -> 'k'", BinaryOperator.JsonGet)]
        [InlineData("data ->> 'k'", BinaryOperator.JsonGetText)]
        [InlineData("data #> '{a}'", BinaryOperator.JsonGetPath)]
        [InlineData("data #>> '{a}'", BinaryOperator.JsonGetPathText)]
        [InlineData("tags @> $1", BinaryOperator.Contains)]
        [InlineData("tags <@ $1", BinaryOperator.ContainedBy)]
        [InlineData("tags && $1", BinaryOperator.Overlap)]
        [InlineData("data ? 'k'", BinaryOperator.JsonHasKey)]
        [InlineData("data ?| $1", BinaryOperator.JsonHasAnyKey)]
        [InlineData("data ?& $1", BinaryOperator.JsonHasAllKeys)]
        [InlineData("a & 1", BinaryOperator.BitwiseAnd)]
        [InlineData("a | 1", BinaryOperator.BitwiseOr)]
        [InlineData("a # 1", BinaryOperator.BitwiseXor)]
        [InlineData("a << 1", BinaryOperator.ShiftLeft)]
        [InlineData("a >> 1", BinaryOperator.ShiftRight)]
        [InlineData("a ~ 'x'", BinaryOperator.RegexMatch)]
        [InlineData("a ~* 'x'", BinaryOperator.RegexMatchIgnoreCase)]
        [InlineData("a !~ 'x'", BinaryOperator.RegexNotMatch)]
        [InlineData("doc @@ q", BinaryOperator.TextSearchMatch)]
        [InlineData("a % 2", BinaryOperator.Modulo)]
        [InlineData("(a, b) OVERLAPS (c, d)", BinaryOperator.PeriodOverlaps)]
        public void Other_operators_are_binary_expressions(string expression, BinaryOperator op)
        {
            Assert.Equal(op, Assert.IsType<BinaryExpression>(Parse.Expression(expression)).Operator);
        }

        [Fact]
        public void Question_mark_is_a_placeholder_in_operand_position_and_jsonb_operator_between_operands()
        {
            var and = Assert.IsType<LogicalExpression>(Parse.Where("a = ? AND data ? 'k' AND b = ?"));
            var first = Assert.IsType<Parameter>(Assert.IsType<BinaryExpression>(and.Operands[0]).Right);
            Assert.Equal((ParameterKind.QuestionMark, 1), (first.Kind, first.Number));
            Assert.Equal(BinaryOperator.JsonHasKey, Assert.IsType<BinaryExpression>(and.Operands[1]).Operator);
            Assert.Equal(2, Assert.IsType<Parameter>(Assert.IsType<BinaryExpression>(and.Operands[2]).Right).Number);
        }

        [Theory]
        [InlineData("@projectId", ParameterKind.Named, "projectId", 0)]
        [InlineData("$3", ParameterKind.Positional, null, 3)]
        [InlineData(":name", ParameterKind.Colon, "name", 0)]
        [InlineData("?", ParameterKind.QuestionMark, null, 1)]
        public void Parameters_keep_kind_name_and_number(string text, ParameterKind kind, string? name, int number)
        {
            var parameter = Assert.IsType<Parameter>(Parse.Where("x = " + text) is BinaryExpression b ? b.Right : null);
            Assert.Equal((kind, name, number, text), (parameter.Kind, parameter.Name, parameter.Number, parameter.Text));
        }

        [Fact]
        public void Cast_with_double_colon_is_not_a_colon_placeholder()
        {
            var cast = Assert.IsType<CastExpression>(Parse.Expression("@p::int"));
            Assert.Equal(CastSyntax.DoubleColon, cast.Syntax);
            Assert.Equal("@p", Names.Of(cast.Operand));
            Assert.Equal("int", cast.DataType.Name);
            Assert.Equal("integer", cast.DataType.CanonicalName);
        }

        [Theory]
        [InlineData("42", LiteralKind.Integer, "42")]
        [InlineData("1_000", LiteralKind.Integer, "1000")]
        [InlineData("0x1F", LiteralKind.Integer, "31")]
        [InlineData("0o17", LiteralKind.Integer, "15")]
        [InlineData("0b1_01", LiteralKind.Integer, "5")]
        [InlineData("-0xFF", LiteralKind.Integer, "-255")]
        [InlineData("0xFFFFFFFFFFFFFFFFFF", LiteralKind.Integer, "0xFFFFFFFFFFFFFFFFFF")]
        [InlineData("-7", LiteralKind.Integer, "-7")]
        [InlineData("3.25", LiteralKind.Numeric, "3.25")]
        [InlineData("1e3", LiteralKind.Numeric, "1e3")]
        [InlineData("'it''s'", LiteralKind.String, "it's")]
        [InlineData("E'a\\tb\\n\\x41\\101\\u00e9\\U0001F600\\q'", LiteralKind.EscapeString, "a\tb\nAA\u00e9\U0001F600q")]
        [InlineData("U&'d\\0061t\\+000061\\\\'", LiteralKind.UnicodeString, "data\\")]
        [InlineData("$$it's$$", LiteralKind.DollarString, "it's")]
        [InlineData("$fn$a$$b$fn$", LiteralKind.DollarString, "a$$b")]
        [InlineData("B'0101'", LiteralKind.BitString, "0101")]
        [InlineData("X'1F'", LiteralKind.HexString, "1F")]
        [InlineData("N'n'", LiteralKind.NationalString, "n")]
        [InlineData("TRUE", LiteralKind.Boolean, "true")]
        [InlineData("false", LiteralKind.Boolean, "false")]
        [InlineData("NULL", LiteralKind.Null, null)]
        public void Literals_keep_kind_text_and_decoded_value(string text, LiteralKind kind, string? value)
        {
            var literal = Assert.IsType<Literal>(Parse.Expression(text));
            Assert.Equal((kind, text, value), (literal.Kind, literal.Text, literal.Value));
        }

        [Fact]
        public void String_literals_separated_by_a_newline_are_one_literal()
        {
            const string Sql = "SELECT 'deploy''s '\n  'log'\n''";
            var literal = Assert.IsType<Literal>(Assert.Single(Parse.Select(Sql).Items).Expression);
            Assert.Equal("deploy's log", literal.Value);
            Assert.Equal("'deploy''s '\n  'log'\n''", literal.Text);
            Assert.Equal(literal.Text, literal.Span.GetText(Sql));

            Parse.Error("SELECT 'a' 'b'");
            Parse.Error("SELECT 'a' /* c */\n'b'");
        }

        [Fact]
        public void Integer_literals_convert_to_int64()
        {
            Assert.True(Assert.IsType<Literal>(Parse.Expression("-20")).TryGetInt64(out var value));
            Assert.Equal(-20, value);
            Assert.False(Assert.IsType<Literal>(Parse.Expression("99999999999999999999")).TryGetInt64(out _));
            Assert.False(Assert.IsType<Literal>(Parse.Expression("'1'")).TryGetInt64(out _));
        }

        [Theory]
        [InlineData("DATE '2024-01-01'", "date", "2024-01-01")]
        [InlineData("timestamp '2024-01-01 10:00'", "timestamp", "2024-01-01 10:00")]
        [InlineData("timestamp with time zone '2024-01-01'", "timestamp with time zone", "2024-01-01")]
        [InlineData("TIME(3) WITHOUT TIME ZONE '10:00'", "time without time zone", "10:00")]
        [InlineData("interval '1 day'", "interval", "1 day")]
        [InlineData("INTERVAL '2' HOUR", "interval hour", "2")]
        [InlineData("double precision '1.5'", "double precision", "1.5")]
        [InlineData("character varying(3) 'abc'", "character varying", "abc")]
        [InlineData("uuid '00000000-0000-0000-0000-000000000000'", "uuid", "00000000-0000-0000-0000-000000000000")]
        public void Typed_literals_are_casts_of_string_literals(string text, string type, string value)
        {
            var cast = Assert.IsType<CastExpression>(Parse.Expression(text));
            Assert.Equal(CastSyntax.TypedLiteral, cast.Syntax);
            Assert.Equal(type, cast.DataType.Name);
            Assert.Equal(value, Assert.IsType<Literal>(cast.Operand).Value);
        }

        [Theory]
        [InlineData("CAST(x AS bigint)", "bigint", 0, 0)]
        [InlineData("CAST(x AS TEXT)", "text", 0, 0)]
        [InlineData("x::character varying(20)", "character varying", 1, 0)]
        [InlineData("x::numeric(10,2)", "numeric", 2, 0)]
        [InlineData("x::timestamp(3) with time zone", "timestamp with time zone", 1, 0)]
        [InlineData("x::double precision", "double precision", 0, 0)]
        [InlineData("x::text[]", "text", 0, 1)]
        [InlineData("x::int[][]", "int", 0, 2)]
        [InlineData("x::integer ARRAY", "integer", 0, 1)]
        [InlineData("x::pg_catalog.int4", "pg_catalog.int4", 0, 0)]
        [InlineData("x::\"char\"", "char", 0, 0)]
        [InlineData("x::interval day to second", "interval day to second", 0, 0)]
        public void Types_in_casts_keep_name_modifiers_and_array_dimensions(string text, string name, int modifiers, int dimensions)
        {
            var cast = Assert.IsType<CastExpression>(Parse.Expression(text));
            Assert.Equal(name, cast.DataType.Name);
            Assert.Equal(modifiers, cast.DataType.Modifiers.Count);
            Assert.Equal(dimensions, cast.DataType.ArrayDimensions);
        }

        [Theory]
        [InlineData("int4", "integer")]
        [InlineData("varchar(10)", "character varying")]
        [InlineData("timestamptz", "timestamp with time zone")]
        [InlineData("timestamp", "timestamp without time zone")]
        [InlineData("pg_catalog.int8", "bigint")]
        [InlineData("decimal(5)", "numeric")]
        [InlineData("citext", "citext")]
        public void Canonical_type_names_map_postgres_aliases(string type, string canonical)
        {
            Assert.Equal(canonical, Assert.IsType<CastExpression>(Parse.Expression("x::" + type)).DataType.CanonicalName);
        }

        [Fact]
        public void Is_predicates_have_their_own_nodes()
        {
            var and = Assert.IsType<LogicalExpression>(Parse.Where(
                "a IS NULL AND b IS NOT NULL AND c ISNULL AND d NOTNULL AND e IS TRUE AND f IS NOT FALSE AND g IS UNKNOWN " +
                "AND h IS DISTINCT FROM i AND j IS NOT DISTINCT FROM k"));
            var o = and.Operands;
            Assert.False(Assert.IsType<IsNullExpression>(o[0]).IsNegated);
            Assert.True(Assert.IsType<IsNullExpression>(o[1]).IsNegated);
            Assert.False(Assert.IsType<IsNullExpression>(o[2]).IsNegated);
            Assert.True(Assert.IsType<IsNullExpression>(o[3]).IsNegated);
            Assert.Equal((false, (bool?)true), (Assert.IsType<IsBooleanExpression>(o[4]).IsNegated, ((IsBooleanExpression)o[4]).Value));
            Assert.Equal((true, (bool?)false), (Assert.IsType<IsBooleanExpression>(o[5]).IsNegated, ((IsBooleanExpression)o[5]).Value));
            Assert.Null(Assert.IsType<IsBooleanExpression>(o[6]).Value);
            var distinct = Assert.IsType<IsDistinctFromExpression>(o[7]);
            Assert.Equal(("h", false, "i"), (Names.Of(distinct.Left), distinct.IsNegated, Names.Of(distinct.Right)));
            Assert.True(Assert.IsType<IsDistinctFromExpression>(o[8]).IsNegated);
        }

        [Fact]
        public void Sqlite_is_comparison_is_null_safe_equality()
        {
            var same = Assert.IsType<IsDistinctFromExpression>(Parse.Where("\"a\" IS @p"));
            Assert.True(same.IsNegated);
            Assert.False(Assert.IsType<IsDistinctFromExpression>(Parse.Where("a IS NOT b")).IsNegated);
        }

        [Fact]
        public void Between_like_and_similar_keep_their_options()
        {
            var between = Assert.IsType<BetweenExpression>(Parse.Where("a NOT BETWEEN SYMMETRIC 10 AND 1"));
            Assert.Equal((true, true, "10", "1"), (between.IsNegated, between.IsSymmetric, Names.Of(between.Low), Names.Of(between.High)));

            var like = Assert.IsType<LikeExpression>(Parse.Where("name NOT ILIKE @p ESCAPE '!'"));
            Assert.Equal((LikeKind.ILike, true, "@p"), (like.Kind, like.IsNegated, Names.Of(like.Pattern)));
            Assert.Equal("!", Assert.IsType<Literal>(like.Escape).Value);

            var similar = Assert.IsType<LikeExpression>(Parse.Where("name SIMILAR TO '(a|b)%'"));
            Assert.Equal((LikeKind.SimilarTo, false), (similar.Kind, similar.IsNegated));
            Assert.Null(similar.Escape);
        }

        [Fact]
        public void In_takes_a_list_or_a_subquery()
        {
            var list = Assert.IsType<InListExpression>(Parse.Where("status IN (1, 2, @p)"));
            Assert.Equal(new[] { "1", "2", "@p" }, list.Items.Select(Names.Of));
            Assert.False(list.IsNegated);

            var subquery = Assert.IsType<InSubqueryExpression>(Parse.Where("environment_id NOT IN (SELECT id FROM environments)"));
            Assert.True(subquery.IsNegated);
            Assert.Equal("environments", Assert.IsType<TableReference>(Assert.IsType<SelectCore>(subquery.Query.Body).From[0]).Name.ToString());

            var values = Assert.IsType<InSubqueryExpression>(Parse.Where("id IN (VALUES (1), (2))"));
            Assert.Equal(2, Assert.IsType<ValuesQuery>(values.Query.Body).Rows.Count);

            var row = Assert.IsType<InSubqueryExpression>(Parse.Where("(a, b) IN (SELECT x, y FROM u)"));
            Assert.Equal(2, Assert.IsType<RowExpression>(row.Expression).Items.Count);
        }

        [Fact]
        public void Any_and_all_take_an_array_or_a_subquery()
        {
            var any = Assert.IsType<QuantifiedComparison>(Parse.Where("d.id = ANY (@ids)"));
            Assert.Equal((BinaryOperator.Equal, Quantifier.Any), (any.Operator, any.Quantifier));
            Assert.Equal("d.id", Names.Of(any.Left));
            Assert.Equal("@ids", Names.Of(any.Array!));
            Assert.Null(any.Query);

            var all = Assert.IsType<QuantifiedComparison>(Parse.Where("x <> ALL (SELECT y FROM u)"));
            Assert.Equal((BinaryOperator.NotEqual, Quantifier.All), (all.Operator, all.Quantifier));
            Assert.NotNull(all.Query);
            Assert.Null(all.Array);

            var some = Assert.IsType<QuantifiedComparison>(Parse.Where("x > SOME (ARRAY[1, 2])"));
            Assert.Equal(Quantifier.Some, some.Quantifier);
            Assert.IsType<ArrayExpression>(some.Array);

            var like = Assert.IsType<QuantifiedComparison>(Parse.Where("name NOT LIKE ANY ($1)"));
            Assert.Equal((BinaryOperator.Other, "NOT LIKE"), (like.Operator, like.OperatorText));

            var cast = Assert.IsType<QuantifiedComparison>(Parse.Where("project_id = ANY ($1::bigint[])"));
            Assert.Equal(1, Assert.IsType<CastExpression>(cast.Array).DataType.ArrayDimensions);
        }

        [Fact]
        public void Exists_and_scalar_subqueries()
        {
            var exists = Assert.IsType<ExistsExpression>(Parse.Expression("EXISTS (SELECT 1 FROM environments AS e WHERE e.project_id = @p)"));
            Assert.NotNull(Assert.IsType<SelectCore>(exists.Query.Body).Where);

            var notExists = Assert.IsType<UnaryExpression>(Parse.Where("NOT EXISTS (SELECT 1)"));
            Assert.IsType<ExistsExpression>(notExists.Operand);

            var comparison = Assert.IsType<BinaryExpression>(Parse.Where("(SELECT max(v) FROM u) > 3"));
            Assert.IsType<SubqueryExpression>(comparison.Left);
        }

        [Fact]
        public void Parenthesized_queries_inside_expressions_are_not_confused_with_set_operations()
        {
            var sum = Assert.IsType<BinaryExpression>(Parse.Expression("((SELECT 1) + 1)"));
            Assert.Equal(BinaryOperator.Add, sum.Operator);
            Assert.IsType<SelectCore>(Assert.IsType<SubqueryExpression>(sum.Left).Query.Body);

            var union = Assert.IsType<SubqueryExpression>(Parse.Expression("((SELECT 1) UNION (SELECT 2))"));
            Assert.Equal(SetOperator.Union, Assert.IsType<SetOperation>(union.Query.Body).Operator);

            var redundant = Assert.IsType<SubqueryExpression>(Parse.Expression("(((SELECT 1)))"));
            Assert.IsType<SelectCore>(redundant.Query.Body);

            var row = Assert.IsType<RowExpression>(Parse.Expression("((SELECT 1), 2)"));
            Assert.IsType<SubqueryExpression>(row.Items[0]);
        }

        [Fact]
        public void Arrays_rows_subscripts_and_field_selection()
        {
            var array = Assert.IsType<ArrayExpression>(Parse.Expression("ARRAY[[1, 2], [3]]"));
            Assert.True(array.HasArrayKeyword);
            Assert.Equal(new[] { 2, 1 }, array.Elements.Select(e => Assert.IsType<ArrayExpression>(e).Elements.Count));
            Assert.False(((ArrayExpression)array.Elements[0]).HasArrayKeyword);

            Assert.IsType<ArraySubqueryExpression>(Parse.Expression("ARRAY(SELECT id FROM t)"));

            var row = Assert.IsType<RowExpression>(Parse.Expression("ROW(1, 'a')"));
            Assert.True(row.HasRowKeyword);
            Assert.Equal(2, row.Items.Count);
            Assert.Empty(Assert.IsType<RowExpression>(Parse.Expression("ROW()")).Items);
            Assert.False(Assert.IsType<RowExpression>(Parse.Expression("(a, b)")).HasRowKeyword);

            var index = Assert.IsType<SubscriptExpression>(Parse.Expression("tags[1]"));
            Assert.Equal(("tags", "1", false), (Names.Of(index.Target), Names.Of(index.Index!), index.IsSlice));
            var slice = Assert.IsType<SubscriptExpression>(Parse.Expression("tags[2:n]"));
            Assert.Equal(("2", "n", true), (Names.Of(slice.Index!), Names.Of(slice.Upper!), slice.IsSlice));
            var open = Assert.IsType<SubscriptExpression>(Parse.Expression("tags[:3]"));
            Assert.Equal((null, "3"), (open.Index, Names.Of(open.Upper!)));
            var twice = Assert.IsType<SubscriptExpression>(Parse.Expression("m[1][2]"));
            Assert.IsType<SubscriptExpression>(twice.Target);

            var field = Assert.IsType<FieldSelection>(Parse.Expression("(payload).status"));
            Assert.Equal(("payload", "status"), (Names.Of(field.Target), field.Field!.Value));
            Assert.Null(Assert.IsType<FieldSelection>(Parse.Expression("(payload).*")).Field);
            var nested = Assert.IsType<FieldSelection>(Parse.Expression("(r).a.b"));
            Assert.Equal("a", Assert.IsType<FieldSelection>(nested.Target).Field!.Value);
        }

        [Fact]
        public void Case_in_both_forms()
        {
            var searched = Assert.IsType<CaseExpression>(Parse.Expression("CASE WHEN a = 1 THEN 'x' WHEN a = 2 THEN 'y' ELSE 'z' END"));
            Assert.Null(searched.Operand);
            Assert.Equal(2, searched.WhenClauses.Count);
            Assert.IsType<BinaryExpression>(searched.WhenClauses[1].Condition);
            Assert.Equal("'z'", Names.Of(searched.Else!));

            var simple = Assert.IsType<CaseExpression>(Parse.Expression("CASE status WHEN 1 THEN true END"));
            Assert.Equal("status", Names.Of(simple.Operand!));
            Assert.Null(simple.Else);
        }

        [Fact]
        public void Function_calls_with_star_distinct_order_filter_within_group_and_named_arguments()
        {
            var count = Assert.IsType<FunctionCall>(Parse.Expression("count(*)"));
            Assert.Equal(("count", true, 0), (count.SimpleName, count.IsStar, count.Arguments.Count));

            var agg = Assert.IsType<FunctionCall>(Parse.Expression("string_agg(DISTINCT name, ', ' ORDER BY name DESC) FILTER (WHERE id > 0)"));
            Assert.True(agg.IsDistinct);
            Assert.Equal(2, agg.Arguments.Count);
            Assert.Equal(SortDirection.Descending, Assert.Single(agg.OrderBy).Direction);
            Assert.IsType<BinaryExpression>(agg.Filter);

            var percentile = Assert.IsType<FunctionCall>(Parse.Expression("percentile_cont(0.95) WITHIN GROUP (ORDER BY duration)"));
            Assert.Equal("duration", Names.Of(Assert.Single(percentile.WithinGroup).Expression));

            var named = Assert.IsType<FunctionCall>(Parse.Expression("make_interval(days => 3, hours := 4)"));
            Assert.Equal(new[] { "days", "hours" }, named.Arguments.Select(a => Assert.IsType<NamedArgument>(a).Name.Value));

            var qualified = Assert.IsType<FunctionCall>(Parse.Expression("pg_catalog.lower(name)"));
            Assert.Equal(("pg_catalog.lower", "lower"), (qualified.Name.ToString(), qualified.SimpleName));

            var starArg = Assert.IsType<FunctionCall>(Parse.Expression("count(t.*)"));
            Assert.Equal("t.*", Names.Of(Assert.Single(starArg.Arguments)));

            Assert.Equal("left", Assert.IsType<FunctionCall>(Parse.Expression("left(name, 3)")).SimpleName);
        }

        [Fact]
        public void Window_calls_inline_or_by_name_with_frames()
        {
            var inline = Assert.IsType<FunctionCall>(Parse.Expression(
                "row_number() OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING EXCLUDE TIES)"));
            var over = inline.Over!;
            Assert.Null(over.ExistingWindow);
            Assert.Equal(new[] { "a", "b" }, over.PartitionBy.Select(Names.Of));
            Assert.Equal((SortDirection.Descending, NullsOrder.Last), (over.OrderBy[0].Direction, over.OrderBy[0].Nulls));
            var frame = over.Frame!;
            Assert.Equal((WindowFrameUnits.Rows, FrameBoundKind.UnboundedPreceding, FrameBoundKind.Following, FrameExclusion.Ties), (frame.Units, frame.Start.Kind, frame.End!.Kind, frame.Exclusion));
            Assert.Equal("2", Names.Of(frame.End.Offset!));

            var named = Assert.IsType<FunctionCall>(Parse.Expression("avg(x) OVER w"));
            Assert.Equal("w", named.Over!.ExistingWindow!.Value);

            var refined = Assert.IsType<FunctionCall>(Parse.Expression("sum(x) OVER (w RANGE INTERVAL '1 day' PRECEDING)"));
            Assert.Equal(("w", WindowFrameUnits.Range, FrameBoundKind.Preceding), (refined.Over!.ExistingWindow!.Value, refined.Over.Frame!.Units, refined.Over.Frame.Start.Kind));
        }

        [Fact]
        public void Special_function_syntax_has_its_own_nodes()
        {
            var extract = Assert.IsType<ExtractExpression>(Parse.Expression("EXTRACT(EPOCH FROM finished_at)"));
            Assert.Equal(("epoch", "finished_at"), (extract.Field, Names.Of(extract.Source)));

            var position = Assert.IsType<PositionExpression>(Parse.Expression("POSITION('x' IN name)"));
            Assert.Equal(("'x'", "name"), (Names.Of(position.Substring), Names.Of(position.Text)));

            var substring = Assert.IsType<SubstringExpression>(Parse.Expression("SUBSTRING(name FROM 2 FOR 3)"));
            Assert.Equal(("name", "2", "3"), (Names.Of(substring.Text), Names.Of(substring.From!), Names.Of(substring.For!)));
            Assert.Equal(3, Assert.IsType<FunctionCall>(Parse.Expression("substring(name, 2, 3)")).Arguments.Count);

            var trim = Assert.IsType<TrimExpression>(Parse.Expression("TRIM(BOTH 'x' FROM name)"));
            Assert.Equal((TrimSide.Both, "'x'", "name"), (trim.Side, Names.Of(trim.Characters!), Names.Of(trim.Text)));
            var plain = Assert.IsType<TrimExpression>(Parse.Expression("trim(name)"));
            Assert.Equal((TrimSide.Default, null), (plain.Side, plain.Characters));
            Assert.Equal(TrimSide.Leading, Assert.IsType<TrimExpression>(Parse.Expression("TRIM(LEADING FROM name)")).Side);
        }

        [Theory]
        [InlineData("COALESCE(a, b, 0)", "coalesce", 3, true)]
        [InlineData("NULLIF(a, 0)", "nullif", 2, true)]
        [InlineData("GREATEST(a, b)", "greatest", 2, true)]
        [InlineData("LEAST(a, b)", "least", 2, true)]
        [InlineData("now()", "now", 0, true)]
        [InlineData("CURRENT_TIMESTAMP", "current_timestamp", 0, false)]
        [InlineData("CURRENT_DATE", "current_date", 0, false)]
        [InlineData("LOCALTIMESTAMP(3)", "localtimestamp", 1, true)]
        [InlineData("current_user", "current_user", 0, false)]
        [InlineData("CURRENT_SCHEMA()", "current_schema", 0, true)]
        public void Keyword_functions_are_function_calls(string text, string name, int arguments, bool parentheses)
        {
            var call = Assert.IsType<FunctionCall>(Parse.Expression(text));
            Assert.Equal((name, arguments, parentheses), (call.SimpleName, call.Arguments.Count, call.HasParentheses));
        }

        [Fact]
        public void Collate_and_at_time_zone()
        {
            var collate = Assert.IsType<CollateExpression>(Parse.Expression("name COLLATE \"C\""));
            Assert.Equal("C", collate.Collation.Name.Value);
            var zone = Assert.IsType<AtTimeZoneExpression>(Parse.Expression("created_at AT TIME ZONE 'UTC'"));
            Assert.Equal("'UTC'", Names.Of(zone.Zone!));
            Assert.Null(Assert.IsType<AtTimeZoneExpression>(Parse.Expression("created_at AT LOCAL")).Zone);
        }

        [Fact]
        public void Unary_operators()
        {
            Assert.Equal(UnaryOperator.Negate, Assert.IsType<UnaryExpression>(Parse.Expression("-a")).Operator);
            Assert.Equal(UnaryOperator.Plus, Assert.IsType<UnaryExpression>(Parse.Expression("+a")).Operator);
            Assert.Equal(UnaryOperator.BitwiseNot, Assert.IsType<UnaryExpression>(Parse.Expression("~a")).Operator);
            var other = Assert.IsType<UnaryExpression>(Parse.Expression("|/ a"));
            Assert.Equal((UnaryOperator.Other, "|/"), (other.Operator, other.OperatorText));
            var negated = Assert.IsType<UnaryExpression>(Parse.Expression("- -1"));
            Assert.Equal("-1", Names.Of(negated.Operand));
        }
    }

    /// <summary>A fully parenthesized rendering of an expression, to assert tree shape compactly.</summary>
    internal static class Tree
    {
        public static string Of(SqlExpression expression) => expression switch
        {
            BinaryExpression b => "(" + Of(b.Left) + " " + b.OperatorText + " " + Of(b.Right) + ")",
            LogicalExpression l => "(" + string.Join(" " + l.Operator.ToString().ToUpperInvariant() + " ", l.Operands.Select(Of)) + ")",
            UnaryExpression { Operator: UnaryOperator.Not } u => "(NOT " + Of(u.Operand) + ")",
            UnaryExpression u => "(" + u.OperatorText + Of(u.Operand) + ")",
            CastExpression c => "(" + Of(c.Operand) + " :: " + c.DataType.Name + ")",
            LikeExpression l => "(" + Of(l.Expression) + " LIKE " + Of(l.Pattern) + ")",
            InListExpression i => "(" + Of(i.Expression) + " IN " + string.Join(", ", i.Items.Select(Of)) + ")",
            IsNullExpression n => "(" + Of(n.Expression) + (n.IsNegated ? " IS NOT NULL)" : " IS NULL)"),
            BetweenExpression b => "(" + Of(b.Expression) + " BETWEEN " + Of(b.Low) + " AND " + Of(b.High) + ")",
            AtTimeZoneExpression a => "(" + Of(a.Operand) + " AT TIME ZONE " + Of(a.Zone!) + ")",
            CollateExpression c => "(" + Of(c.Operand) + " COLLATE " + c.Collation + ")",
            _ => Names.Of(expression),
        };
    }
}
