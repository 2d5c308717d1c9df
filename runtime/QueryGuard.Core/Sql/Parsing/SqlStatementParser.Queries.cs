using System.Collections.Generic;

namespace QueryGuard.Sql
{
    /// <summary>Queries: WITH, set operations, SELECT cores, VALUES, ORDER BY, LIMIT/OFFSET/FETCH, locking and windows.</summary>
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

        private WithClause ParseWithClause()
        {
            var saved = Enter();
            var startIndex = _pos;
            Advance();
            var recursive = AcceptKeyword(SqlKeyword.Recursive);
            var ctes = new List<CommonTableExpression>(1);
            do
            {
                ctes.Add(ParseCommonTableExpression());
            }
            while (Accept(SqlTokenKind.Comma));
            _depth = saved;
            return new WithClause(SpanFrom(startIndex), recursive, ctes.ToArray());
        }

        private CommonTableExpression ParseCommonTableExpression()
        {
            var startIndex = _pos;
            var name = ParseColId("a CTE name");
            var columns = Is(SqlTokenKind.LeftParen) ? ParseIdentifierListInParens("a column name") : Empty<SqlIdentifier>();
            ExpectKeyword(SqlKeyword.As);
            var materialization = CteMaterialization.Default;
            if (AcceptKeyword(SqlKeyword.Materialized))
            {
                materialization = CteMaterialization.Materialized;
            }
            else if (IsKeyword(SqlKeyword.Not) && PeekIsKeyword(1, SqlKeyword.Materialized))
            {
                Advance(2);
                materialization = CteMaterialization.NotMaterialized;
            }

            ExpectOpenParen();
            var bodyStart = _pos;
            SqlStatement statement;
            if (IsKeyword(SqlKeyword.Insert))
            {
                statement = ParseInsert(null, bodyStart);
            }
            else if (IsKeyword(SqlKeyword.Update))
            {
                statement = ParseUpdate(null, bodyStart);
            }
            else if (IsKeyword(SqlKeyword.Delete))
            {
                statement = ParseDelete(null, bodyStart);
            }
            else
            {
                var query = ParseQueryExpression();
                statement = new SelectStatement(query.Span, query);
            }

            ExpectCloseParen();
            return new CommonTableExpression(SpanFrom(startIndex), name, columns, materialization, statement);
        }

        /// <summary><c>( [existing] [PARTITION BY ...] [ORDER BY ...] [frame] )</c>.</summary>
        private WindowSpecification ParseWindowSpecification()
        {
            var saved = Enter();
            var startIndex = _pos;
            ExpectOpenParen();
            SqlIdentifier? existing = null;
            if (IsColId(Current) && !IsKeyword(SqlKeyword.Partition) && !IsKeyword(SqlKeyword.Range)
                && !IsKeyword(SqlKeyword.Rows) && !IsKeyword(SqlKeyword.Groups))
            {
                existing = ParseColId("a window name");
            }

            var partitionBy = Empty<SqlExpression>();
            if (IsKeyword(SqlKeyword.Partition))
            {
                Advance();
                ExpectKeyword(SqlKeyword.By);
                partitionBy = ParseExpressionList();
            }

            var orderBy = Empty<OrderByItem>();
            if (IsKeyword(SqlKeyword.Order))
            {
                Advance();
                ExpectKeyword(SqlKeyword.By);
                orderBy = ParseOrderByList();
            }

            WindowFrame? frame = null;
            if (IsKeyword(SqlKeyword.Rows) || IsKeyword(SqlKeyword.Range) || IsKeyword(SqlKeyword.Groups))
            {
                frame = ParseWindowFrame();
            }

            ExpectCloseParen();
            _depth = saved;
            return new WindowSpecification(SpanFrom(startIndex), existing, partitionBy, orderBy, frame);
        }

