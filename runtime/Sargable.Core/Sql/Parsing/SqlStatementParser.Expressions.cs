using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>Expressions by precedence climbing with PostgreSQL's precedence, loosest first: OR, AND, NOT, IS/ISNULL/NOTNULL, comparison (and OVERLAPS), LIKE/ILIKE/SIMILAR/BETWEEN/IN, any other operator, + -, * / %, ^, AT TIME ZONE, COLLATE, unary + -, then the postfix forms [ ], :: and .field.</summary>
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
                case SqlKeyword.In:
                case SqlKeyword.Between:
                    return PrecLike;
                case SqlKeyword.Similar:
                    // SIMILAR alone is SUBSTRING's (text SIMILAR pattern ESCAPE e); the operator is SIMILAR TO.
                    return PeekIsKeyword(1, SqlKeyword.To) ? PrecLike : 0;
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
                    // OPERATOR(schema.op) binds like any other named operator, whatever op is.
                    return IsOperatorSyntax() ? PrecOther : 0;
            }
        }

        private bool IsOperatorSyntax() =>
            IsWord("OPERATOR") && Peek(1).Kind == SqlTokenKind.LeftParen;

        /// <summary><c>OPERATOR([schema.]op)</c>: the operator, qualified by the schema it is looked up in.</summary>
        private (BinaryOperator Op, string Text) ParseOperatorSyntax()
        {
            Advance(2);
            while (Is(SqlTokenKind.Identifier) || Is(SqlTokenKind.QuotedIdentifier))
            {
                Advance();
                Expect(SqlTokenKind.Dot, "'.'");
            }

            ref readonly var token = ref Current;
            if (token.Kind != SqlTokenKind.Operator || token.Sub == SqlLexer.NamedArgumentArrow)
            {
                throw Expected("an operator");
            }

            var op = (BinaryOperator)token.Sub;
            var text = TokenText(token);
            Advance();
            ExpectCloseParen();
            return (op, text);
        }

        private SqlExpression ParseInfixOperation(SqlExpression left, int startIndex, int precedence)
        {
            if (IsOperatorSyntax())
            {
                var (qualified, symbol) = ParseOperatorSyntax();
                var operand = ParseExpression(precedence + 1);
                return new BinaryExpression(SpanFrom(startIndex), left, qualified, symbol, operand);
            }

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
    }
}
