using System.Collections.Generic;

namespace QueryGuard.Sql
{
    /// <summary>
    /// Expressions by precedence climbing with PostgreSQL's precedence, loosest first: OR, AND, NOT, IS/ISNULL/NOTNULL,
    /// comparison (and OVERLAPS), LIKE/ILIKE/SIMILAR/BETWEEN/IN, any other operator, + -, * / %, ^, AT TIME ZONE,
    /// COLLATE, unary + -, then the postfix forms [ ], :: and .field.
    /// </summary>
    internal sealed partial class SqlStatementParser
    {
        private const int PrecOr = 1;
        private const int PrecAnd = 2;
        private const int PrecNot = 3;
        private const int PrecIs = 4;
        private const int PrecComparison = 5;
        private const int PrecLike = 6;
        private const int PrecOther = 7;
        private const int PrecAdditive = 8;
        private const int PrecMultiplicative = 9;
        private const int PrecPower = 10;
        private const int PrecAt = 11;
        private const int PrecCollate = 12;
        private const int PrecPostfix = 14;

        internal SqlExpression ParseExpression() => ParseExpression(PrecOr);

        /// <summary>An expression whose infix operators all bind at least as tightly as <paramref name="minPrecedence"/>.</summary>
        private SqlExpression ParseExpression(int minPrecedence)
        {
            var saved = Enter();
            var startIndex = _pos;
            var left = ParsePrefix();
            left = ParseInfix(left, startIndex, minPrecedence);
            _depth = saved;
            return left;
        }

        private SqlExpression ParsePrefix()
        {
            var startIndex = _pos;
            ref readonly var token = ref Current;
            if (token.IsKeyword(SqlKeyword.Not))
            {
                Advance();
                var operand = ParseExpression(PrecIs);
                return new UnaryExpression(SpanFrom(startIndex), UnaryOperator.Not, "NOT", operand);
            }

            if (token.Kind == SqlTokenKind.Operator && IsPrefixOperator(token))
            {
                var op = (BinaryOperator)token.Sub;
                var text = TokenText(token);
                Advance();
                if (op == BinaryOperator.Subtract || op == BinaryOperator.Add)
                {
                    var operand = ParseExpression(PrecPostfix);
                    if (op == BinaryOperator.Subtract && operand is Literal { IsNumber: true } number && number.Text[0] != '-')
                    {
                        // PostgreSQL folds a minus sign into a numeric constant; so does LIMIT -1 here.
                        return new Literal(SpanFrom(startIndex), number.Kind, "-" + number.Text, "-" + number.Value);
                    }

                    var unary = op == BinaryOperator.Subtract ? UnaryOperator.Negate : UnaryOperator.Plus;
                    return new UnaryExpression(SpanFrom(startIndex), unary, text, operand);
                }

                var other = ParseExpression(PrecAdditive);
                var kind = op == BinaryOperator.RegexMatch ? UnaryOperator.BitwiseNot : UnaryOperator.Other;
                return new UnaryExpression(SpanFrom(startIndex), kind, text, other);
            }

            return ParsePostfix(ParsePrimary(), startIndex);
        }

        /// <summary>
        /// '+', '-' and PostgreSQL's generic operators may be prefixes; comparison and multiplicative operators,
        /// '=&gt;' and a lone '?' (a placeholder in operand position) may not.
        /// </summary>
        private static bool IsPrefixOperator(in SqlToken token)
        {
            if (token.Sub == SqlLexer.NamedArgumentArrow)
            {
                return false;
            }

            switch ((BinaryOperator)token.Sub)
            {
                case BinaryOperator.Equal:
                case BinaryOperator.NotEqual:
                case BinaryOperator.LessThan:
                case BinaryOperator.LessThanOrEqual:
                case BinaryOperator.GreaterThan:
                case BinaryOperator.GreaterThanOrEqual:
                case BinaryOperator.Multiply:
                case BinaryOperator.Divide:
                case BinaryOperator.Modulo:
                case BinaryOperator.Power:
                case BinaryOperator.JsonHasKey:
                    return false;
                default:
                    return true;
            }
        }

        private SqlExpression ParseInfix(SqlExpression left, int startIndex, int minPrecedence)
        {
            var saved = _depth;
            while (true)
            {
                var precedence = InfixPrecedence();
                if (precedence == 0 || precedence < minPrecedence)
                {
                    break;
                }

                Deeper();
                left = ParseInfixOperation(left, startIndex, precedence);
            }

            _depth = saved;
            return left;
        }

