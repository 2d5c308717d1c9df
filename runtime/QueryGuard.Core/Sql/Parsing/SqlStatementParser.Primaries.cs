using System.Collections.Generic;
using System.Globalization;

namespace QueryGuard.Sql
{
    /// <summary>Primary expressions: literals, placeholders, names, calls, parentheses and the keyword-introduced forms.</summary>
    internal sealed partial class SqlStatementParser
    {
        private SqlExpression ParsePrimary()
        {
            ref readonly var token = ref Current;
            switch (token.Kind)
            {
                case SqlTokenKind.Integer:
                case SqlTokenKind.Numeric:
                    {
                        var text = TokenText(token);
                        var value = text.IndexOf('_') < 0 ? text : text.Replace("_", string.Empty);
                        var literal = new Literal(token.Span, token.Kind == SqlTokenKind.Integer ? LiteralKind.Integer : LiteralKind.Numeric, text, value);
                        Advance();
                        return literal;
                    }

                case SqlTokenKind.String:
                    return ParseStringLiteral();
                case SqlTokenKind.Parameter:
                    return ParseParameter();
                case SqlTokenKind.Operator when token.Sub == (byte)BinaryOperator.JsonHasKey:
                    {
                        var parameter = new Parameter(token.Span, ParameterKind.QuestionMark, "?", null, ++_questionMarks);
                        Advance();
                        return parameter;
                    }

                case SqlTokenKind.LeftParen:
                    return ParseParenthesizedExpression();
                case SqlTokenKind.QuotedIdentifier:
                    return ParseNamePrimary();
                case SqlTokenKind.Identifier:
                    return ParseKeywordPrimary(token.Keyword);
                default:
                    throw Expected("an expression");
            }
        }

        private Literal ParseStringLiteral()
        {
            ref readonly var token = ref Current;
            var kind = (LiteralKind)token.Sub;
            var text = TokenText(token);
            string? value;
            switch (kind)
            {
                case LiteralKind.EscapeString:
                    value = SqlText.DecodeEscapeString(text, 2, text.Length - 1, out var errorOffset);
                    if (value is null)
                    {
                        throw new SqlParseException("invalid escape in string literal", token.Start + errorOffset, token.Line, token.Column + errorOffset, "a valid \\u or \\U escape", "'" + text.Substring(errorOffset, System.Math.Min(6, text.Length - 1 - errorOffset)) + "'");
                    }

                    break;
                case LiteralKind.UnicodeString:
                    value = SqlText.DecodeUnicodeEscapes(SqlText.Undouble(text, 3, text.Length - 1, '\''), out _);
                    if (value is null)
                    {
                        throw new SqlParseException("invalid Unicode escape", token.Start, token.Line, token.Column, "\\XXXX or \\+XXXXXX", Describe(token));
                    }

                    break;
                case LiteralKind.DollarString:
                    var tagLength = text.IndexOf('$', 1) + 1;
                    value = text.Substring(tagLength, text.Length - (2 * tagLength));
                    break;
                case LiteralKind.BitString:
                case LiteralKind.HexString:
                case LiteralKind.NationalString:
                    value = SqlText.Undouble(text, 2, text.Length - 1, '\'');
                    break;
                default:
                    value = SqlText.Undouble(text, 1, text.Length - 1, '\'');
                    break;
            }

            var literal = new Literal(token.Span, kind, text, value);
            Advance();
            return literal;
        }

