using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>WITH clauses: common table expressions, including data-modifying ones.</summary>
    internal sealed partial class SqlStatementParser
    {
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
    }
}
