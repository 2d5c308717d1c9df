using System.Collections.Generic;

namespace QueryGuard.Sql
{
    /// <summary>CREATE TABLE, CREATE INDEX and ALTER TABLE: the DDL index registries are built from.</summary>
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

            var keywords = LeadingWords();
            if (keywords.Length == 0)
            {
                throw Expected("an ALTER TABLE action");
            }

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