        /// <summary>The precedence of the current token as an infix or postfix operator, or 0 when it is none.</summary>
        private int InfixPrecedence()
        {
            ref readonly var token = ref Current;
            if (token.Kind == SqlTokenKind.Operator)
            {
                if (token.Sub == SqlLexer.NamedArgumentArrow)
                {
                    return 0;
                }

                switch ((BinaryOperator)token.Sub)
                {
                    case BinaryOperator.Equal:
                    case BinaryOperator.NotEqual:
                    case BinaryOperator.LessThan:
                    case BinaryOperator.LessThanOrEqual:
                    case BinaryOperator.GreaterThan:
                    case BinaryOperator.GreaterThanOrEqual:
                        return PrecComparison;
                    case BinaryOperator.Add:
                    case BinaryOperator.Subtract:
                        return PrecAdditive;
                    case BinaryOperator.Multiply:
                    case BinaryOperator.Divide:
                    case BinaryOperator.Modulo:
                        return PrecMultiplicative;
                    case BinaryOperator.Power:
                        return PrecPower;
                    default:
                        return PrecOther;
                }
            }

            if (token.Kind != SqlTokenKind.Identifier)
            {
                return 0;
            }

            switch (token.Keyword)
            {
                case SqlKeyword.Or:
                    return PrecOr;
                case SqlKeyword.And:
                    return PrecAnd;
                case SqlKeyword.Is:
                case SqlKeyword.IsNull:
                case SqlKeyword.NotNull:
                    return PrecIs;
                case SqlKeyword.Overlaps:
                    return PrecComparison;
                case SqlKeyword.Like:
                case SqlKeyword.ILike:
                case SqlKeyword.Similar:
                case SqlKeyword.In:
                case SqlKeyword.Between:
                    return PrecLike;
                case SqlKeyword.Not:
                    ref readonly var next = ref Peek(1);
                    return next.Kind == SqlTokenKind.Identifier
                        && (next.Keyword == SqlKeyword.Like || next.Keyword == SqlKeyword.ILike || next.Keyword == SqlKeyword.Similar
                            || next.Keyword == SqlKeyword.In || next.Keyword == SqlKeyword.Between)
                        ? PrecLike
                        : 0;
                case SqlKeyword.At:
                    return PeekIsKeyword(1, SqlKeyword.Time) || PeekIsKeyword(1, SqlKeyword.Local) ? PrecAt : 0;
                case SqlKeyword.Collate:
                    return PrecCollate;
                default:
                    return 0;
            }
        }

        private SqlExpression ParseInfixOperation(SqlExpression left, int startIndex, int precedence)
        {
            ref readonly var token = ref Current;
            if (token.Kind == SqlTokenKind.Operator)
            {
                var op = (BinaryOperator)token.Sub;
                var text = TokenText(token);
                Advance();
                if (IsQuantifierAhead())
                {
                    return ParseQuantified(left, startIndex, op, text);
                }

                var right = ParseExpression(precedence + 1);
                return new BinaryExpression(SpanFrom(startIndex), left, op, text, right);
            }

            var negated = false;
            switch (token.Keyword)
            {
                case SqlKeyword.Or:
                case SqlKeyword.And:
                    return ParseLogical(left, startIndex, token.Keyword, precedence);
                case SqlKeyword.Is:
                    return ParseIs(left, startIndex);
                case SqlKeyword.IsNull:
                case SqlKeyword.NotNull:
                    var notNull = token.Keyword == SqlKeyword.NotNull;
                    Advance();
                    return new IsNullExpression(SpanFrom(startIndex), left, notNull);
                case SqlKeyword.Overlaps:
                    {
                        Advance();
                        var right = ParseExpression(precedence + 1);
                        return new BinaryExpression(SpanFrom(startIndex), left, BinaryOperator.PeriodOverlaps, "OVERLAPS", right);
                    }

                case SqlKeyword.At:
                    return ParseAtTimeZone(left, startIndex);
                case SqlKeyword.Collate:
                    {
                        Advance();
                        var collation = ParseQualifiedName("a collation name");
                        return new CollateExpression(SpanFrom(startIndex), left, collation);
                    }

                case SqlKeyword.Not:
                    Advance();
                    negated = true;
                    break;
            }

            ref readonly var keyword = ref Current;
            switch (keyword.Keyword)
            {
                case SqlKeyword.Like:
                case SqlKeyword.ILike:
                    var kind = keyword.Keyword == SqlKeyword.Like ? LikeKind.Like : LikeKind.ILike;
                    Advance();
                    return ParseLikeRest(left, startIndex, kind, negated);
                case SqlKeyword.Similar:
                    Advance();
                    ExpectKeyword(SqlKeyword.To);
                    return ParseLikeRest(left, startIndex, LikeKind.SimilarTo, negated);
                case SqlKeyword.Between:
                    return ParseBetween(left, startIndex, negated);
                default:
                    return ParseIn(left, startIndex, negated);
            }
        }

        private SqlExpression ParseLogical(SqlExpression left, int startIndex, SqlKeyword keyword, int precedence)
        {
            var op = keyword == SqlKeyword.And ? LogicalOperator.And : LogicalOperator.Or;
            var operands = new List<SqlExpression>();
            AddLogicalOperand(operands, left, op);
            while (AcceptKeyword(keyword))
            {
                AddLogicalOperand(operands, ParseExpression(precedence + 1), op);
            }

            return new LogicalExpression(SpanFrom(startIndex), op, operands.ToArray());
        }

        private static void AddLogicalOperand(List<SqlExpression> operands, SqlExpression operand, LogicalOperator op)
        {
            if (operand is LogicalExpression logical && logical.Operator == op)
            {
                for (var i = 0; i < logical.Operands.Count; i++)
                {
                    operands.Add(logical.Operands[i]);
                }
            }
            else
            {
                operands.Add(operand);
            }
        }

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

