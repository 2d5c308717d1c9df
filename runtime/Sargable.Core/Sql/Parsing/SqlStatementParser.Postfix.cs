namespace Sargable.Sql
{
    /// <summary>Postfix forms: <c>::type</c>, subscripts and slices, and field selection.</summary>
    internal sealed partial class SqlStatementParser
    {
        /// <summary>Postfix forms: <c>::type</c>, <c>[i]</c> / <c>[lo:hi]</c>, and <c>.field</c> / <c>.*</c> after a non-name.</summary>
        /// <param name="expression">The operand read so far.</param>
        /// <param name="startIndex">The operand's first token.</param>
        /// <param name="allowCast">False where PostgreSQL's grammar wants a c_expr (XMLEXISTS, XMLTABLE), which takes no '::'.</param>
        private SqlExpression ParsePostfix(SqlExpression expression, int startIndex, bool allowCast = true)
        {
            var saved = _depth;
            while (true)
            {
                ref readonly var token = ref Current;
                if (token.Kind == SqlTokenKind.DoubleColon && allowCast)
                {
                    Deeper();
                    Advance();
                    var type = ParseDataType();
                    expression = new CastExpression(SpanFrom(startIndex), expression, type, CastSyntax.DoubleColon);
                }
                else if (token.Kind == SqlTokenKind.LeftBracket)
                {
                    Deeper();
                    expression = ParseSubscript(expression, startIndex);
                }
                else if (token.Kind == SqlTokenKind.Dot && AllowsFieldSelection(expression))
                {
                    Deeper();
                    Advance();
                    if (IsOperator(BinaryOperator.Multiply))
                    {
                        Advance();
                        expression = new FieldSelection(SpanFrom(startIndex), expression, null);
                    }
                    else
                    {
                        var field = ParseLabel("a field name or '*'");
                        expression = new FieldSelection(SpanFrom(startIndex), expression, field);
                    }
                }
                else
                {
                    break;
                }
            }

            _depth = saved;
            return expression;
        }

        /// <summary>
        /// <c>.field</c> follows a closing parenthesis or bracket (<c>(row).f</c>, <c>f(x).f</c>, <c>a[1].f</c>) or a
        /// placeholder (<c>$1.f</c>), or another field (<c>(r).a.b</c>); after a plain name the dots were already read as part of the name.
        /// </summary>
        private bool AllowsFieldSelection(SqlExpression expression)
        {
            var previous = _tokens[_pos > 0 ? _pos - 1 : 0].Kind;
            return previous == SqlTokenKind.RightParen || previous == SqlTokenKind.RightBracket
                || expression is Parameter || expression is FieldSelection { Field: not null };
        }

        private SqlExpression ParseSubscript(SqlExpression target, int startIndex)
        {
            Advance();
            SqlExpression? index = null;
            SqlExpression? upper = null;
            var slice = false;
            if (!Is(SqlTokenKind.Colon) && !IsColonPlaceholder())
            {
                index = ParseExpression();
            }

            if (Accept(SqlTokenKind.Colon))
            {
                slice = true;
                if (!Is(SqlTokenKind.RightBracket))
                {
                    upper = ParseExpression();
                }
            }
            else if (IsColonPlaceholder())
            {
                // The lexer reads "a[1:n]" as 1 followed by the placeholder ":n"; inside brackets it is a slice up to column n.
                slice = true;
                var upperStart = _pos;
                ref readonly var token = ref Current;
                var name = _source.Substring(token.Start + 1, token.Length - 1);
                var span = new SqlSpan(token.Start + 1, token.End, token.Line, token.Column + 1);
                var column = new ColumnReference(span, new[] { new SqlIdentifier(SqlText.FoldCase(name), name, isQuoted: false, span) });
                Advance();
                upper = ParseInfix(ParsePostfix(column, upperStart), upperStart, PrecOr);
            }

            Expect(SqlTokenKind.RightBracket, "']'");
            return new SubscriptExpression(SpanFrom(startIndex), target, index, slice, upper);
        }

        private bool IsColonPlaceholder()
        {
            ref readonly var token = ref Current;
            return token.Kind == SqlTokenKind.Parameter && token.Sub == (byte)ParameterKind.Colon;
        }
    }
}
