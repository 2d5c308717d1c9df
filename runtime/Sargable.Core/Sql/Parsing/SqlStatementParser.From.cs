using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>FROM lists: tables, derived tables, function tables, LATERAL, joins and parenthesized joins.</summary>
    internal sealed partial class SqlStatementParser
    {
        private FromItem[] ParseFromList()
        {
            var items = new List<FromItem>(2);
            do
            {
                items.Add(ParseTableReference());
            }
            while (Accept(SqlTokenKind.Comma));
            return items.ToArray();
        }

        /// <summary>A FROM item with the joins that follow it.</summary>
        private FromItem ParseTableReference()
        {
            var saved = Enter();
            var startIndex = _pos;
            var item = ParseJoins(ParseFromPrimary(), startIndex);
            _depth = saved;
            return item;
        }

        private FromItem ParseJoins(FromItem left, int startIndex)
        {
            var saved = _depth;
            while (TryParseJoinType(out var kind, out var natural))
            {
                Deeper();
                var rightStart = _pos;
                var right = ParseFromPrimary();
                SqlExpression? condition = null;
                var usingColumns = Empty<SqlIdentifier>();
                TableAlias? alias = null;
                if (kind != JoinKind.Cross && !natural)
                {
                    if (StartsJoin())
                    {
                        // a JOIN b JOIN c ON x ON y: the right operand is itself a join.
                        var nested = Enter();
                        right = ParseJoins(right, rightStart);
                        _depth = nested;
                    }

                    if (AcceptKeyword(SqlKeyword.On))
                    {
                        condition = ParseExpression();
                    }
                    else if (AcceptKeyword(SqlKeyword.Using))
                    {
                        usingColumns = ParseIdentifierListInParens("a column name");
                        if (IsKeyword(SqlKeyword.As))
                        {
                            alias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
                        }
                    }
                    else
                    {
                        throw Expected("'ON' or 'USING'");
                    }
                }

                left = new Join(SpanFrom(startIndex), left, kind, natural, right, condition, usingColumns, alias);
            }

            _depth = saved;
            return left;
        }

        private bool StartsJoin()
        {
            ref readonly var token = ref Current;
            if (token.Kind != SqlTokenKind.Identifier)
            {
                return false;
            }

            switch (token.Keyword)
            {
                case SqlKeyword.Join:
                case SqlKeyword.Inner:
                case SqlKeyword.Left:
                case SqlKeyword.Right:
                case SqlKeyword.Full:
                case SqlKeyword.Cross:
                case SqlKeyword.Natural:
                    return true;
                default:
                    return false;
            }
        }

        private bool TryParseJoinType(out JoinKind kind, out bool natural)
        {
            kind = JoinKind.Inner;
            natural = false;
            if (!StartsJoin())
            {
                return false;
            }

            if (AcceptKeyword(SqlKeyword.Cross))
            {
                ExpectKeyword(SqlKeyword.Join);
                kind = JoinKind.Cross;
                return true;
            }

            natural = AcceptKeyword(SqlKeyword.Natural);
            if (AcceptKeyword(SqlKeyword.Left))
            {
                kind = JoinKind.Left;
                AcceptKeyword(SqlKeyword.Outer);
            }
            else if (AcceptKeyword(SqlKeyword.Right))
            {
                kind = JoinKind.Right;
                AcceptKeyword(SqlKeyword.Outer);
            }
            else if (AcceptKeyword(SqlKeyword.Full))
            {
                kind = JoinKind.Full;
                AcceptKeyword(SqlKeyword.Outer);
            }
            else
            {
                AcceptKeyword(SqlKeyword.Inner);
            }

            ExpectKeyword(SqlKeyword.Join);
            return true;
        }

        private FromItem ParseFromPrimary()
        {
            var startIndex = _pos;
            var lateral = AcceptKeyword(SqlKeyword.Lateral);
            ref readonly var token = ref Current;
            if (token.Kind == SqlTokenKind.LeftParen)
            {
                return ParseParenthesizedFromItem(startIndex, lateral);
            }

            if (!lateral && token.IsKeyword(SqlKeyword.Only))
            {
                Advance();
                var parenthesized = Accept(SqlTokenKind.LeftParen);
                var onlyName = ParseQualifiedName("a table name");
                if (parenthesized)
                {
                    ExpectCloseParen();
                }

                var onlyAlias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
                return new TableReference(SpanFrom(startIndex), onlyName, isOnly: true, onlyAlias);
            }

            if (token.IsKeyword(SqlKeyword.Rows) && PeekIsKeyword(1, SqlKeyword.From))
            {
                return ParseRowsFrom(startIndex, lateral);
            }

            if (token.IsKeyword(SqlKeyword.XmlTable) && PeekIs(1, SqlTokenKind.LeftParen))
            {
                return ParseXmlTable(startIndex, lateral);
            }

            // A table name is a ColId; a function may also be named by a type/function keyword (LEFT(...)).
            var isName = IsFunctionName(token) && (IsColId(token) || PeekIs(1, SqlTokenKind.LeftParen));
            if (!isName)
            {
                throw Expected(lateral ? "a subquery or function call after LATERAL" : "a table name, '(' or a function call");
            }

            var nameStart = _pos;
            var name = ParseQualifiedName("a table name", allowTypeFunctionName: true);
            if (Is(SqlTokenKind.LeftParen))
            {
                var call = (FunctionCall)ParseFunctionCallRest(name, nameStart);
                var withOrdinality = false;
                if (IsKeyword(SqlKeyword.With) && PeekIsKeyword(1, SqlKeyword.Ordinality))
                {
                    Advance(2);
                    withOrdinality = true;
                }

                var functionAlias = ParseOptionalTableAlias(allowColumnTypes: true, excludeSet: false);
                return new FunctionTable(SpanFrom(startIndex), lateral, call, withOrdinality, functionAlias);
            }

            if (lateral)
            {
                throw Expected("'(' after the function name");
            }

            if (!IsColId(_tokens[nameStart]))
            {
                throw ExpectedAt(nameStart, "a table name", null);
            }

            if (IsOperator(BinaryOperator.Multiply))
            {
                Advance();
            }

            var alias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
            var sampled = IsKeyword(SqlKeyword.TableSample);
            if (sampled)
            {
                SkipTableSample();
            }

            return new TableReference(SpanFrom(startIndex), name, isOnly: false, alias, sampled);
        }

        /// <summary>
        /// <c>ROWS FROM (f(...) [AS (col type, ...)], g(...)) [WITH ORDINALITY] [alias]</c>: the functions' results side by
        /// side. Kept as one function table whose call is named <c>ROWS FROM</c> and holds each function call as an
        /// argument, so every call (and any subquery in its arguments) is still walked.
        /// </summary>
        private FunctionTable ParseRowsFrom(int startIndex, bool lateral)
        {
            var nameStart = _pos;
            Advance(2);
            var nameSpan = SpanFrom(nameStart);
            var name = new SqlQualifiedName(new[] { new SqlIdentifier("rows from", "ROWS FROM", isQuoted: false, nameSpan) }, nameSpan);
            ExpectOpenParen();
            var calls = new List<SqlExpression>(2);
            do
            {
                var callStart = _pos;
                var callName = ParseQualifiedName("a function name", allowTypeFunctionName: true);
                if (!Is(SqlTokenKind.LeftParen))
                {
                    throw Expected("'(' after the function name");
                }

                calls.Add(ParseFunctionCallRest(callName, callStart));
                if (AcceptKeyword(SqlKeyword.As))
                {
                    // A column definition list for a function returning record: (name type, ...).
                    SkipParenthesized();
                }
            }
            while (Accept(SqlTokenKind.Comma));
            ExpectCloseParen();
            var call = new FunctionCall(SpanFrom(nameStart), name, hasParentheses: true, isStar: false, isDistinct: false, calls.ToArray(), Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
            var withOrdinality = false;
            if (IsKeyword(SqlKeyword.With) && PeekIsKeyword(1, SqlKeyword.Ordinality))
            {
                Advance(2);
                withOrdinality = true;
            }

            var alias = ParseOptionalTableAlias(allowColumnTypes: true, excludeSet: false);
            return new FunctionTable(SpanFrom(startIndex), lateral, call, withOrdinality, alias);
        }

        /// <summary><c>TABLESAMPLE method (args) [REPEATABLE (seed)]</c>: only the fact that the table is sampled is kept.</summary>
        private void SkipTableSample()
        {
            Advance();
            ParseQualifiedName("a sampling method", allowTypeFunctionName: true);
            ExpectOpenParen();
            ParseExpressionList();
            ExpectCloseParen();
            ref readonly var token = ref Current;
            if (token.Kind == SqlTokenKind.Identifier && token.Keyword == SqlKeyword.None
                && string.Compare(_source, token.Start, "repeatable", 0, token.Length, System.StringComparison.OrdinalIgnoreCase) == 0
                && token.Length == "repeatable".Length)
            {
                Advance();
                ExpectOpenParen();
                ParseExpression();
                ExpectCloseParen();
            }
        }

        /// <summary>
        /// <c>(query) alias</c>, <c>(a JOIN b) [alias]</c>, and the ambiguous <c>((SELECT ...) x JOIN y ON ...)</c> where the
        /// outer parentheses hold a join whose first item is a derived table.
        /// </summary>
        private FromItem ParseParenthesizedFromItem(int startIndex, bool lateral)
        {
            if (IsQueryStart(_pos + 1))
            {
                Advance();
                var query = ParseQueryExpression();
                ExpectCloseParen();
                var alias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
                return new DerivedTable(SpanFrom(startIndex), lateral, UnwrapParentheses(query), alias);
            }

            if (PeekIs(1, SqlTokenKind.LeftParen) && ParenthesesLeadToQuery(_pos + 1))
            {
                Advance();
                var innerStart = _pos;
                var query = ParseQueryExpression();
                if (Accept(SqlTokenKind.RightParen))
                {
                    var alias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
                    return new DerivedTable(SpanFrom(startIndex), lateral, UnwrapParentheses(query), alias);
                }

                if (lateral || !IsBareParenthesized(query, out var inner))
                {
                    throw Expected("')'");
                }

                var firstAlias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
                var first = new DerivedTable(SpanFrom(innerStart), isLateral: false, UnwrapParentheses(inner), firstAlias);
                var joined = ParseJoins(first, innerStart);
                ExpectCloseParen();
                return WithAlias(joined, startIndex);
            }

            if (lateral)
            {
                throw ExpectedAt(_pos + 1, "a subquery after LATERAL (", null);
            }

            Advance();
            var item = ParseTableReference();
            ExpectCloseParen();
            return WithAlias(item, startIndex);
        }

        /// <summary>An alias after a parenthesized FROM item applies to the item inside (which must not have one already).</summary>
        private FromItem WithAlias(FromItem item, int startIndex)
        {
            var aliasStart = _pos;
            var alias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
            if (alias is null)
            {
                return item;
            }

            var span = SpanFrom(startIndex);
            switch (item)
            {
                case Join { Alias: null } join:
                    return new Join(span, join.Left, join.Kind, join.IsNatural, join.Right, join.Condition, join.UsingColumns, alias);
                case TableReference { Alias: null } table:
                    return new TableReference(span, table.Name, table.IsOnly, alias);
                case DerivedTable { Alias: null } derived:
                    return new DerivedTable(span, derived.IsLateral, derived.Query, alias);
                case FunctionTable { Alias: null } function:
                    return new FunctionTable(span, function.IsLateral, function.Function, function.WithOrdinality, alias);
                default:
                    throw ExpectedAt(aliasStart, "no second alias for an aliased item", null);
            }
        }

        /// <summary><c>[AS] alias [(col [type], ...)]</c>; a bare alias must not be a keyword that could start a clause.</summary>
        private TableAlias? ParseOptionalTableAlias(bool allowColumnTypes, bool excludeSet)
        {
            var startIndex = _pos;
            SqlIdentifier name;
            if (AcceptKeyword(SqlKeyword.As))
            {
                name = ParseLabel("an alias");
            }
            else if (IsColId(Current) && !(excludeSet && IsKeyword(SqlKeyword.Set)))
            {
                name = MakeIdentifier(Current);
                Advance();
            }
            else
            {
                return null;
            }

            var columns = Empty<SqlIdentifier>();
            var types = Empty<SqlDataType?>();
            if (Accept(SqlTokenKind.LeftParen))
            {
                var columnList = new List<SqlIdentifier>(4);
                List<SqlDataType?>? typeList = null;
                do
                {
                    columnList.Add(ParseColId("a column alias"));
                    if (allowColumnTypes && !Is(SqlTokenKind.Comma) && !Is(SqlTokenKind.RightParen))
                    {
                        typeList ??= new List<SqlDataType?>(4);
                        while (typeList.Count < columnList.Count - 1)
                        {
                            typeList.Add(null);
                        }

                        typeList.Add(ParseDataType());
                    }
                }
                while (Accept(SqlTokenKind.Comma));
                ExpectCloseParen();
                columns = columnList.ToArray();
                if (typeList is not null)
                {
                    while (typeList.Count < columnList.Count)
                    {
                        typeList.Add(null);
                    }

                    types = typeList.ToArray();
                }
            }

            return new TableAlias(name, columns, types, SpanFrom(startIndex));
        }
    }
}