            // SQLite's null-safe comparison: a IS b means a IS NOT DISTINCT FROM b.
            var other = ParseExpression(PrecIs + 1);
            return new IsDistinctFromExpression(SpanFrom(startIndex), left, !negated, other);
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

        /// <summary>Postfix forms: <c>::type</c>, <c>[i]</c> / <c>[lo:hi]</c>, and <c>.field</c> / <c>.*</c> after a non-name.</summary>
        private SqlExpression ParsePostfix(SqlExpression expression, int startIndex)
        {
            var saved = _depth;
            while (true)
            {
                ref readonly var token = ref Current;
                if (token.Kind == SqlTokenKind.DoubleColon)
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

        /// <summary>What a parenthesized list held: a subquery, or one or more expressions.</summary>
        private readonly struct ParenContent
        {
            public ParenContent(QueryExpression? query, SqlExpression[]? items)
            {
                Query = query;
                Items = items;
            }

            public QueryExpression? Query { get; }

            public SqlExpression[]? Items { get; }
        }

        /// <summary>
        /// <c>( query )</c> or <c>( expr, ... )</c> with at most <paramref name="maxItems"/> expressions. Handles the
        /// ambiguous <c>((SELECT 1) UNION (SELECT 2))</c> versus <c>((SELECT 1) + 1)</c> without backtracking: a query is
        /// parsed, and if a bare parenthesized query is followed by an operator it becomes a scalar subquery operand.
        /// </summary>
        private ParenContent ParseParenthesizedList(int maxItems)
        {
            ExpectOpenParen();
            if (IsQueryStart(_pos))
            {
                var query = ParseQueryExpression();
                ExpectCloseParen();
                return new ParenContent(UnwrapParentheses(query), null);
            }

            SqlExpression first;
            if (Is(SqlTokenKind.LeftParen) && ParenthesesLeadToQuery(_pos))
            {
                var innerStart = _pos;
                var query = ParseQueryExpression();
                if (Accept(SqlTokenKind.RightParen))
                {
                    return new ParenContent(UnwrapParentheses(query), null);
                }

                first = ContinueAfterParenthesizedQuery(query, innerStart);
            }
            else
            {
                first = ParseExpression();
            }

            var items = new List<SqlExpression>(4) { first };
            while (items.Count < maxItems && Accept(SqlTokenKind.Comma))
            {
                items.Add(ParseExpression());
            }

            ExpectCloseParen();
            return new ParenContent(null, items.ToArray());
        }

        /// <summary>A bare <c>(query)</c> followed by an operator is a scalar subquery operand of a larger expression.</summary>
        private SqlExpression ContinueAfterParenthesizedQuery(QueryExpression query, int startIndex)
        {
            if (!IsBareParenthesized(query, out var inner))
            {
                throw Expected("')'");
            }

            SqlExpression expression = new SubqueryExpression(query.Span, UnwrapParentheses(inner));
            expression = ParsePostfix(expression, startIndex);
            return ParseInfix(expression, startIndex, PrecOr);
        }

        private static bool IsBareParenthesized(QueryExpression query, out QueryExpression inner)
        {
            if (query.With is null && query.OrderBy.Count == 0 && query.Limit is null && query.Offset is null
                && query.Locking.Count == 0 && query.Body is ParenthesizedQuery parenthesized)
            {
                inner = parenthesized.Query;
                return true;
            }

            inner = query;
            return false;
        }

        /// <summary>Strips redundant parentheses: <c>((SELECT 1))</c> is the same query as <c>SELECT 1</c>.</summary>
        private static QueryExpression UnwrapParentheses(QueryExpression query)
        {
            while (IsBareParenthesized(query, out var inner))
            {
                query = inner;
            }

            return query;
        }

        /// <summary>True when the token at <paramref name="index"/> starts a query: SELECT, WITH, or VALUES followed by '('.</summary>
        private bool IsQueryStart(int index)
        {
            _work++;
            ref readonly var token = ref _tokens[index < _count ? index : _count - 1];
            if (token.Kind != SqlTokenKind.Identifier)
            {
                return false;
            }

            if (token.Keyword == SqlKeyword.Select || token.Keyword == SqlKeyword.With)
            {
                return true;
            }

            if (token.Keyword != SqlKeyword.Values)
            {
                return false;
            }

            _work++;
            return index + 1 < _count && _tokens[index + 1].Kind == SqlTokenKind.LeftParen;
        }

        /// <summary>
        /// Whether the run of '(' starting at <paramref name="index"/> ends at a query start. The answer is cached per run,
        /// so nested parentheses (each level asks again) cost one scan in total.
        /// </summary>
        private bool ParenthesesLeadToQuery(int index)
        {
            if (index < _parenRunStart || index >= _parenRunEnd)
            {
                var end = index;
                while (end < _count && _tokens[end].Kind == SqlTokenKind.LeftParen)
                {
                    _work++;
                    end++;
                }

                _parenRunStart = index;
                _parenRunEnd = end;
            }

            return IsQueryStart(_parenRunEnd);
        }
    }
}
