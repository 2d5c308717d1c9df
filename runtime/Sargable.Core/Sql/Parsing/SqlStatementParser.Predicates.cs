namespace Sargable.Sql
{
    /// <summary>Predicates and special infix forms: IS ..., LIKE/ILIKE/SIMILAR TO, BETWEEN, IN, ANY/SOME/ALL and AT TIME ZONE.</summary>
    internal sealed partial class SqlStatementParser
    {
        private SqlExpression ParseIs(SqlExpression left, int startIndex)
        {
            Advance();
            var negated = AcceptKeyword(SqlKeyword.Not);
            ref readonly var token = ref Current;
            if (token.Kind == SqlTokenKind.Identifier)
            {
                switch (token.Keyword)
                {
                    case SqlKeyword.Null:
                        Advance();
                        return new IsNullExpression(SpanFrom(startIndex), left, negated);
                    case SqlKeyword.True:
                    case SqlKeyword.False:
                    case SqlKeyword.Unknown:
                        bool? value = token.Keyword == SqlKeyword.Unknown ? null : token.Keyword == SqlKeyword.True;
                        Advance();
                        return new IsBooleanExpression(SpanFrom(startIndex), left, negated, value);
                    case SqlKeyword.Distinct:
                        Advance();
                        ExpectKeyword(SqlKeyword.From);
                        var right = ParseExpression(PrecIs + 1);
                        return new IsDistinctFromExpression(SpanFrom(startIndex), left, negated, right);
                }
            }

            if (IsWord("JSON"))
            {
                return ParseIsJson(left, startIndex, negated);
            }

            if (IsWord("DOCUMENT"))
            {
                return ParseIsDocument(left, startIndex, negated);
            }

            // SQLite's null-safe comparison: a IS b means a IS NOT DISTINCT FROM b.
            var other = ParseExpression(PrecIs + 1);
            return new IsDistinctFromExpression(SpanFrom(startIndex), left, !negated, other);
        }

        /// <summary>
        /// The SQL/JSON predicate <c>IS [NOT] JSON [VALUE|OBJECT|ARRAY|SCALAR] [WITH|WITHOUT UNIQUE [KEYS]]</c>, kept as a
        /// call of <c>is json</c> (or <c>is json object</c>...) on the operand, under NOT when negated: a test of one
        /// value's content that no index serves, like any function of a column.
        /// </summary>
        private SqlExpression ParseIsJson(SqlExpression left, int startIndex, bool negated)
        {
            var nameStart = _pos;
            Advance();
            var name = "is json";
            if (IsKeyword(SqlKeyword.Value) || IsKeyword(SqlKeyword.Array) || IsWord("OBJECT") || IsWord("SCALAR"))
            {
                name += " " + TokenText(Current).ToLowerInvariant();
                Advance();
            }

            var nameSpan = SpanFrom(nameStart);
            if ((IsKeyword(SqlKeyword.With) || IsKeyword(SqlKeyword.Without)) && PeekIsKeyword(1, SqlKeyword.Unique))
            {
                Advance(2);
                if (IsWord("KEYS"))
                {
                    Advance();
                }
            }

            var function = new SqlQualifiedName(new[] { new SqlIdentifier(name, name.ToUpperInvariant(), isQuoted: false, nameSpan) }, nameSpan);
            SqlExpression test = new FunctionCall(SpanFrom(startIndex), function, hasParentheses: false, isStar: false, isDistinct: false, new[] { left }, Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
            return negated ? new UnaryExpression(SpanFrom(startIndex), UnaryOperator.Not, "NOT", test) : test;
        }

        /// <summary>
        /// <c>IS [NOT] DOCUMENT</c>, kept as a call of <c>is document</c> on the operand, under NOT when negated (as
        /// <c>IS JSON</c> is): a test of one value's content that no index serves.
        /// </summary>
        private SqlExpression ParseIsDocument(SqlExpression left, int startIndex, bool negated)
        {
            var nameStart = _pos;
            Advance();
            var nameSpan = SpanFrom(nameStart);
            var function = new SqlQualifiedName(new[] { new SqlIdentifier("is document", "IS DOCUMENT", isQuoted: false, nameSpan) }, nameSpan);
            SqlExpression test = new FunctionCall(SpanFrom(startIndex), function, hasParentheses: false, isStar: false, isDistinct: false, new[] { left }, Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
            return negated ? new UnaryExpression(SpanFrom(startIndex), UnaryOperator.Not, "NOT", test) : test;
        }

        private SqlExpression ParseLikeRest(SqlExpression left, int startIndex, LikeKind kind, bool negated)
        {
            if (IsQuantifierAhead())
            {
                var text = (negated ? "NOT " : string.Empty) + (kind == LikeKind.Like ? "LIKE" : kind == LikeKind.ILike ? "ILIKE" : "SIMILAR TO");
                return ParseQuantified(left, startIndex, BinaryOperator.Other, text);
            }

            var pattern = ParseExpression(PrecLike + 1);
            var escape = AcceptKeyword(SqlKeyword.Escape) ? ParseExpression(PrecLike + 1) : null;
            return new LikeExpression(SpanFrom(startIndex), left, kind, negated, pattern, escape);
        }

        private SqlExpression ParseBetween(SqlExpression left, int startIndex, bool negated)
        {
            Advance();
            var symmetric = AcceptKeyword(SqlKeyword.Symmetric);
            if (!symmetric)
            {
                AcceptKeyword(SqlKeyword.Asymmetric);
            }

            // Bounds are PostgreSQL's b_expr: no AND, comparison, IS or LIKE at their top level.
            var low = ParseExpression(PrecOther);
            ExpectKeyword(SqlKeyword.And);
            var high = ParseExpression(PrecOther);
            return new BetweenExpression(SpanFrom(startIndex), left, negated, symmetric, low, high);
        }

        private SqlExpression ParseIn(SqlExpression left, int startIndex, bool negated)
        {
            ExpectKeyword(SqlKeyword.In);
            if (!Is(SqlTokenKind.LeftParen))
            {
                throw Expected("'('");
            }

            var content = ParseParenthesizedList(int.MaxValue);
            return content.Query is not null
                ? new InSubqueryExpression(SpanFrom(startIndex), left, negated, content.Query)
                : new InListExpression(SpanFrom(startIndex), left, negated, content.Items!);
        }

        private bool IsQuantifierAhead()
        {
            ref readonly var token = ref Current;
            return token.Kind == SqlTokenKind.Identifier
                && (token.Keyword == SqlKeyword.Any || token.Keyword == SqlKeyword.Some || token.Keyword == SqlKeyword.All)
                && PeekIs(1, SqlTokenKind.LeftParen);
        }

        private SqlExpression ParseQuantified(SqlExpression left, int startIndex, BinaryOperator op, string text)
        {
            var keyword = Current.Keyword;
            var quantifier = keyword == SqlKeyword.All ? Quantifier.All : keyword == SqlKeyword.Some ? Quantifier.Some : Quantifier.Any;
            Advance();
            var content = ParseParenthesizedList(1);
            return new QuantifiedComparison(SpanFrom(startIndex), left, op, text, quantifier, content.Query, content.Query is null ? content.Items![0] : null);
        }

        private SqlExpression ParseAtTimeZone(SqlExpression left, int startIndex)
        {
            Advance();
            if (AcceptKeyword(SqlKeyword.Local))
            {
                return new AtTimeZoneExpression(SpanFrom(startIndex), left, null);
            }

            ExpectKeyword(SqlKeyword.Time);
            ExpectKeyword(SqlKeyword.Zone);
            var zone = ParseExpression(PrecAt + 1);
            return new AtTimeZoneExpression(SpanFrom(startIndex), left, zone);
        }
    }
}