        private WindowFrame ParseWindowFrame()
        {
            var startIndex = _pos;
            var units = IsKeyword(SqlKeyword.Rows) ? WindowFrameUnits.Rows : IsKeyword(SqlKeyword.Range) ? WindowFrameUnits.Range : WindowFrameUnits.Groups;
            Advance();
            FrameBound start;
            FrameBound? end = null;
            if (AcceptKeyword(SqlKeyword.Between))
            {
                start = ParseFrameBound();
                ExpectKeyword(SqlKeyword.And);
                end = ParseFrameBound();
            }
            else
            {
                start = ParseFrameBound();
            }

            var exclusion = FrameExclusion.None;
            if (AcceptKeyword(SqlKeyword.Exclude))
            {
                if (AcceptKeyword(SqlKeyword.Current))
                {
                    ExpectKeyword(SqlKeyword.Row);
                    exclusion = FrameExclusion.CurrentRow;
                }
                else if (AcceptKeyword(SqlKeyword.Group))
                {
                    exclusion = FrameExclusion.Group;
                }
                else if (AcceptKeyword(SqlKeyword.Ties))
                {
                    exclusion = FrameExclusion.Ties;
                }
                else
                {
                    ExpectKeyword(SqlKeyword.No);
                    ExpectKeyword(SqlKeyword.Others);
                    exclusion = FrameExclusion.NoOthers;
                }
            }

            return new WindowFrame(SpanFrom(startIndex), units, start, end, exclusion);
        }

        private FrameBound ParseFrameBound()
        {
            var startIndex = _pos;
            if (AcceptKeyword(SqlKeyword.Unbounded))
            {
                if (AcceptKeyword(SqlKeyword.Preceding))
                {
                    return new FrameBound(FrameBoundKind.UnboundedPreceding, null, SpanFrom(startIndex));
                }

                ExpectKeyword(SqlKeyword.Following);
                return new FrameBound(FrameBoundKind.UnboundedFollowing, null, SpanFrom(startIndex));
            }

            if (IsKeyword(SqlKeyword.Current) && PeekIsKeyword(1, SqlKeyword.Row))
            {
                Advance(2);
                return new FrameBound(FrameBoundKind.CurrentRow, null, SpanFrom(startIndex));
            }

            var offset = ParseExpression(PrecNot);
            if (AcceptKeyword(SqlKeyword.Preceding))
            {
                return new FrameBound(FrameBoundKind.Preceding, offset, SpanFrom(startIndex));
            }

            ExpectKeyword(SqlKeyword.Following);
            return new FrameBound(FrameBoundKind.Following, offset, SpanFrom(startIndex));
        }

        private SqlExpression[] ParseGroupByList()
        {
            var items = new List<SqlExpression>(2);
            do
            {
                items.Add(ParseGroupingElement());
            }
            while (Accept(SqlTokenKind.Comma));
            return items.ToArray();
        }

        private SqlExpression ParseGroupingElement()
        {
            var saved = Enter();
            var startIndex = _pos;
            SqlExpression element;
            if (Is(SqlTokenKind.LeftParen) && PeekIs(1, SqlTokenKind.RightParen))
            {
                Advance(2);
                element = new GroupingSet(SpanFrom(startIndex), GroupingSetKind.Empty, Empty<SqlExpression>());
            }
            else if ((IsKeyword(SqlKeyword.Rollup) || IsKeyword(SqlKeyword.Cube)) && PeekIs(1, SqlTokenKind.LeftParen))
            {
                var kind = IsKeyword(SqlKeyword.Rollup) ? GroupingSetKind.Rollup : GroupingSetKind.Cube;
                Advance(2);
                var items = ParseExpressionList();
                ExpectCloseParen();
                element = new GroupingSet(SpanFrom(startIndex), kind, items);
            }
            else if (IsKeyword(SqlKeyword.Grouping) && PeekIsKeyword(1, SqlKeyword.Sets))
            {
                Advance(2);
                ExpectOpenParen();
                var items = ParseGroupByList();
                ExpectCloseParen();
                element = new GroupingSet(SpanFrom(startIndex), GroupingSetKind.GroupingSets, items);
            }
            else
            {
                element = ParseExpression();
            }

            _depth = saved;
            return element;
        }
    }
}
