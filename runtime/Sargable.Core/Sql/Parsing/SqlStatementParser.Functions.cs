using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>Function calls (aggregates, FILTER, WITHIN GROUP, OVER, named arguments), keyword functions and the special forms EXTRACT, POSITION, SUBSTRING and TRIM.</summary>
    internal sealed partial class SqlStatementParser
    {
        private SqlExpression ParseKeywordCall(SqlKeyword keyword)
        {
            var startIndex = _pos;
            switch (keyword)
            {
                case SqlKeyword.Exists:
                    {
                        Advance();
                        var query = ParseSubqueryInParentheses();
                        return new ExistsExpression(SpanFrom(startIndex), query);
                    }

                case SqlKeyword.Row:
                    {
                        Advance();
                        ExpectOpenParen();
                        var items = Is(SqlTokenKind.RightParen) ? Empty<SqlExpression>() : ParseExpressionList();
                        ExpectCloseParen();
                        return new RowExpression(SpanFrom(startIndex), hasRowKeyword: true, items);
                    }

                case SqlKeyword.Extract:
                    return ParseExtract();
                case SqlKeyword.Position:
                    return ParsePosition();
                case SqlKeyword.Substring:
                    return ParseSubstring();
                case SqlKeyword.Trim:
                    return ParseTrim();
                default:
                    {
                        var name = KeywordName(Current);
                        Advance();
                        return ParseFunctionCallRest(name, startIndex);
                    }
            }
        }

        /// <summary>CURRENT_DATE, CURRENT_TIMESTAMP[(p)], LOCALTIME[(p)], CURRENT_USER, ... as parenthesis-less calls.</summary>
        private SqlExpression ParseNiladicFunction(SqlKeyword keyword)
        {
            var startIndex = _pos;
            var name = KeywordName(Current);
            Advance();
            var takesPrecision = keyword == SqlKeyword.CurrentTime || keyword == SqlKeyword.CurrentTimestamp
                || keyword == SqlKeyword.LocalTime || keyword == SqlKeyword.LocalTimestamp;
            if (keyword == SqlKeyword.CurrentSchema && Is(SqlTokenKind.LeftParen))
            {
                return ParseFunctionCallRest(name, startIndex);
            }

            if (takesPrecision && Accept(SqlTokenKind.LeftParen))
            {
                var precision = ParseExpression();
                ExpectCloseParen();
                return new FunctionCall(SpanFrom(startIndex), name, hasParentheses: true, isStar: false, isDistinct: false, new[] { precision }, Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
            }

            return new FunctionCall(SpanFrom(startIndex), name, hasParentheses: false, isStar: false, isDistinct: false, Empty<SqlExpression>(), Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
        }

        /// <summary>After a function name: <c>( [ALL|DISTINCT] args [ORDER BY ...] ) [WITHIN GROUP (...)] [FILTER (...)] [OVER ...]</c>.</summary>
        private SqlExpression ParseFunctionCallRest(SqlQualifiedName name, int startIndex)
        {
            ExpectOpenParen();
            var isStar = false;
            var isDistinct = false;
            var arguments = Empty<SqlExpression>();
            var orderBy = Empty<OrderByItem>();
            if (IsOperator(BinaryOperator.Multiply) && PeekIs(1, SqlTokenKind.RightParen))
            {
                isStar = true;
                Advance();
            }
            else if (!Is(SqlTokenKind.RightParen))
            {
                if (!AcceptKeyword(SqlKeyword.All))
                {
                    isDistinct = AcceptKeyword(SqlKeyword.Distinct);
                }

                var sqlJson = IsSqlJsonConstructor(name);
                var list = new List<SqlExpression>(4);
                if (!sqlJson || !StartsSqlJsonClause())
                {
                    do
                    {
                        if (sqlJson)
                        {
                            ParseSqlJsonArgument(list);
                        }
                        else
                        {
                            list.Add(ParseFunctionArgument());
                        }
                    }
                    while (Accept(SqlTokenKind.Comma));
                }

                arguments = list.ToArray();
                if (IsKeyword(SqlKeyword.Order))
                {
                    Advance();
                    ExpectKeyword(SqlKeyword.By);
                    orderBy = ParseOrderByList();
                }

                if (sqlJson)
                {
                    SkipSqlJsonClauses();
                }
            }

            ExpectCloseParen();
            var withinGroup = Empty<OrderByItem>();
            if (IsKeyword(SqlKeyword.Within) && PeekIsKeyword(1, SqlKeyword.Group))
            {
                Advance(2);
                ExpectOpenParen();
                ExpectKeyword(SqlKeyword.Order);
                ExpectKeyword(SqlKeyword.By);
                withinGroup = ParseOrderByList();
                ExpectCloseParen();
            }

            SqlExpression? filter = null;
            if (IsKeyword(SqlKeyword.Filter) && PeekIs(1, SqlTokenKind.LeftParen))
            {
                Advance(2);
                ExpectKeyword(SqlKeyword.Where);
                filter = ParseExpression();
                ExpectCloseParen();
            }

            WindowSpecification? over = null;
            if (IsKeyword(SqlKeyword.Over))
            {
                Advance();
                if (Is(SqlTokenKind.LeftParen))
                {
                    over = ParseWindowSpecification();
                }
                else
                {
                    var windowStart = _pos;
                    var windowName = ParseColId("a window name or '('");
                    over = new WindowSpecification(SpanFrom(windowStart), windowName, Empty<SqlExpression>(), Empty<OrderByItem>(), null);
                }
            }

            return new FunctionCall(SpanFrom(startIndex), name, hasParentheses: true, isStar, isDistinct, arguments, orderBy, withinGroup, filter, over);
        }

        private SqlExpression ParseFunctionArgument()
        {
            AcceptKeyword(SqlKeyword.Variadic);
            ref readonly var token = ref Current;
            if (IsWord(token))
            {
                ref readonly var next = ref Peek(1);
                if ((next.Kind == SqlTokenKind.Operator && next.Sub == SqlLexer.NamedArgumentArrow) || next.Kind == SqlTokenKind.ColonEquals)
                {
                    var startIndex = _pos;
                    var name = MakeIdentifier(token);
                    Advance(2);
                    var value = ParseExpression();
                    return new NamedArgument(SpanFrom(startIndex), name, value);
                }
            }

            return ParseExpression();
        }

        private SqlExpression ParseExtract()
        {
            var startIndex = _pos;
            Advance();
            ExpectOpenParen();
            ref readonly var token = ref Current;
            string field;
            if (IsWord(token))
            {
                field = MakeIdentifier(token).Value.ToLowerInvariant();
                Advance();
            }
            else if (token.Kind == SqlTokenKind.String)
            {
                field = (ParseStringLiteral().Value ?? string.Empty).ToLowerInvariant();
            }
            else
            {
                throw Expected("a field name such as YEAR or EPOCH");
            }

            ExpectKeyword(SqlKeyword.From);
            var source = ParseExpression();
            ExpectCloseParen();
            return new ExtractExpression(SpanFrom(startIndex), field, source);
        }

        private SqlExpression ParsePosition()
        {
            var startIndex = _pos;
            Advance();
            ExpectOpenParen();
            var substring = ParseExpression(PrecOther);
            ExpectKeyword(SqlKeyword.In);
            var text = ParseExpression(PrecOther);
            ExpectCloseParen();
            return new PositionExpression(SpanFrom(startIndex), substring, text);
        }

        private SqlExpression ParseSubstring()
        {
            var startIndex = _pos;
            var name = KeywordName(Current);
            Advance();
            ExpectOpenParen();
            var text = ParseExpression();
            if (Is(SqlTokenKind.Comma) || Is(SqlTokenKind.RightParen))
            {
                return FinishPlainCall(name, startIndex, text);
            }

            if (AcceptKeyword(SqlKeyword.Similar))
            {
                // SUBSTRING(text SIMILAR pattern ESCAPE escape) is PostgreSQL's substring(text, pattern, escape).
                var pattern = ParseExpression();
                ExpectWord("ESCAPE");
                var escape = ParseExpression();
                ExpectCloseParen();
                return new FunctionCall(SpanFrom(startIndex), name, hasParentheses: true, isStar: false, isDistinct: false, new[] { text, pattern, escape }, Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
            }

            SqlExpression? from = null;
            SqlExpression? count = null;
            if (AcceptKeyword(SqlKeyword.From))
            {
                from = ParseExpression();
                if (AcceptKeyword(SqlKeyword.For))
                {
                    count = ParseExpression();
                }
            }
            else if (AcceptKeyword(SqlKeyword.For))
            {
                count = ParseExpression();
                if (AcceptKeyword(SqlKeyword.From))
                {
                    from = ParseExpression();
                }
            }
            else
            {
                throw Expected("'FROM', 'FOR', 'SIMILAR', ',' or ')'");
            }

            ExpectCloseParen();
            return new SubstringExpression(SpanFrom(startIndex), text, from, count);
        }

        private SqlExpression ParseTrim()
        {
            var startIndex = _pos;
            var name = KeywordName(Current);
            Advance();
            ExpectOpenParen();
            var side = TrimSide.Default;
            if (AcceptKeyword(SqlKeyword.Both))
            {
                side = TrimSide.Both;
            }
            else if (AcceptKeyword(SqlKeyword.Leading))
            {
                side = TrimSide.Leading;
            }
            else if (AcceptKeyword(SqlKeyword.Trailing))
            {
                side = TrimSide.Trailing;
            }

            SqlExpression? characters = null;
            SqlExpression text;
            if (AcceptKeyword(SqlKeyword.From))
            {
                text = ParseExpression();
            }
            else
            {
                var first = ParseExpression();
                if (AcceptKeyword(SqlKeyword.From))
                {
                    characters = first;
                    text = ParseExpression();
                }
                else if (side == TrimSide.Default && Is(SqlTokenKind.Comma))
                {
                    return FinishPlainCall(name, startIndex, first);
                }
                else
                {
                    text = first;
                }
            }

            ExpectCloseParen();
            return new TrimExpression(SpanFrom(startIndex), side, characters, text);
        }

        /// <summary>The comma form of a special function (<c>substring(a, b, c)</c>): the rest of a plain argument list.</summary>
        /// <summary>JSON_OBJECT, JSON_ARRAY, JSON_OBJECTAGG and JSON_ARRAYAGG: SQL/JSON constructors with their own argument syntax.</summary>
        private static bool IsSqlJsonConstructor(SqlQualifiedName name) =>
            name.Parts.Count == 1 && !name.Name.IsQuoted
            && name.Name.Value is "json_object" or "json_array" or "json_objectagg" or "json_arrayagg";

        private bool StartsSqlJsonClause() =>
            ((IsWord("ABSENT") || IsKeyword(SqlKeyword.Null)) && PeekIsKeyword(1, SqlKeyword.On))
            || ((IsKeyword(SqlKeyword.With) || IsKeyword(SqlKeyword.Without)) && PeekIsKeyword(1, SqlKeyword.Unique))
            || IsKeyword(SqlKeyword.Returning);

        /// <summary>
        /// One constructor argument: a value, or a key/value pair written <c>[KEY] k VALUE v</c> or <c>k : v</c> (both
        /// kept as arguments), each value optionally <c>FORMAT JSON [ENCODING name]</c>.
        /// </summary>
        private void ParseSqlJsonArgument(List<SqlExpression> arguments)
        {
            if (IsWord("KEY") && !PeekIs(1, SqlTokenKind.Comma) && !PeekIs(1, SqlTokenKind.RightParen) && !PeekIsKeyword(1, SqlKeyword.Value))
            {
                Advance();
            }

            arguments.Add(ParseExpression());
            SkipSqlJsonFormat();
            if (AcceptKeyword(SqlKeyword.Value) || Accept(SqlTokenKind.Colon))
            {
                arguments.Add(ParseExpression());
                SkipSqlJsonFormat();
            }
        }

        private void SkipSqlJsonFormat()
        {
            if (IsWord("FORMAT"))
            {
                Advance();
                ExpectWord("JSON");
                if (IsWord("ENCODING"))
                {
                    Advance();
                    ParseColId("an encoding name");
                }
            }
        }

        /// <summary><c>{ABSENT|NULL} ON NULL</c>, <c>{WITH|WITHOUT} UNIQUE [KEYS]</c> and <c>RETURNING type [FORMAT JSON]</c>, in any order.</summary>
        private void SkipSqlJsonClauses()
        {
            while (StartsSqlJsonClause())
            {
                if (AcceptKeyword(SqlKeyword.Returning))
                {
                    ParseDataType();
                    SkipSqlJsonFormat();
                }
                else if (IsKeyword(SqlKeyword.With) || IsKeyword(SqlKeyword.Without))
                {
                    Advance(2);
                    if (IsWord("KEYS"))
                    {
                        Advance();
                    }
                }
                else
                {
                    Advance(3);
                }
            }
        }

        private FunctionCall FinishPlainCall(SqlQualifiedName name, int startIndex, SqlExpression first)
        {
            var arguments = new List<SqlExpression>(3) { first };
            while (Accept(SqlTokenKind.Comma))
            {
                arguments.Add(ParseExpression());
            }

            ExpectCloseParen();
            return new FunctionCall(SpanFrom(startIndex), name, hasParentheses: true, isStar: false, isDistinct: false, arguments.ToArray(), Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
        }
    }
}
