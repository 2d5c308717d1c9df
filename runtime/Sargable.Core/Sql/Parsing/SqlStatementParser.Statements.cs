using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>The statement level: one statement, an optional ';', then nothing but comments.</summary>
    internal sealed partial class SqlStatementParser
    {
        private SqlStatement ParseTopLevel()
        {
            if (Is(SqlTokenKind.EndOfInput))
            {
                throw Expected("a statement");
            }

            var statement = ParseStatement();
            Accept(SqlTokenKind.Semicolon);
            if (!Is(SqlTokenKind.EndOfInput))
            {
                throw Expected("end of statement");
            }

            statement.AttachComments(_comments);
            return statement;
        }

        private SqlStatement ParseStatement()
        {
            var startIndex = _pos;
            ref readonly var token = ref Current;
            if (token.Kind == SqlTokenKind.LeftParen)
            {
                return ParseSelectStatement(null, startIndex);
            }

            if (token.Kind != SqlTokenKind.Identifier)
            {
                throw Expected("a statement");
            }

            switch (token.Keyword)
            {
                case SqlKeyword.Select:
                case SqlKeyword.Values:
                case SqlKeyword.Table:
                    return ParseSelectStatement(null, startIndex);
                case SqlKeyword.With:
                    {
                        var with = ParseWithClause();
                        if (IsKeyword(SqlKeyword.Insert))
                        {
                            return ParseInsert(with, startIndex);
                        }

                        if (IsKeyword(SqlKeyword.Update))
                        {
                            return ParseUpdate(with, startIndex);
                        }

                        if (IsKeyword(SqlKeyword.Delete))
                        {
                            return ParseDelete(with, startIndex);
                        }

                        return ParseSelectStatement(with, startIndex);
                    }

                case SqlKeyword.Insert:
                    return ParseInsert(null, startIndex);
                case SqlKeyword.Update:
                    return ParseUpdate(null, startIndex);
                case SqlKeyword.Delete:
                    return ParseDelete(null, startIndex);
                case SqlKeyword.Create:
                    return ParseCreate(startIndex);
                case SqlKeyword.Alter when PeekIsKeyword(1, SqlKeyword.Table):
                    return ParseAlterTable(startIndex);
                default:
                    // Commands the parser does not model are kept as OtherStatement; a word that starts no SQL command
                    // (a typo such as SELEC) is an error, not a statement silently left unchecked.
                    if (!OtherCommands.Contains(TokenText(token)))
                    {
                        throw Expected("a statement (SELECT, INSERT, UPDATE, DELETE, WITH, VALUES, CREATE, ALTER, ...)");
                    }

                    return ParseOther(startIndex);
            }
        }

        private static readonly HashSet<string> OtherCommands = new(StringComparer.OrdinalIgnoreCase)
        {
            "ABORT", "ALTER", "ANALYZE", "ANALYSE", "ATTACH", "BEGIN", "CALL", "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT",
            "COPY", "DEALLOCATE", "DECLARE", "DETACH", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT",
            "IMPORT", "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PRAGMA", "PREPARE", "REASSIGN", "REFRESH", "REINDEX",
            "RELEASE", "REPLACE", "RESET", "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SET", "SHOW", "START",
            "TRUNCATE", "UNLISTEN", "VACUUM",
        };

        private SelectStatement ParseSelectStatement(WithClause? with, int startIndex)
        {
            var query = ParseQueryExpression(with, startIndex);
            if (with is null)
            {
                query = UnwrapParentheses(query);
            }

            return new SelectStatement(SpanFrom(startIndex), query);
        }

        /// <summary>
        /// A statement the parser does not model: its leading words, then every token to the end (each was lexed, so bad
        /// tokens still fail). Called at most once per parse, from the statement's first token, so rewinding stays linear.
        /// </summary>
        private OtherStatement ParseOther(int startIndex)
        {
            _pos = startIndex;
            var keywords = LeadingWords();
            SkipToStatementEnd();
            return new OtherStatement(SpanFrom(startIndex), keywords);
        }

        /// <summary>Up to three unquoted words from the current token, upper case; consumes them.</summary>
        private string[] LeadingWords()
        {
            var words = new List<string>(3);
            while (words.Count < 3 && Is(SqlTokenKind.Identifier))
            {
                words.Add(TokenText(Current).ToUpperInvariant());
                Advance();
            }

            return words.ToArray();
        }
    }
}