        private Parameter ParseParameter()
        {
            ref readonly var token = ref Current;
            var kind = (ParameterKind)token.Sub;
            var text = TokenText(token);
            Parameter parameter;
            if (kind == ParameterKind.Positional)
            {
                if (!int.TryParse(text.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    throw new SqlParseException("parameter number out of range", token.Start, token.Line, token.Column, "$1 to $2147483647", Describe(token));
                }

                parameter = new Parameter(token.Span, kind, text, null, number);
            }
            else
            {
                parameter = new Parameter(token.Span, kind, text, text.Substring(1), 0);
            }

            Advance();
            return parameter;
        }

        private SqlExpression ParseParenthesizedExpression()
        {
            var startIndex = _pos;
            var content = ParseParenthesizedList(int.MaxValue);
            if (content.Query is not null)
            {
                return new SubqueryExpression(SpanFrom(startIndex), content.Query);
            }

            var items = content.Items!;
            return items.Length == 1 ? items[0] : new RowExpression(SpanFrom(startIndex), hasRowKeyword: false, items);
        }

        private SqlExpression ParseKeywordPrimary(SqlKeyword keyword)
        {
            switch (keyword)
            {
                case SqlKeyword.None:
                    return ParseNamePrimary();
                case SqlKeyword.Null:
                case SqlKeyword.True:
                case SqlKeyword.False:
                    {
                        ref readonly var token = ref Current;
                        var literal = keyword == SqlKeyword.Null
                            ? new Literal(token.Span, LiteralKind.Null, TokenText(token), null)
                            : new Literal(token.Span, LiteralKind.Boolean, TokenText(token), keyword == SqlKeyword.True ? "true" : "false");
                        Advance();
                        return literal;
                    }

                case SqlKeyword.Default:
                    {
                        var value = new DefaultValue(Current.Span);
                        Advance();
                        return value;
                    }

                case SqlKeyword.Case:
                    return ParseCase();
                case SqlKeyword.Cast:
                    return ParseCast();
                case SqlKeyword.Array:
                    return ParseArray();
                case SqlKeyword.Exists:
                case SqlKeyword.Row:
                case SqlKeyword.Extract:
                case SqlKeyword.Position:
                case SqlKeyword.Substring:
                case SqlKeyword.Trim:
                case SqlKeyword.Coalesce:
                case SqlKeyword.NullIf:
                case SqlKeyword.Greatest:
                case SqlKeyword.Least:
                case SqlKeyword.Grouping:
                case SqlKeyword.CurrentSchema:
                    return PeekIs(1, SqlTokenKind.LeftParen) ? ParseKeywordCall(keyword) : ParseKeywordNameOrValue(keyword);
                case SqlKeyword.CurrentDate:
                case SqlKeyword.CurrentRole:
                case SqlKeyword.CurrentUser:
                case SqlKeyword.SessionUser:
                case SqlKeyword.User:
                case SqlKeyword.SystemUser:
                case SqlKeyword.CurrentCatalog:
                case SqlKeyword.CurrentTime:
                case SqlKeyword.CurrentTimestamp:
                case SqlKeyword.LocalTime:
                case SqlKeyword.LocalTimestamp:
                    return ParseNiladicFunction(keyword);
                case SqlKeyword.Interval:
                    return PeekIs(1, SqlTokenKind.String) || PeekIs(1, SqlTokenKind.LeftParen) ? ParseTypedLiteral() : ParseNamePrimary();
                case SqlKeyword.Timestamp:
                case SqlKeyword.Time:
                case SqlKeyword.BigInt:
                case SqlKeyword.Int:
                case SqlKeyword.Integer:
                case SqlKeyword.SmallInt:
                case SqlKeyword.Real:
                case SqlKeyword.Float:
                case SqlKeyword.Double:
                case SqlKeyword.Numeric:
                case SqlKeyword.Decimal:
                case SqlKeyword.Dec:
                case SqlKeyword.Boolean:
                case SqlKeyword.Char:
                case SqlKeyword.Character:
                case SqlKeyword.VarChar:
                case SqlKeyword.NChar:
                case SqlKeyword.National:
                case SqlKeyword.Bit:
                    return TypedLiteralAhead() ? ParseTypedLiteral() : ParseNamePrimary();
            }

            switch (SqlKeywords.Category(keyword))
            {
                case KeywordCategory.Reserved:
                    throw Expected("an expression");
                case KeywordCategory.TypeFunctionName:
                    // LEFT(...), RIGHT(...): callable, but never a column.
                    if (!PeekIs(1, SqlTokenKind.LeftParen))
                    {
                        throw Expected("an expression");
                    }

                    return ParseNamePrimary();
                default:
                    return ParseNamePrimary();
            }
        }

        /// <summary>A keyword with special call syntax written without '(': a column of that name, or CURRENT_SCHEMA.</summary>
        private SqlExpression ParseKeywordNameOrValue(SqlKeyword keyword) =>
            keyword == SqlKeyword.CurrentSchema ? ParseNiladicFunction(keyword) : ParseNamePrimary();

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

        private SqlExpression[] ParseExpressionList()
        {
            var items = new List<SqlExpression>(4);
            do
            {
                items.Add(ParseExpression());
            }
            while (Accept(SqlTokenKind.Comma));
            return items.ToArray();
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

        /// <summary>A column reference, <c>t.*</c>, a function call, or a typed literal <c>name 'text'</c>.</summary>
        private SqlExpression ParseNamePrimary()
        {
            var startIndex = _pos;
            ref readonly var first = ref Current;
            if (!IsFunctionName(first))
            {
                throw Expected("an expression");
            }

            var parts = new List<SqlIdentifier>(3) { MakeIdentifier(first) };
            Advance();
            while (Is(SqlTokenKind.Dot))
            {
                ref readonly var next = ref Peek(1);
                if (next.Kind == SqlTokenKind.Operator && next.Sub == (byte)BinaryOperator.Multiply)
                {
                    Advance(2);
                    return new StarExpression(SpanFrom(startIndex), parts.ToArray());
                }

                if (!IsWord(next))
                {
                    Advance();
                    throw Expected("a name or '*' after '.'");
                }

                Advance();
                parts.Add(MakeIdentifier(Current));
                Advance();
            }

            if (Is(SqlTokenKind.LeftParen))
            {
                return ParseFunctionCallRest(new SqlQualifiedName(parts.ToArray(), SpanFrom(startIndex)), startIndex);
            }

            if (Is(SqlTokenKind.String))
            {
                // date '2024-01-01', uuid '...', public.mytype '...': PostgreSQL's generic typed literal.
                var typeName = new SqlQualifiedName(parts.ToArray(), SpanFrom(startIndex));
                var type = new SqlDataType(typeName.ToString(), typeName, Empty<SqlExpression>(), 0, typeName.Span);
                var literal = ParseStringLiteral();
                return new CastExpression(SpanFrom(startIndex), literal, type, CastSyntax.TypedLiteral);
            }

            if (parts.Count > 4 || (first.Kind == SqlTokenKind.Identifier && first.Keyword != SqlKeyword.None
                && SqlKeywords.Category(first.Keyword) == KeywordCategory.TypeFunctionName))
            {
                throw ExpectedAt(startIndex, "a column reference", null);
            }

            return new ColumnReference(SpanFrom(startIndex), parts.ToArray());
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

                var list = new List<SqlExpression>(4);
                do
                {
                    list.Add(ParseFunctionArgument());
                }
                while (Accept(SqlTokenKind.Comma));
                arguments = list.ToArray();
                if (IsKeyword(SqlKeyword.Order))
                {
                    Advance();
                    ExpectKeyword(SqlKeyword.By);
                    orderBy = ParseOrderByList();
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

        private QueryExpression ParseSubqueryInParentheses()
        {
            ExpectOpenParen();
            var query = ParseQueryExpression();
            ExpectCloseParen();
            return UnwrapParentheses(query);
        }

        private SqlExpression ParseCase()
        {
            var startIndex = _pos;
            Advance();
            var operand = IsKeyword(SqlKeyword.When) ? null : ParseExpression();
            var whens = new List<CaseWhen>(2);
            while (IsKeyword(SqlKeyword.When))
            {
                var whenStart = _pos;
                Advance();
                var condition = ParseExpression();
                ExpectKeyword(SqlKeyword.Then);
                var result = ParseExpression();
                whens.Add(new CaseWhen(SpanFrom(whenStart), condition, result));
            }

            if (whens.Count == 0)
            {
                throw Expected("'WHEN'");
            }

            var otherwise = AcceptKeyword(SqlKeyword.Else) ? ParseExpression() : null;
            ExpectKeyword(SqlKeyword.End);
            return new CaseExpression(SpanFrom(startIndex), operand, whens.ToArray(), otherwise);
        }

        private SqlExpression ParseCast()
        {
            var startIndex = _pos;
            Advance();
            ExpectOpenParen();
            var operand = ParseExpression();
            ExpectKeyword(SqlKeyword.As);
            var type = ParseDataType();
            ExpectCloseParen();
            return new CastExpression(SpanFrom(startIndex), operand, type, CastSyntax.Cast);
        }

        private SqlExpression ParseArray()
        {
            var startIndex = _pos;
            Advance();
            if (Is(SqlTokenKind.LeftParen))
            {
                var query = ParseSubqueryInParentheses();
                return new ArraySubqueryExpression(SpanFrom(startIndex), query);
            }

            if (!Is(SqlTokenKind.LeftBracket))
            {
                throw Expected("'[' or '('");
            }

            return ParseArrayBrackets(startIndex, hasKeyword: true);
        }

        /// <summary><c>[a, b]</c> after ARRAY, or a nested <c>[...]</c> inside one.</summary>
        private ArrayExpression ParseArrayBrackets(int startIndex, bool hasKeyword)
        {
            Expect(SqlTokenKind.LeftBracket, "'['");
            var elements = Empty<SqlExpression>();
            if (!Is(SqlTokenKind.RightBracket))
            {
                var list = new List<SqlExpression>(4);
                do
                {
                    if (Is(SqlTokenKind.LeftBracket))
                    {
                        var saved = Enter();
                        list.Add(ParseArrayBrackets(_pos, hasKeyword: false));
                        _depth = saved;
                    }
                    else
                    {
                        list.Add(ParseExpression());
                    }
                }
                while (Accept(SqlTokenKind.Comma));
                elements = list.ToArray();
            }

            Expect(SqlTokenKind.RightBracket, "']'");
            return new ArrayExpression(SpanFrom(startIndex), hasKeyword, elements);
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
                throw Expected("'FROM', 'FOR', ',' or ')'");
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

        /// <summary>
        /// Whether a type keyword starts a typed literal (<c>timestamp with time zone '...'</c>, <c>double precision '1'</c>)
        /// rather than naming a column: scans the few tokens a type name occupies and checks a string follows.
        /// </summary>
        private bool TypedLiteralAhead()
        {
            var keyword = Current.Keyword;
            var i = 1;
            switch (keyword)
            {
                case SqlKeyword.Double:
                    if (!PeekIsKeyword(1, SqlKeyword.Precision))
                    {
                        return false;
                    }

                    i = 2;
                    break;
                case SqlKeyword.National:
                    if (!PeekIsKeyword(1, SqlKeyword.Character) && !PeekIsKeyword(1, SqlKeyword.Char))
                    {
                        return false;
                    }

                    i = PeekIsKeyword(2, SqlKeyword.Varying) ? 3 : 2;
                    break;
                case SqlKeyword.Character:
                case SqlKeyword.Char:
                case SqlKeyword.NChar:
                case SqlKeyword.Bit:
                    i = PeekIsKeyword(1, SqlKeyword.Varying) ? 2 : 1;
                    break;
            }

            if (PeekIs(i, SqlTokenKind.LeftParen))
            {
                if (!PeekIs(i + 1, SqlTokenKind.Integer))
                {
                    return false;
                }

                i += 2;
                if (PeekIs(i, SqlTokenKind.Comma) && PeekIs(i + 1, SqlTokenKind.Integer))
                {
                    i += 2;
                }

                if (!PeekIs(i, SqlTokenKind.RightParen))
                {
                    return false;
                }

                i++;
            }

            if ((keyword == SqlKeyword.Time || keyword == SqlKeyword.Timestamp)
                && (PeekIsKeyword(i, SqlKeyword.With) || PeekIsKeyword(i, SqlKeyword.Without))
                && PeekIsKeyword(i + 1, SqlKeyword.Time) && PeekIsKeyword(i + 2, SqlKeyword.Zone))
            {
                i += 3;
            }

            return PeekIs(i, SqlTokenKind.String);
        }

        /// <summary><c>type 'text'</c> for keyword types, including <c>INTERVAL 'text' [fields]</c>.</summary>
        private SqlExpression ParseTypedLiteral()
        {
            var startIndex = _pos;
            var type = ParseDataType();
            if (!Is(SqlTokenKind.String))
            {
                throw Expected("a string literal");
            }

            var literal = ParseStringLiteral();
            if (type.Name == "interval")
            {
                var fields = ParseIntervalFields();
                if (fields.Length > 0)
                {
                    type = new SqlDataType("interval" + fields, null, type.Modifiers, 0, SpanFrom(startIndex));
                }
            }

            return new CastExpression(SpanFrom(startIndex), literal, type, CastSyntax.TypedLiteral);
        }
    }
}
