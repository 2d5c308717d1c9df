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

            // The body may have its own WITH, also in front of INSERT/UPDATE/DELETE (WITH x AS (WITH y AS (...) UPDATE ...)).
            var with = IsKeyword(SqlKeyword.With) ? ParseWithClause() : null;
            SqlStatement statement;
            if (IsKeyword(SqlKeyword.Insert))
            {
                statement = ParseInsert(with, bodyStart);
            }
            else if (IsKeyword(SqlKeyword.Update))
            {
                statement = ParseUpdate(with, bodyStart);
            }
            else if (IsKeyword(SqlKeyword.Delete))
            {
                statement = ParseDelete(with, bodyStart);
            }
            else if (with is not null)
            {
                statement = ParseSelectStatement(with, bodyStart);
            }
            else
            {
                var query = ParseQueryExpression();
                statement = new SelectStatement(query.Span, query);
            }

            ExpectCloseParen();
            SkipSearchAndCycleClauses();
            return new CommonTableExpression(SpanFrom(startIndex), name, columns, materialization, statement);
        }

        /// <summary>
        /// <c>SEARCH {DEPTH|BREADTH} FIRST BY col, ... SET col</c> and
        /// <c>CYCLE col, ... SET col [TO value DEFAULT value] USING col</c> after a recursive CTE: they add bookkeeping
        /// columns and change no table access, so they are checked for form and not kept.
        /// </summary>
        private void SkipSearchAndCycleClauses()
        {
            if (IsWord("SEARCH"))
            {
                Advance();
                if (!IsWord("DEPTH") && !IsWord("BREADTH"))
                {
                    throw Expected("'DEPTH' or 'BREADTH'");
                }

                Advance();
                ExpectWord("FIRST");
                ExpectKeyword(SqlKeyword.By);
                ParseColumnNameList();
                ExpectKeyword(SqlKeyword.Set);
                ParseColId("a sequence column name");
            }

            if (IsWord("CYCLE"))
            {
                Advance();
                ParseColumnNameList();
                ExpectKeyword(SqlKeyword.Set);
                ParseColId("a cycle mark column name");
                if (AcceptKeyword(SqlKeyword.To))
                {
                    ParsePrimaryForCycleMark();
                    ExpectKeyword(SqlKeyword.Default);
                    ParsePrimaryForCycleMark();
                }

                ExpectKeyword(SqlKeyword.Using);
                ParseColId("a cycle path column name");
            }
        }

        private void ParseColumnNameList()
        {
            do
            {
                ParseColId("a column name");
            }
            while (Accept(SqlTokenKind.Comma));
        }

        /// <summary>The cycle mark values are constants (<c>TO true DEFAULT false</c>, <c>TO 'Y' DEFAULT 'N'</c>).</summary>
        private void ParsePrimaryForCycleMark()
        {
            if (!Is(SqlTokenKind.String) && !Is(SqlTokenKind.Integer) && !IsKeyword(SqlKeyword.True) && !IsKeyword(SqlKeyword.False))
            {
                throw Expected("a constant");
            }

            Advance();
        }

        private bool IsWord(string word) =>
            Is(SqlTokenKind.Identifier) && string.Equals(TokenText(Current), word, System.StringComparison.OrdinalIgnoreCase);

        private void ExpectWord(string word)
        {
            if (!IsWord(word))
            {
                throw Expected("'" + word + "'");
            }

            Advance();
        }
    }
}
