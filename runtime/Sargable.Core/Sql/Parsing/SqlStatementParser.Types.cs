using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>Type names: the SQL-standard multi-word forms, generic (qualified, quoted) names, modifiers and array brackets.</summary>
    internal sealed partial class SqlStatementParser
    {
        private SqlDataType ParseDataType()
        {
            var saved = Enter();
            var startIndex = _pos;
            ref readonly var token = ref Current;
            string? name = null;
            SqlQualifiedName? qualifiedName = null;
            SqlExpression[]? modifiers = null;
            if (token.Kind == SqlTokenKind.Identifier)
            {
                switch (token.Keyword)
                {
                    case SqlKeyword.Double:
                        if (PeekIsKeyword(1, SqlKeyword.Precision))
                        {
                            Advance(2);
                            name = "double precision";
                        }

                        break;
                    case SqlKeyword.Character:
                    case SqlKeyword.Char:
                    case SqlKeyword.NChar:
                    case SqlKeyword.Bit:
                        name = SqlKeywords.Text(token.Keyword);
                        Advance();
                        if (AcceptKeyword(SqlKeyword.Varying))
                        {
                            name += " varying";
                        }

                        break;
                    case SqlKeyword.National:
                        Advance();
                        name = IsKeyword(SqlKeyword.Char) ? "national char" : "national character";
                        if (!AcceptKeyword(SqlKeyword.Character))
                        {
                            ExpectKeyword(SqlKeyword.Char);
                        }

                        if (AcceptKeyword(SqlKeyword.Varying))
                        {
                            name += " varying";
                        }

                        break;
                    case SqlKeyword.Time:
                    case SqlKeyword.Timestamp:
                        name = SqlKeywords.Text(token.Keyword);
                        Advance();
                        if (Is(SqlTokenKind.LeftParen))
                        {
                            modifiers = ParseTypeModifiers();
                        }

                        if ((IsKeyword(SqlKeyword.With) || IsKeyword(SqlKeyword.Without)) && PeekIsKeyword(1, SqlKeyword.Time))
                        {
                            name += IsKeyword(SqlKeyword.With) ? " with time zone" : " without time zone";
                            Advance(2);
                            ExpectKeyword(SqlKeyword.Zone);
                        }

                        modifiers ??= Empty<SqlExpression>();
                        break;
                    case SqlKeyword.Interval:
                        Advance();
                        name = "interval" + ParseIntervalFields();
                        break;
                    case SqlKeyword.VarChar:
                    case SqlKeyword.Int:
                    case SqlKeyword.Integer:
                    case SqlKeyword.SmallInt:
                    case SqlKeyword.BigInt:
                    case SqlKeyword.Real:
                    case SqlKeyword.Float:
                    case SqlKeyword.Numeric:
                    case SqlKeyword.Decimal:
                    case SqlKeyword.Dec:
                    case SqlKeyword.Boolean:
                        name = SqlKeywords.Text(token.Keyword);
                        Advance();
                        break;
                }
            }

            if (name is null)
            {
                qualifiedName = ParseQualifiedName("a type name", allowTypeFunctionName: true);
                name = qualifiedName.ToString();
            }

            if (modifiers is null && Is(SqlTokenKind.LeftParen))
            {
                modifiers = ParseTypeModifiers();
            }

            var dimensions = 0;
            while (true)
            {
                if (Is(SqlTokenKind.LeftBracket))
                {
                    Advance();
                    Accept(SqlTokenKind.Integer);
                    Expect(SqlTokenKind.RightBracket, "']'");
                    dimensions++;
                }
                else if (IsKeyword(SqlKeyword.Array))
                {
                    Advance();
                    if (Accept(SqlTokenKind.LeftBracket))
                    {
                        Accept(SqlTokenKind.Integer);
                        Expect(SqlTokenKind.RightBracket, "']'");
                    }

                    dimensions++;
                }
                else
                {
                    break;
                }
            }

            _depth = saved;
            return new SqlDataType(name, qualifiedName, modifiers ?? Empty<SqlExpression>(), dimensions, SpanFrom(startIndex));
        }

        private SqlExpression[] ParseTypeModifiers()
        {
            ExpectOpenParen();
            var modifiers = new List<SqlExpression>(2);
            do
            {
                modifiers.Add(ParseExpression());
            }
            while (Accept(SqlTokenKind.Comma));
            ExpectCloseParen();
            return modifiers.ToArray();
        }

        /// <summary>
        /// The optional field restriction of an interval: <c>YEAR</c>, <c>DAY TO SECOND</c>, <c>SECOND(3)</c>, ...
        /// Returns it as lower-case text with a leading space, or "" when absent.
        /// </summary>
        private string ParseIntervalFields()
        {
            if (!IsIntervalField())
            {
                return string.Empty;
            }

            var text = " " + SqlKeywords.Text(Current.Keyword);
            Advance();
            if (IsKeyword(SqlKeyword.To) && PeekIsIntervalField(1))
            {
                Advance();
                text += " to " + SqlKeywords.Text(Current.Keyword);
                Advance();
            }

            if (Is(SqlTokenKind.LeftParen) && PeekIs(1, SqlTokenKind.Integer) && PeekIs(2, SqlTokenKind.RightParen))
            {
                Advance(3);
            }

            return text;
        }

        private bool IsIntervalField() => IsIntervalFieldKeyword(Current);

        private bool PeekIsIntervalField(int ahead) => IsIntervalFieldKeyword(Peek(ahead));

        private static bool IsIntervalFieldKeyword(in SqlToken token) =>
            token.Kind == SqlTokenKind.Identifier
            && (token.Keyword == SqlKeyword.Year || token.Keyword == SqlKeyword.Month || token.Keyword == SqlKeyword.Day
                || token.Keyword == SqlKeyword.Hour || token.Keyword == SqlKeyword.Minute || token.Keyword == SqlKeyword.Second);
    }
}
