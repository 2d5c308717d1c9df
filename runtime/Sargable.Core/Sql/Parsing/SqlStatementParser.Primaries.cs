using System.Collections.Generic;
using System.Globalization;

namespace Sargable.Sql
{
    /// <summary>Primary expressions: names, keywords, parentheses, placeholders, CASE, CAST and ARRAY/ROW constructors.</summary>
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
                        var value = NumberValue(text);
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
                case SqlKeyword.XmlConcat:
                case SqlKeyword.XmlElement:
                case SqlKeyword.XmlExists:
                case SqlKeyword.XmlForest:
                case SqlKeyword.XmlParse:
                case SqlKeyword.XmlPi:
                case SqlKeyword.XmlRoot:
                case SqlKeyword.XmlSerialize:
                    return PeekIs(1, SqlTokenKind.LeftParen) ? ParseXmlFunction(keyword) : ParseNamePrimary();
                case SqlKeyword.XmlAttributes:
                case SqlKeyword.XmlNamespaces:
                case SqlKeyword.XmlTable:
                    return PeekIs(1, SqlTokenKind.LeftParen) ? throw XmlKeywordOutOfPlace(keyword) : ParseNamePrimary();
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
            if (IsKeyword(SqlKeyword.End))
            {
                throw Expected("'WHEN'");
            }

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
    }
}
