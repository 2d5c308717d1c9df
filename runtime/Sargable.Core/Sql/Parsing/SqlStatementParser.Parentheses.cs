using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>Telling subqueries from parenthesized expressions, rows and joins without backtracking.</summary>
    internal sealed partial class SqlStatementParser
    {
        /// <summary>What a parenthesized list held: a subquery, or one or more expressions.</summary>
        private readonly struct ParenContent
        {
            public ParenContent(QueryExpression? query, SqlExpression[]? items)
            {
                Query = query;
                Items = items;
            }

            public QueryExpression? Query { get; }

            public SqlExpression[]? Items { get; }
        }

        /// <summary>
        /// <c>( query )</c> or <c>( expr, ... )</c> with at most <paramref name="maxItems"/> expressions. Handles the
        /// ambiguous <c>((SELECT 1) UNION (SELECT 2))</c> versus <c>((SELECT 1) + 1)</c> without backtracking: a query is
        /// parsed, and if a bare parenthesized query is followed by an operator it becomes a scalar subquery operand.
        /// </summary>
        private ParenContent ParseParenthesizedList(int maxItems)
        {
            ExpectOpenParen();
            if (IsQueryStart(_pos))
            {
                var query = ParseQueryExpression();
                ExpectCloseParen();
                return new ParenContent(UnwrapParentheses(query), null);
            }

            SqlExpression first;
            if (Is(SqlTokenKind.LeftParen) && ParenthesesLeadToQuery(_pos))
            {
                var innerStart = _pos;
                var query = ParseQueryExpression();
                if (Accept(SqlTokenKind.RightParen))
                {
                    return new ParenContent(UnwrapParentheses(query), null);
                }

                first = ContinueAfterParenthesizedQuery(query, innerStart);
            }
            else
            {
                first = ParseExpression();
            }

            var items = new List<SqlExpression>(4) { first };
            while (items.Count < maxItems && Accept(SqlTokenKind.Comma))
            {
                items.Add(ParseExpression());
            }

            ExpectCloseParen();
            return new ParenContent(null, items.ToArray());
        }

        /// <summary>A bare <c>(query)</c> followed by an operator is a scalar subquery operand of a larger expression.</summary>
        private SqlExpression ContinueAfterParenthesizedQuery(QueryExpression query, int startIndex)
        {
            if (!IsBareParenthesized(query, out var inner))
            {
                throw Expected("')'");
            }

            SqlExpression expression = new SubqueryExpression(query.Span, UnwrapParentheses(inner));
            expression = ParsePostfix(expression, startIndex);
            return ParseInfix(expression, startIndex, PrecOr);
        }

        private static bool IsBareParenthesized(QueryExpression query, out QueryExpression inner)
        {
            if (query.With is null && query.OrderBy.Count == 0 && query.Limit is null && query.Offset is null
                && query.Locking.Count == 0 && query.Body is ParenthesizedQuery parenthesized)
            {
                inner = parenthesized.Query;
                return true;
            }

            inner = query;
            return false;
        }

        /// <summary>Strips redundant parentheses: <c>((SELECT 1))</c> is the same query as <c>SELECT 1</c>.</summary>
        private static QueryExpression UnwrapParentheses(QueryExpression query)
        {
            while (IsBareParenthesized(query, out var inner))
            {
                query = inner;
            }

            return query;
        }

        /// <summary>True when the token at <paramref name="index"/> starts a query: SELECT, WITH, or VALUES followed by '('.</summary>
        private bool IsQueryStart(int index)
        {
            _work++;
            ref readonly var token = ref _tokens[index < _count ? index : _count - 1];
            if (token.Kind != SqlTokenKind.Identifier)
            {
                return false;
            }

            if (token.Keyword == SqlKeyword.Select || token.Keyword == SqlKeyword.With)
            {
                return true;
            }

            if (token.Keyword != SqlKeyword.Values)
            {
                return false;
            }

            _work++;
            return index + 1 < _count && _tokens[index + 1].Kind == SqlTokenKind.LeftParen;
        }

        /// <summary>
        /// Whether the run of '(' starting at <paramref name="index"/> ends at a query start. The answer is cached per run,
        /// so nested parentheses (each level asks again) cost one scan in total. A run longer than the nesting limit
        /// fails either way, so the scan stops there.
        /// </summary>
        private bool ParenthesesLeadToQuery(int index)
        {
            if (index < _parenRunStart || index >= _parenRunEnd)
            {
                var end = index;
                var limit = Math.Min(_count, index + MaxDepth + 1);
                while (end < limit && _tokens[end].Kind == SqlTokenKind.LeftParen)
                {
                    _work++;
                    end++;
                }

                _parenRunStart = index;
                _parenRunEnd = end;
            }

            return IsQueryStart(_parenRunEnd);
        }
    }
}
