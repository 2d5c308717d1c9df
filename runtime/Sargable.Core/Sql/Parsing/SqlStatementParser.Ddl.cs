using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>CREATE TABLE: columns, column constraints and table constraints, the DDL index registries are built from.</summary>
    internal sealed partial class SqlStatementParser
    {
        private SqlStatement ParseCreate(int startIndex)
        {
            Advance();
            if (IsKeyword(SqlKeyword.Unique) || IsKeyword(SqlKeyword.Index))
            {
                return ParseCreateIndex(startIndex);
            }

            AcceptKeyword(SqlKeyword.Global);
            AcceptKeyword(SqlKeyword.Local);
            var temporary = AcceptKeyword(SqlKeyword.Temp) || AcceptKeyword(SqlKeyword.Temporary);
            var unlogged = !temporary && AcceptKeyword(SqlKeyword.Unlogged);
            return IsKeyword(SqlKeyword.Table) ? ParseCreateTable(startIndex, temporary, unlogged) : ParseOther(startIndex);
        }

        private SqlStatement ParseCreateTable(int startIndex, bool temporary, bool unlogged)
        {
            Advance();
            var ifNotExists = ParseIfNotExists();
            var name = ParseQualifiedName("a table name");
            if (!Is(SqlTokenKind.LeftParen) || PeekIsKeyword(1, SqlKeyword.Like))
            {
                // CREATE TABLE ... AS / PARTITION OF / OF type / (LIKE ...): not modelled.
                return ParseOther(startIndex);
            }

            if ((Peek(1).Kind == SqlTokenKind.Identifier || Peek(1).Kind == SqlTokenKind.QuotedIdentifier)
                && (Peek(2).Kind == SqlTokenKind.Comma || Peek(2).Kind == SqlTokenKind.RightParen))
            {
                // CREATE TABLE t (a, b) AS query: names without types belong to CREATE TABLE AS, which is not modelled.
                ParseIdentifierListInParens("a column name");
                if (!IsKeyword(SqlKeyword.As))
                {
                    throw Expected("'AS' after a column list without types (CREATE TABLE ... AS)");
                }

                return ParseOther(startIndex);
            }

            Advance();
            var columns = new List<ColumnDefinition>();
            var constraints = new List<TableConstraint>();
            if (!Is(SqlTokenKind.RightParen))
            {
                do
                {
                    if (StartsTableConstraint())
                    {
                        constraints.Add(ParseTableConstraint());
                    }
                    else if (IsKeyword(SqlKeyword.Like))
                    {
                        return ParseOther(startIndex);
                    }
                    else
                    {
                        columns.Add(ParseColumnDefinition());
                    }
                }
                while (Accept(SqlTokenKind.Comma));
            }

            ExpectCloseParen();
            var span = SpanFrom(startIndex);

            // Storage options (INHERITS, PARTITION BY, WITH, TABLESPACE, ...) are accepted and not modelled.
            SkipToStatementEnd();
            return new CreateTableStatement(span, temporary, unlogged, ifNotExists, name, columns.ToArray(), constraints.ToArray());
        }

        private bool ParseIfNotExists()
        {
            if (!IsKeyword(SqlKeyword.If))
            {
                return false;
            }

            Advance();
            ExpectKeyword(SqlKeyword.Not);
            ExpectKeyword(SqlKeyword.Exists);
            return true;
        }

        private bool StartsTableConstraint()
        {
            ref readonly var token = ref Current;
            return token.Kind == SqlTokenKind.Identifier
                && (token.Keyword == SqlKeyword.Constraint || token.Keyword == SqlKeyword.Primary || token.Keyword == SqlKeyword.Unique
                    || token.Keyword == SqlKeyword.Foreign || token.Keyword == SqlKeyword.Check || token.Keyword == SqlKeyword.Exclude);
        }

        private ColumnDefinition ParseColumnDefinition()
        {
            var startIndex = _pos;
            var name = ParseColId("a column name");
            var type = ParseDataType();
            SkipColumnStorageAndCompression();
            var constraints = new List<ColumnConstraint>(2);
            while (true)
            {
                SkipConstraintAttributes();
                var constraint = TryParseColumnConstraint();
                if (constraint is null)
                {
                    break;
                }

                constraints.Add(constraint);
            }

            return new ColumnDefinition(SpanFrom(startIndex), name, type, constraints.ToArray());
        }

        /// <summary>
        /// <c>STORAGE {PLAIN|EXTERNAL|EXTENDED|MAIN|DEFAULT}</c> then <c>COMPRESSION method</c>, as PostgreSQL orders them
        /// after the type: how a value is TOASTed, which no rule looks at.
        /// </summary>
        private void SkipColumnStorageAndCompression()
        {
            if (IsWord("STORAGE"))
            {
                Advance();
                if (!IsKeyword(SqlKeyword.Default) && !IsWord("PLAIN") && !IsWord("EXTERNAL") && !IsWord("EXTENDED") && !IsWord("MAIN"))
                {
                    throw Expected("PLAIN, EXTERNAL, EXTENDED, MAIN or DEFAULT");
                }

                Advance();
            }

            if (IsWord("COMPRESSION"))
            {
                Advance();
                if (!AcceptKeyword(SqlKeyword.Default))
                {
                    ParseColId("a compression method");
                }
            }
        }

        private ColumnConstraint? TryParseColumnConstraint()
        {
            var startIndex = _pos;
            SqlIdentifier? name = null;
            if (AcceptKeyword(SqlKeyword.Constraint))
            {
                name = ParseColId("a constraint name");
            }

            ref readonly var token = ref Current;
            var keyword = token.Kind == SqlTokenKind.Identifier ? token.Keyword : SqlKeyword.None;
            switch (keyword)
            {
                case SqlKeyword.Not when PeekIsKeyword(1, SqlKeyword.Null):
                    Advance(2);
                    return Constraint(startIndex, name, ColumnConstraintKind.NotNull);
                case SqlKeyword.Null:
                    Advance();
                    return Constraint(startIndex, name, ColumnConstraintKind.Null);
                case SqlKeyword.Default:
                    {
                        Advance();
                        var value = ParseExpression(PrecOther);
                        return Constraint(startIndex, name, ColumnConstraintKind.Default, expression: value);
                    }

                case SqlKeyword.Check:
                    {
                        var check = ParseCheckCondition();
                        return Constraint(startIndex, name, ColumnConstraintKind.Check, expression: check);
                    }

                case SqlKeyword.Unique:
                    {
                        Advance();
                        var nullsNotDistinct = ParseNullsDistinct();
                        ParseIndexParameters();
                        return Constraint(startIndex, name, ColumnConstraintKind.Unique, nullsNotDistinct: nullsNotDistinct);
                    }

                case SqlKeyword.Primary:
                    {
                        Advance();
                        ExpectKeyword(SqlKeyword.Key);
                        if (!AcceptKeyword(SqlKeyword.Asc))
                        {
                            AcceptKeyword(SqlKeyword.Desc);
                        }

                        var autoIncrement = AcceptKeyword(SqlKeyword.AutoIncrement);
                        ParseIndexParameters();
                        return Constraint(startIndex, name, ColumnConstraintKind.PrimaryKey, autoIncrement: autoIncrement);
                    }

                case SqlKeyword.References:
                    {
                        var references = ParseReferences();
                        return Constraint(startIndex, name, ColumnConstraintKind.References, references: references);
                    }

                case SqlKeyword.Generated:
                    return ParseGenerated(startIndex, name);
                case SqlKeyword.Collate:
                    {
                        Advance();
                        var collation = ParseQualifiedName("a collation name");
                        return Constraint(startIndex, name, ColumnConstraintKind.Collate, collation: collation);
                    }

                default:
                    if (name is not null)
                    {
                        throw Expected("a constraint");
                    }

                    return null;
            }
        }

        private ColumnConstraint Constraint(
            int startIndex,
            SqlIdentifier? name,
            ColumnConstraintKind kind,
            SqlExpression? expression = null,
            ForeignKeyReference? references = null,
            IdentityKind identity = IdentityKind.None,
            string? identityOptions = null,
            bool nullsNotDistinct = false,
            bool autoIncrement = false,
            SqlQualifiedName? collation = null) =>
            new(SpanFrom(startIndex), name, kind, expression, references, identity, identityOptions, nullsNotDistinct, autoIncrement, collation);

        private ColumnConstraint ParseGenerated(int startIndex, SqlIdentifier? name)
        {
            Advance();
            IdentityKind identity;
            if (AcceptKeyword(SqlKeyword.Always))
            {
                identity = IdentityKind.Always;
            }
            else
            {
                ExpectKeyword(SqlKeyword.By);
                ExpectKeyword(SqlKeyword.Default);
                identity = IdentityKind.ByDefault;
            }

            ExpectKeyword(SqlKeyword.As);
            if (AcceptKeyword(SqlKeyword.Identity))
            {
                string? options = null;
                if (Is(SqlTokenKind.LeftParen))
                {
                    options = SkipParenthesized();
                }

                return Constraint(startIndex, name, ColumnConstraintKind.Identity, identity: identity, identityOptions: options);
            }

            if (!Is(SqlTokenKind.LeftParen))
            {
                throw Expected("'IDENTITY' or '('");
            }

            Advance();
            var expression = ParseExpression();
            ExpectCloseParen();
            if (!AcceptKeyword(SqlKeyword.Stored))
            {
                AcceptKeyword(SqlKeyword.Virtual);
            }

            return Constraint(startIndex, name, ColumnConstraintKind.Generated, expression: expression, identity: identity);
        }

        private SqlExpression ParseCheckCondition()
        {
            Advance();
            ExpectOpenParen();
            var condition = ParseExpression();
            ExpectCloseParen();
            if (IsKeyword(SqlKeyword.No) && PeekIsKeyword(1, SqlKeyword.Inherit))
            {
                Advance(2);
            }

            return condition;
        }

        /// <summary>DEFERRABLE, NOT DEFERRABLE, INITIALLY DEFERRED/IMMEDIATE, NOT VALID, NO INHERIT: accepted, not modelled.</summary>
        private void SkipConstraintAttributes()
        {
            while (true)
            {
                if (AcceptKeyword(SqlKeyword.Deferrable))
                {
                    continue;
                }

                if (IsKeyword(SqlKeyword.Not) && (PeekIsKeyword(1, SqlKeyword.Deferrable) || PeekIsKeyword(1, SqlKeyword.Valid)))
                {
                    Advance(2);
                    continue;
                }

                if (IsKeyword(SqlKeyword.No) && PeekIsKeyword(1, SqlKeyword.Inherit))
                {
                    Advance(2);
                    continue;
                }

                if (AcceptKeyword(SqlKeyword.Initially))
                {
                    if (!AcceptKeyword(SqlKeyword.Deferred))
                    {
                        ExpectKeyword(SqlKeyword.Immediate);
                    }

                    continue;
                }

                return;
            }
        }

        /// <summary>UNIQUE's <c>NULLS [NOT] DISTINCT</c>: true for NOT DISTINCT.</summary>
        private bool ParseNullsDistinct()
        {
            if (!IsKeyword(SqlKeyword.Nulls))
            {
                return false;
            }

            if (PeekIsKeyword(1, SqlKeyword.Not) && PeekIsKeyword(2, SqlKeyword.Distinct))
            {
                Advance(3);
                return true;
            }

            if (PeekIsKeyword(1, SqlKeyword.Distinct))
            {
                Advance(2);
            }

            return false;
        }

        /// <summary>The index options of PRIMARY KEY / UNIQUE: <c>INCLUDE (...)</c>, <c>WITH (...)</c>, <c>USING INDEX TABLESPACE t</c>.</summary>
        private SqlIdentifier[] ParseIndexParameters()
        {
            var include = Empty<SqlIdentifier>();
            if (AcceptKeyword(SqlKeyword.Include))
            {
                include = ParseIdentifierListInParens("a column name");
            }

            if (IsKeyword(SqlKeyword.With) && PeekIs(1, SqlTokenKind.LeftParen))
            {
                ParseStorageParameters();
            }

            if (IsKeyword(SqlKeyword.Using) && PeekIsKeyword(1, SqlKeyword.Index) && PeekIsKeyword(2, SqlKeyword.Tablespace))
            {
                Advance(3);
                ParseColId("a tablespace name");
            }

            return include;
        }

        private ForeignKeyReference ParseReferences()
        {
            var startIndex = _pos;
            Advance();
            var table = ParseQualifiedName("a table name");
            var columns = Is(SqlTokenKind.LeftParen) ? ParseIdentifierListInParens("a column name") : Empty<SqlIdentifier>();
            if (AcceptKeyword(SqlKeyword.Match))
            {
                if (!AcceptKeyword(SqlKeyword.Full) && !AcceptKeyword(SqlKeyword.Partial))
                {
                    ExpectKeyword(SqlKeyword.Simple);
                }
            }

            var onDelete = ReferentialAction.Unspecified;
            var onUpdate = ReferentialAction.Unspecified;
            while (IsKeyword(SqlKeyword.On))
            {
                if (PeekIsKeyword(1, SqlKeyword.Delete))
                {
                    Advance(2);
                    onDelete = ParseReferentialAction();
                }
                else if (PeekIsKeyword(1, SqlKeyword.Update))
                {
                    Advance(2);
                    onUpdate = ParseReferentialAction();
                }
                else
                {
                    Advance();
                    throw Expected("'DELETE' or 'UPDATE'");
                }
            }

            return new ForeignKeyReference(table, columns, onDelete, onUpdate, SpanFrom(startIndex));
        }

        private ReferentialAction ParseReferentialAction()
        {
            if (AcceptKeyword(SqlKeyword.Cascade))
            {
                return ReferentialAction.Cascade;
            }

            if (AcceptKeyword(SqlKeyword.Restrict))
            {
                return ReferentialAction.Restrict;
            }

            if (AcceptKeyword(SqlKeyword.No))
            {
                ExpectKeyword(SqlKeyword.Action);
                return ReferentialAction.NoAction;
            }

            if (AcceptKeyword(SqlKeyword.Set))
            {
                ReferentialAction action;
                if (AcceptKeyword(SqlKeyword.Null))
                {
                    action = ReferentialAction.SetNull;
                }
                else
                {
                    ExpectKeyword(SqlKeyword.Default);
                    action = ReferentialAction.SetDefault;
                }

                if (Is(SqlTokenKind.LeftParen))
                {
                    ParseIdentifierListInParens("a column name");
                }

                return action;
            }

            throw Expected("'CASCADE', 'RESTRICT', 'NO ACTION', 'SET NULL' or 'SET DEFAULT'");
        }

        private TableConstraint ParseTableConstraint()
        {
            var startIndex = _pos;
            SqlIdentifier? name = null;
            if (AcceptKeyword(SqlKeyword.Constraint))
            {
                name = ParseColId("a constraint name");
            }

            var columns = Empty<SqlIdentifier>();
            var include = Empty<SqlIdentifier>();
            var nullsNotDistinct = false;
            SqlIdentifier? usingIndex = null;
            ForeignKeyReference? references = null;
            SqlExpression? check = null;
            TableConstraintKind kind;
            if (AcceptKeyword(SqlKeyword.Primary))
            {
                ExpectKeyword(SqlKeyword.Key);
                kind = TableConstraintKind.PrimaryKey;
                ParseKeyColumns(ref columns, ref include, ref usingIndex);
            }
            else if (AcceptKeyword(SqlKeyword.Unique))
            {
                kind = TableConstraintKind.Unique;
                nullsNotDistinct = ParseNullsDistinct();
                ParseKeyColumns(ref columns, ref include, ref usingIndex);
            }
            else if (AcceptKeyword(SqlKeyword.Foreign))
            {
                ExpectKeyword(SqlKeyword.Key);
                kind = TableConstraintKind.ForeignKey;
                columns = ParseIdentifierListInParens("a column name");
                if (!IsKeyword(SqlKeyword.References))
                {
                    throw Expected("'REFERENCES'");
                }

                references = ParseReferences();
            }
            else if (IsKeyword(SqlKeyword.Check))
            {
                kind = TableConstraintKind.Check;
                check = ParseCheckCondition();
            }
            else if (AcceptKeyword(SqlKeyword.Exclude))
            {
                kind = TableConstraintKind.Exclude;
                SkipToElementEnd();
            }
            else
            {
                throw Expected("'PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK' or 'EXCLUDE'");
            }

            SkipConstraintAttributes();
            return new TableConstraint(SpanFrom(startIndex), name, kind, columns, include, nullsNotDistinct, usingIndex, references, check);
        }

        /// <summary>The <c>(cols) [INCLUDE ...]</c> of PRIMARY KEY / UNIQUE, or ALTER TABLE's <c>USING INDEX name</c>.</summary>
        private void ParseKeyColumns(ref SqlIdentifier[] columns, ref SqlIdentifier[] include, ref SqlIdentifier? usingIndex)
        {
            if (IsKeyword(SqlKeyword.Using) && PeekIsKeyword(1, SqlKeyword.Index) && !PeekIsKeyword(2, SqlKeyword.Tablespace))
            {
                Advance(2);
                usingIndex = ParseColId("an index name");
                return;
            }

            ExpectOpenParen();
            var list = new List<SqlIdentifier>(2);
            do
            {
                list.Add(ParseColId("a column name"));
                if (!AcceptKeyword(SqlKeyword.Asc))
                {
                    AcceptKeyword(SqlKeyword.Desc);
                }
            }
            while (Accept(SqlTokenKind.Comma));
            ExpectCloseParen();
            columns = list.ToArray();
            include = ParseIndexParameters();
        }
    }
}
