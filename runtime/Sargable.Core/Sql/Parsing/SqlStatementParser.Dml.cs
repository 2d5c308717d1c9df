using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>INSERT, UPDATE and DELETE, with ON CONFLICT, SET lists and RETURNING.</summary>
    internal sealed partial class SqlStatementParser
    {
        private InsertStatement ParseInsert(WithClause? with, int startIndex)
        {
            var saved = Enter();
            Advance();
            ExpectKeyword(SqlKeyword.Into);
            var table = ParseQualifiedName("a table name");
            var alias = AcceptKeyword(SqlKeyword.As) ? ParseColId("an alias") : null;
            var columns = Empty<SqlIdentifier>();
            if (Is(SqlTokenKind.LeftParen) && IsColId(Peek(1)))
            {
                columns = ParseIdentifierListInParens("a column name");
            }

            if (AcceptKeyword(SqlKeyword.Overriding))
            {
                if (!AcceptKeyword(SqlKeyword.System))
                {
                    ExpectKeyword(SqlKeyword.User);
                }

                ExpectKeyword(SqlKeyword.Value);
            }

            QueryExpression? source = null;
            var defaultValues = false;
            if (IsKeyword(SqlKeyword.Default) && PeekIsKeyword(1, SqlKeyword.Values))
            {
                Advance(2);
                defaultValues = true;
            }
            else
            {
                source = ParseQueryExpression();
            }

            OnConflictClause? onConflict = null;
            if (IsKeyword(SqlKeyword.On) && PeekIsKeyword(1, SqlKeyword.Conflict))
            {
                onConflict = ParseOnConflict();
            }

            var returning = AcceptKeyword(SqlKeyword.Returning) ? ParseSelectItems() : Empty<SelectItem>();
            _depth = saved;
            return new InsertStatement(SpanFrom(startIndex), with, table, alias, columns, source, defaultValues, onConflict, returning);
        }

        private OnConflictClause ParseOnConflict()
        {
            var startIndex = _pos;
            Advance(2);
            var target = Empty<IndexKey>();
            SqlExpression? targetWhere = null;
            SqlIdentifier? constraint = null;
            if (Accept(SqlTokenKind.LeftParen))
            {
                var keys = new List<IndexKey>(2);
                do
                {
                    keys.Add(ParseIndexKey());
                }
                while (Accept(SqlTokenKind.Comma));
                ExpectCloseParen();
                target = keys.ToArray();
                if (AcceptKeyword(SqlKeyword.Where))
                {
                    targetWhere = ParseExpression();
                }
            }
            else if (IsKeyword(SqlKeyword.On) && PeekIsKeyword(1, SqlKeyword.Constraint))
            {
                Advance(2);
                constraint = ParseColId("a constraint name");
            }

            ExpectKeyword(SqlKeyword.Do);
            if (AcceptKeyword(SqlKeyword.Nothing))
            {
                return new OnConflictClause(SpanFrom(startIndex), target, targetWhere, constraint, OnConflictAction.DoNothing, Empty<SetClause>(), null);
            }

            if (!AcceptKeyword(SqlKeyword.Update))
            {
                throw Expected("'NOTHING' or 'UPDATE'");
            }

            ExpectKeyword(SqlKeyword.Set);
            var assignments = ParseSetClauses();
            var where = AcceptKeyword(SqlKeyword.Where) ? ParseExpression() : null;
            return new OnConflictClause(SpanFrom(startIndex), target, targetWhere, constraint, OnConflictAction.DoUpdate, assignments, where);
        }

        private SetClause[] ParseSetClauses()
        {
            var clauses = new List<SetClause>(2);
            do
            {
                var startIndex = _pos;
                if (Is(SqlTokenKind.LeftParen))
                {
                    var columns = ParseIdentifierListInParens("a column name");
                    ExpectEquals();
                    var row = ParseExpression();
                    clauses.Add(new SetClause(SpanFrom(startIndex), columns, isMultiColumn: true, row));
                }
                else
                {
                    var column = ParseColId("a column name");
                    SkipAssignmentIndirection(column);
                    ExpectEquals();
                    var value = ParseExpression();
                    clauses.Add(new SetClause(SpanFrom(startIndex), new[] { column }, isMultiColumn: false, value));
                }
            }
            while (Accept(SqlTokenKind.Comma));
            return clauses.ToArray();
        }

        /// <summary>
        /// The rest of an assignment target after its column: a field of a composite column (<c>SET q.c1 = 12</c>) or
        /// subscripts and slices (<c>SET a[2] = 0</c>, <c>SET doc['key'] = '1'</c>); the column alone is what is written.
        /// </summary>
        private void SkipAssignmentIndirection(SqlIdentifier column)
        {
            SqlExpression target = new ColumnReference(column.Span, new[] { column });
            while (true)
            {
                if (Accept(SqlTokenKind.Dot))
                {
                    ParseLabel("a field name");
                }
                else if (Is(SqlTokenKind.LeftBracket))
                {
                    target = ParseSubscript(target, _pos);
                }
                else
                {
                    return;
                }
            }
        }

        private void ExpectEquals()
        {
            if (!IsOperator(BinaryOperator.Equal))
            {
                throw Expected("'='");
            }

            Advance();
        }

        private UpdateStatement ParseUpdate(WithClause? with, int startIndex)
        {
            var saved = Enter();
            Advance();
            var table = ParseTargetTable(excludeSet: true);
            ExpectKeyword(SqlKeyword.Set);
            var assignments = ParseSetClauses();
            var from = AcceptKeyword(SqlKeyword.From) ? ParseFromList() : Empty<FromItem>();
            var where = AcceptKeyword(SqlKeyword.Where) ? ParseModificationWhere() : null;
            var returning = AcceptKeyword(SqlKeyword.Returning) ? ParseSelectItems() : Empty<SelectItem>();
            _depth = saved;
            return new UpdateStatement(SpanFrom(startIndex), with, table, assignments, from, where, returning);
        }

        private DeleteStatement ParseDelete(WithClause? with, int startIndex)
        {
            var saved = Enter();
            Advance();
            ExpectKeyword(SqlKeyword.From);
            var table = ParseTargetTable(excludeSet: false);
            var usingItems = AcceptKeyword(SqlKeyword.Using) ? ParseFromList() : Empty<FromItem>();
            var where = AcceptKeyword(SqlKeyword.Where) ? ParseModificationWhere() : null;
            var returning = AcceptKeyword(SqlKeyword.Returning) ? ParseSelectItems() : Empty<SelectItem>();
            _depth = saved;
            return new DeleteStatement(SpanFrom(startIndex), with, table, usingItems, where, returning);
        }

        /// <summary>The condition of UPDATE / DELETE, or <c>CURRENT OF cursor</c>.</summary>
        private SqlExpression ParseModificationWhere()
        {
            if (IsKeyword(SqlKeyword.Current) && PeekIsKeyword(1, SqlKeyword.Of))
            {
                var startIndex = _pos;
                Advance(2);
                var cursor = ParseColId("a cursor name");
                return new CurrentOfExpression(SpanFrom(startIndex), cursor);
            }

            return ParseExpression();
        }

        /// <summary>The table of UPDATE / DELETE: <c>[ONLY] name [*] [[AS] alias]</c>; UPDATE's bare alias cannot be SET.</summary>
        private TableReference ParseTargetTable(bool excludeSet)
        {
            var startIndex = _pos;
            var only = AcceptKeyword(SqlKeyword.Only);
            var name = ParseQualifiedName("a table name");
            if (IsOperator(BinaryOperator.Multiply))
            {
                Advance();
            }

            var alias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet);
            return new TableReference(SpanFrom(startIndex), name, only, alias);
        }
    }
}
