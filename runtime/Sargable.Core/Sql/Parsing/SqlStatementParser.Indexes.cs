using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>CREATE INDEX, its keys (shared with ON CONFLICT targets) and WITH (...) storage parameters.</summary>
    internal sealed partial class SqlStatementParser
    {
        private CreateIndexStatement ParseCreateIndex(int startIndex)
        {
            var unique = AcceptKeyword(SqlKeyword.Unique);
            ExpectKeyword(SqlKeyword.Index);
            var concurrently = AcceptKeyword(SqlKeyword.Concurrently);
            var ifNotExists = ParseIfNotExists();
            SqlIdentifier? name = null;
            if (ifNotExists || !IsKeyword(SqlKeyword.On))
            {
                name = ParseColId("an index name or 'ON'");
            }

            ExpectKeyword(SqlKeyword.On);
            var only = AcceptKeyword(SqlKeyword.Only);
            var table = ParseQualifiedName("a table name");
            var method = AcceptKeyword(SqlKeyword.Using) ? ParseColId("an index method") : null;
            ExpectOpenParen();
            var keys = new List<IndexKey>(2);
            do
            {
                keys.Add(ParseIndexKey());
            }
            while (Accept(SqlTokenKind.Comma));
            ExpectCloseParen();
            var include = AcceptKeyword(SqlKeyword.Include) ? ParseIdentifierListInParens("a column name") : Empty<SqlIdentifier>();
            var nullsNotDistinct = ParseNullsDistinct();
            var storage = IsKeyword(SqlKeyword.With) ? ParseStorageParameters() : Empty<StorageParameter>();
            var tablespace = AcceptKeyword(SqlKeyword.Tablespace) ? ParseColId("a tablespace name") : null;
            var where = AcceptKeyword(SqlKeyword.Where) ? ParseExpression() : null;
            return new CreateIndexStatement(SpanFrom(startIndex), unique, concurrently, ifNotExists, name, table, only, method, keys.ToArray(), include, nullsNotDistinct, storage, tablespace, where);
        }

        /// <summary><c>column | (expression) | f(...)</c> with <c>[COLLATE c] [opclass [(params)]] [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
        private IndexKey ParseIndexKey()
        {
            var saved = Enter();
            var startIndex = _pos;
            SqlExpression expression;
            if (Accept(SqlTokenKind.LeftParen))
            {
                expression = ParseExpression();
                ExpectCloseParen();
            }
            else
            {
                expression = ParsePrimary();
            }

            var collation = AcceptKeyword(SqlKeyword.Collate) ? ParseQualifiedName("a collation name") : null;
            SqlQualifiedName? operatorClass = null;
            if (IsColId(Current) && !(IsKeyword(SqlKeyword.Nulls) && (PeekIsKeyword(1, SqlKeyword.First) || PeekIsKeyword(1, SqlKeyword.Last))))
            {
                operatorClass = ParseQualifiedName("an operator class");
                if (Is(SqlTokenKind.LeftParen))
                {
                    SkipParenthesized();
                }
            }

            var direction = AcceptKeyword(SqlKeyword.Asc) ? SortDirection.Ascending
                : AcceptKeyword(SqlKeyword.Desc) ? SortDirection.Descending
                : SortDirection.Default;
            var nulls = NullsOrder.Default;
            if (AcceptKeyword(SqlKeyword.Nulls))
            {
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

            _depth = saved;
            return new IndexKey(SpanFrom(startIndex), expression, collation, operatorClass, direction, nulls);
        }

        /// <summary><c>WITH (name [= value], ...)</c>.</summary>
        private StorageParameter[] ParseStorageParameters()
        {
            Advance();
            ExpectOpenParen();
            var parameters = new List<StorageParameter>(2);
            do
            {
                var startIndex = _pos;
                var name = ParseLabel("a parameter name").Value;
                while (Is(SqlTokenKind.Dot))
                {
                    Advance();
                    name += "." + ParseLabel("a parameter name").Value;
                }

                string? value = null;
                if (IsOperator(BinaryOperator.Equal))
                {
                    Advance();
                    var sign = string.Empty;
                    if (IsOperator(BinaryOperator.Subtract) || IsOperator(BinaryOperator.Add))
                    {
                        sign = TokenText(Current);
                        Advance();
                    }

                    ref readonly var token = ref Current;
                    switch (token.Kind)
                    {
                        case SqlTokenKind.String:
                            value = sign + ParseStringLiteral().Value;
                            break;
                        case SqlTokenKind.Integer:
                        case SqlTokenKind.Numeric:
                        case SqlTokenKind.Identifier:
                        case SqlTokenKind.QuotedIdentifier:
                            value = sign + (token.Kind == SqlTokenKind.QuotedIdentifier ? MakeIdentifier(token).Value : TokenText(token));
                            Advance();
                            break;
                        default:
                            throw Expected("a parameter value");
                    }
                }

                parameters.Add(new StorageParameter(name, value, SpanFrom(startIndex)));
            }
            while (Accept(SqlTokenKind.Comma));
            ExpectCloseParen();
            return parameters.ToArray();
        }
    }
}
