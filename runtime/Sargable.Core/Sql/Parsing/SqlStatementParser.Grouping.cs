using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>Window specifications and frames, and GROUP BY elements (ROLLUP, CUBE, GROUPING SETS).</summary>
    internal sealed partial class SqlStatementParser
    {
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
