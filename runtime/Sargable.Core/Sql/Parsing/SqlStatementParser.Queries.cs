using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>Queries: set operations, SELECT cores, VALUES, ORDER BY, LIMIT/OFFSET/FETCH and locking.</summary>
    internal sealed partial class SqlStatementParser
    {
        /// <summary>A full query; <paramref name="with"/> is passed when the caller already read a WITH clause.</summary>
        private QueryExpression ParseQueryExpression(WithClause? with = null, int startIndex = -1)
        {
            var saved = Enter();
            if (startIndex < 0)
            {
                startIndex = _pos;
            }

            if (with is null && IsKeyword(SqlKeyword.With))
            {
                with = ParseWithClause();
            }

            var body = ParseQueryBody();
            var orderBy = Empty<OrderByItem>();
            if (IsKeyword(SqlKeyword.Order))
            {
                Advance();
                ExpectKeyword(SqlKeyword.By);
                orderBy = ParseOrderByList();
            }

            LimitClause? limit = null;
            SqlExpression? offset = null;
            List<LockingClause>? locking = null;
            while (true)
            {
                if (limit is null && IsKeyword(SqlKeyword.Limit))
                {
                    limit = ParseLimit();
                }
                else if (limit is null && IsKeyword(SqlKeyword.Fetch))
                {
                    limit = ParseFetch();
                }
                else if (offset is null && IsKeyword(SqlKeyword.Offset))
                {
                    Advance();
                    offset = ParseExpression();
                    if (!AcceptKeyword(SqlKeyword.Row))
                    {
                        AcceptKeyword(SqlKeyword.Rows);
                    }
                }
                else if (IsKeyword(SqlKeyword.For))
                {
                    (locking ??= new List<LockingClause>()).Add(ParseLockingClause());
                }
                else
                {
                    break;
                }
            }

            _depth = saved;
            return new QueryExpression(SpanFrom(startIndex), with, body, orderBy, limit, offset, locking?.ToArray() ?? Empty<LockingClause>());
        }

        /// <summary>UNION and EXCEPT over INTERSECT terms, left-associative.</summary>
        private QueryBody ParseQueryBody()
        {
            var startIndex = _pos;
            var left = ParseQueryTerm();
            var saved = _depth;
            while (IsKeyword(SqlKeyword.Union) || IsKeyword(SqlKeyword.Except))
            {
                Deeper();
                var op = IsKeyword(SqlKeyword.Union) ? SetOperator.Union : SetOperator.Except;
                Advance();
                var quantifier = ParseSetQuantifier();
                var right = ParseQueryTerm();
                left = new SetOperation(SpanFrom(startIndex), left, op, quantifier, right);
            }

            _depth = saved;
            return left;
        }

        private QueryBody ParseQueryTerm()
        {
            var startIndex = _pos;
            var left = ParseQueryPrimary();
            var saved = _depth;
            while (IsKeyword(SqlKeyword.Intersect))
            {
                Deeper();
                Advance();
                var quantifier = ParseSetQuantifier();
                var right = ParseQueryPrimary();
                left = new SetOperation(SpanFrom(startIndex), left, SetOperator.Intersect, quantifier, right);
            }

            _depth = saved;
            return left;
        }

        private SetQuantifier ParseSetQuantifier() =>
            AcceptKeyword(SqlKeyword.All) ? SetQuantifier.All : AcceptKeyword(SqlKeyword.Distinct) ? SetQuantifier.Distinct : SetQuantifier.Default;

        private QueryBody ParseQueryPrimary()
        {
            if (IsKeyword(SqlKeyword.Select))
            {
                return ParseSelectCore();
            }

            if (IsKeyword(SqlKeyword.Table))
            {
                return ParseTableCommand();
            }

            if (IsKeyword(SqlKeyword.Values))
            {
                return ParseValues();
            }

            if (Is(SqlTokenKind.LeftParen))
            {
                var startIndex = _pos;
                Advance();
                var query = ParseQueryExpression();
                ExpectCloseParen();
                return new ParenthesizedQuery(SpanFrom(startIndex), query);
            }

            throw Expected("'SELECT', 'VALUES' or '('");
        }

        /// <summary><c>TABLE [ONLY] name [*]</c> is <c>SELECT * FROM name</c>, and is read as that.</summary>
        private SelectCore ParseTableCommand()
        {
            var startIndex = _pos;
            var starIndex = _pos;
            Advance();
            var tableStart = _pos;
            var only = AcceptKeyword(SqlKeyword.Only);
            var name = ParseQualifiedName("a table name");
            if (IsOperator(BinaryOperator.Multiply))
            {
                Advance();
            }

            var span = SpanFrom(startIndex);
            var star = new SelectItem(span, new StarExpression(SpanFrom(starIndex), Empty<SqlIdentifier>()), null);
            var table = new TableReference(SpanFrom(tableStart), name, only, null);
            return new SelectCore(span, DistinctKind.None, Empty<SqlExpression>(), new[] { star }, new FromItem[] { table }, null, Empty<SqlExpression>(), null, Empty<WindowDefinition>());
        }

        private SelectCore ParseSelectCore()
        {
            var startIndex = _pos;
            Advance();
            var distinct = DistinctKind.None;
            var distinctOn = Empty<SqlExpression>();
            if (AcceptKeyword(SqlKeyword.All))
            {
                distinct = DistinctKind.All;
            }
            else if (AcceptKeyword(SqlKeyword.Distinct))
            {
                distinct = DistinctKind.Distinct;
                if (AcceptKeyword(SqlKeyword.On))
                {
                    distinct = DistinctKind.DistinctOn;
                    ExpectOpenParen();
                    distinctOn = ParseExpressionList();
                    ExpectCloseParen();
                }

                // PostgreSQL allows an empty select list (SELECT FROM t) but not after DISTINCT.
                if (!StartsSelectItem())
                {
                    throw Expected("a select list after DISTINCT");
                }
            }

            var items = StartsSelectItem() ? ParseSelectItems() : Empty<SelectItem>();
            var from = AcceptKeyword(SqlKeyword.From) ? ParseFromList() : Empty<FromItem>();
            var where = AcceptKeyword(SqlKeyword.Where) ? ParseExpression() : null;
            var groupBy = Empty<SqlExpression>();
            if (IsKeyword(SqlKeyword.Group))
            {
                Advance();
                ExpectKeyword(SqlKeyword.By);
                if (!AcceptKeyword(SqlKeyword.All))
                {
                    AcceptKeyword(SqlKeyword.Distinct);
                }

                groupBy = ParseGroupByList();
            }

            var having = AcceptKeyword(SqlKeyword.Having) ? ParseExpression() : null;
            var windows = Empty<WindowDefinition>();
            if (AcceptKeyword(SqlKeyword.Window))
            {
                var list = new List<WindowDefinition>(1);
                do
                {
                    var windowStart = _pos;
                    var name = ParseColId("a window name");
                    ExpectKeyword(SqlKeyword.As);
                    var specification = ParseWindowSpecification();
                    list.Add(new WindowDefinition(SpanFrom(windowStart), name, specification));
                }
                while (Accept(SqlTokenKind.Comma));
                windows = list.ToArray();
            }

            return new SelectCore(SpanFrom(startIndex), distinct, distinctOn, items, from, where, groupBy, having, windows);
        }

        /// <summary>False when the select list is empty (<c>SELECT FROM t</c>, <c>SELECT;</c>).</summary>
        private bool StartsSelectItem()
        {
            ref readonly var token = ref Current;
            switch (token.Kind)
            {
                case SqlTokenKind.EndOfInput:
                case SqlTokenKind.Semicolon:
                case SqlTokenKind.RightParen:
                    return false;
                case SqlTokenKind.Identifier:
                    switch (token.Keyword)
                    {
                        case SqlKeyword.From:
                        case SqlKeyword.Where:
                        case SqlKeyword.Group:
                        case SqlKeyword.Having:
                        case SqlKeyword.Window:
                        case SqlKeyword.Order:
                        case SqlKeyword.Limit:
                        case SqlKeyword.Offset:
                        case SqlKeyword.Fetch:
                        case SqlKeyword.For:
                        case SqlKeyword.Union:
                        case SqlKeyword.Intersect:
                        case SqlKeyword.Except:
                        case SqlKeyword.Into:
                        case SqlKeyword.On:
                        case SqlKeyword.Returning:
                            return false;
                        default:
                            return true;
                    }

                default:
                    return true;
            }
        }

        private SelectItem[] ParseSelectItems()
        {
            var items = new List<SelectItem>(8);
            do
            {
                items.Add(ParseSelectItem());
            }
            while (Accept(SqlTokenKind.Comma));
            return items.ToArray();
        }

        private SelectItem ParseSelectItem()
        {
            var startIndex = _pos;
            SqlExpression expression;
            if (IsOperator(BinaryOperator.Multiply))
            {
                Advance();
                expression = new StarExpression(SpanFrom(startIndex), Empty<SqlIdentifier>());
            }
            else
            {
                expression = ParseExpression();
            }

            SqlIdentifier? alias = null;
            if (AcceptKeyword(SqlKeyword.As))
            {
                alias = ParseLabel("an alias");
            }
            else if (IsColId(Current))
            {
                alias = MakeIdentifier(Current);
                Advance();
            }

            return new SelectItem(SpanFrom(startIndex), expression, alias);
        }

        private OrderByItem[] ParseOrderByList()
        {
            var items = new List<OrderByItem>(2);
            do
            {
                items.Add(ParseOrderByItem());
            }
            while (Accept(SqlTokenKind.Comma));
            return items.ToArray();
        }

        private OrderByItem ParseOrderByItem()
        {
            var startIndex = _pos;
            var expression = ParseExpression();
            var direction = SortDirection.Default;
            string? usingOperator = null;
            if (AcceptKeyword(SqlKeyword.Asc))
            {
                direction = SortDirection.Ascending;
            }
            else if (AcceptKeyword(SqlKeyword.Desc))
            {
                direction = SortDirection.Descending;
            }
            else if (AcceptKeyword(SqlKeyword.Using))
            {
                ref readonly var op = ref Current;
                if (op.Kind != SqlTokenKind.Operator)
                {
                    throw Expected("an operator");
                }

                usingOperator = TokenText(op);
                Advance();
            }

            var nulls = NullsOrder.Default;
            if (IsKeyword(SqlKeyword.Nulls))
            {
                Advance();
                if (AcceptKeyword(SqlKeyword.First))
                {
                    nulls = NullsOrder.First;
                }
                else
                {
                    ExpectKeyword(SqlKeyword.Last);
                    nulls = NullsOrder.Last;
                }
            }

            return new OrderByItem(SpanFrom(startIndex), expression, direction, usingOperator, nulls);
        }

        private LimitClause ParseLimit()
        {
            var startIndex = _pos;
            Advance();
            if (AcceptKeyword(SqlKeyword.All))
            {
                return new LimitClause(SpanFrom(startIndex), null, isAll: true, isFetch: false, withTies: false);
            }

            var count = ParseExpression();
            return new LimitClause(SpanFrom(startIndex), count, isAll: false, isFetch: false, withTies: false);
        }

        private LimitClause ParseFetch()
        {
            var startIndex = _pos;
            Advance();
            if (!AcceptKeyword(SqlKeyword.First))
            {
                ExpectKeyword(SqlKeyword.Next);
            }

            var count = IsKeyword(SqlKeyword.Row) || IsKeyword(SqlKeyword.Rows) ? null : ParseExpression();
            if (!AcceptKeyword(SqlKeyword.Row))
            {
                ExpectKeyword(SqlKeyword.Rows);
            }

            var withTies = false;
            if (AcceptKeyword(SqlKeyword.With))
            {
                ExpectKeyword(SqlKeyword.Ties);
                withTies = true;
            }
            else
            {
                ExpectKeyword(SqlKeyword.Only);
            }

            return new LimitClause(SpanFrom(startIndex), count, isAll: false, isFetch: true, withTies);
        }

        private LockingClause ParseLockingClause()
        {
            var startIndex = _pos;
            Advance();
            LockStrength strength;
            if (AcceptKeyword(SqlKeyword.Update))
            {
                strength = LockStrength.Update;
            }
            else if (AcceptKeyword(SqlKeyword.Share))
            {
                strength = LockStrength.Share;
            }
            else if (AcceptKeyword(SqlKeyword.No))
            {
                ExpectKeyword(SqlKeyword.Key);
                ExpectKeyword(SqlKeyword.Update);
                strength = LockStrength.NoKeyUpdate;
            }
            else if (AcceptKeyword(SqlKeyword.Key))
            {
                ExpectKeyword(SqlKeyword.Share);
                strength = LockStrength.KeyShare;
            }
            else
            {
                throw Expected("'UPDATE', 'NO KEY UPDATE', 'SHARE' or 'KEY SHARE'");
            }

            var tables = Empty<SqlQualifiedName>();
            if (AcceptKeyword(SqlKeyword.Of))
            {
                var list = new List<SqlQualifiedName>(1);
                do
                {
                    list.Add(ParseQualifiedName("a table name"));
                }
                while (Accept(SqlTokenKind.Comma));
                tables = list.ToArray();
            }

            var wait = LockWaitPolicy.Wait;
            if (AcceptKeyword(SqlKeyword.NoWait))
            {
                wait = LockWaitPolicy.NoWait;
            }
            else if (AcceptKeyword(SqlKeyword.Skip))
            {
                ExpectKeyword(SqlKeyword.Locked);
                wait = LockWaitPolicy.SkipLocked;
            }

            return new LockingClause(SpanFrom(startIndex), strength, tables, wait);
        }

        private ValuesQuery ParseValues()
        {
            var startIndex = _pos;
            Advance();
            var rows = new List<IReadOnlyList<SqlExpression>>(1);
            do
            {
                ExpectOpenParen();
                rows.Add(ParseExpressionList());
                ExpectCloseParen();
            }
            while (Accept(SqlTokenKind.Comma));
            return new ValuesQuery(SpanFrom(startIndex), rows.ToArray());
        }
    }
}
