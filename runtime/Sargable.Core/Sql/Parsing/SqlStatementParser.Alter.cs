using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>ALTER TABLE (ADD CONSTRAINT and ADD COLUMN modelled) and the token-skipping helpers for what is accepted but not modelled.</summary>
    internal sealed partial class SqlStatementParser
    {
        /// <summary>The words an ALTER TABLE action can start with besides ADD (PostgreSQL's alter_table_cmd).</summary>
        private static readonly HashSet<string> AlterTableActionWords = new(System.StringComparer.OrdinalIgnoreCase)
        {
            "ALTER", "ATTACH", "CLUSTER", "DETACH", "DISABLE", "DROP", "ENABLE", "FORCE", "INHERIT", "MERGE", "NO", "NOT",
            "OF", "OPTIONS", "OWNER", "RENAME", "REPLICA", "RESET", "SET", "SPLIT", "VALIDATE",
        };

        private SqlStatement ParseAlterTable(int startIndex)
        {
            Advance(2);
            var ifExists = false;
            if (IsKeyword(SqlKeyword.If) && PeekIsKeyword(1, SqlKeyword.Exists))
            {
                Advance(2);
                ifExists = true;
            }

            var only = AcceptKeyword(SqlKeyword.Only);
            var table = ParseQualifiedName("a table name");
            if (IsOperator(BinaryOperator.Multiply))
            {
                Advance();
            }

            var actions = new List<AlterTableAction>(1);
            do
            {
                actions.Add(ParseAlterTableAction());
            }
            while (Accept(SqlTokenKind.Comma));
            return new AlterTableStatement(SpanFrom(startIndex), ifExists, only, table, actions.ToArray());
        }

        private AlterTableAction ParseAlterTableAction()
        {
            var startIndex = _pos;
            if (AcceptKeyword(SqlKeyword.Add))
            {
                if (StartsTableConstraint())
                {
                    var constraint = ParseTableConstraint();
                    return new AlterTableAction(SpanFrom(startIndex), AlterTableActionKind.AddConstraint, constraint, null, false, Empty<string>());
                }

                AcceptKeyword(SqlKeyword.Column);
                var ifNotExists = ParseIfNotExists();
                var column = ParseColumnDefinition();
                return new AlterTableAction(SpanFrom(startIndex), AlterTableActionKind.AddColumn, null, column, ifNotExists, Empty<string>());
            }

            if (!Is(SqlTokenKind.Identifier) || !AlterTableActionWords.Contains(TokenText(Current)))
            {
                throw Expected("an ALTER TABLE action (ADD, DROP, ALTER, RENAME, SET, ...)");
            }

            var keywords = LeadingWords();

            SkipToElementEnd();
            return new AlterTableAction(SpanFrom(startIndex), AlterTableActionKind.Other, null, null, false, keywords);
        }

        /// <summary>Skips a balanced <c>( ... )</c> and returns the text inside it.</summary>
        private string SkipParenthesized()
        {
            var open = Current.End;
            Advance();
            var depth = 1;
            while (true)
            {
                ref readonly var token = ref Current;
                if (token.Kind == SqlTokenKind.EndOfInput)
                {
                    throw Expected("')'");
                }

                if (token.Kind == SqlTokenKind.LeftParen)
                {
                    depth++;
                }
                else if (token.Kind == SqlTokenKind.RightParen && --depth == 0)
                {
                    var text = _source.Substring(open, token.Start - open).Trim();
                    Advance();
                    return text;
                }

                Advance();
            }
        }

        /// <summary>Skips to the next ',' or ')' outside parentheses (the end of a table element or ALTER action).</summary>
        private void SkipToElementEnd()
        {
            var depth = 0;
            while (true)
            {
                ref readonly var token = ref Current;
                switch (token.Kind)
                {
                    case SqlTokenKind.EndOfInput:
                    case SqlTokenKind.Semicolon:
                        return;
                    case SqlTokenKind.Comma when depth == 0:
                        return;
                    case SqlTokenKind.LeftParen:
                        depth++;
                        break;
                    case SqlTokenKind.RightParen:
                        if (depth == 0)
                        {
                            return;
                        }

                        depth--;
                        break;
                }

                Advance();
            }
        }

        private void SkipToStatementEnd()
        {
            while (!Is(SqlTokenKind.EndOfInput) && !Is(SqlTokenKind.Semicolon))
            {
                Advance();
            }
        }
    }
}
