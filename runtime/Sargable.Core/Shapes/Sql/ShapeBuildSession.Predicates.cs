using System;
using System.Collections.Generic;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Shapes.Sql
{
    /// <summary>WHERE and ON conjuncts reduced to equality, range and unusable bindings on the block's accesses.</summary>
    internal sealed partial class ShapeBuildSession
    {
        private enum Side
        {
            None,
            Equality,
            Range,
        }

        /// <param name="predicate">A WHERE or ON condition.</param>
        /// <param name="scope">The names the condition sees.</param>
        /// <param name="restrictable">The accesses this predicate may restrict (an outer join's nullable side), or null for all.</param>
        private void AnalyzePredicate(SqlExpression predicate, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            switch (ExpressionFacts.Unwrap(predicate))
            {
                case LogicalExpression { Operator: LogicalOperator.And } and:
                    foreach (var operand in and.Operands)
                    {
                        AnalyzePredicate(operand, scope, restrictable);
                    }

                    break;
                case LogicalExpression { Operator: LogicalOperator.Or } or:
                    VisitSubqueries(or, scope);
                    AnalyzeOr(or, scope, restrictable);
                    break;
                case BinaryExpression binary when binary.IsComparison:
                    VisitSubqueries(binary, scope);
                    AnalyzeComparison(binary.Left, binary.Operator, binary.Right, binary, scope, restrictable);
                    break;
                case QuantifiedComparison quantified:
                    AnalyzeQuantified(quantified, scope, restrictable);
                    break;
                case InListExpression list:
                    VisitSubqueries(list, scope);
                    foreach (var column in LocalColumns(list.Expression, scope))
                    {
                        if (list.IsNegated || !list.Items.All(i => IsValue(i, scope)))
                        {
                            Unusable(column, UnusableReason.NotEqual, list, scope, restrictable);
                        }
                        else
                        {
                            Equality(column, list.Items.Count == 1 ? EqualityKind.Value : EqualityKind.List, scope, restrictable);
                        }
                    }

                    break;
                case InSubqueryExpression inSubquery:
                    BuildQuery(inSubquery.Query, scope, impliedLimit: false);
                    VisitSubqueries(inSubquery.Expression, scope);
                    foreach (var column in LocalColumns(inSubquery.Expression, scope))
                    {
                        if (inSubquery.IsNegated)
                        {
                            Unusable(column, UnusableReason.NotEqual, inSubquery, scope, restrictable);
                        }
                        else
                        {
                            Equality(column, EqualityKind.Subquery, scope, restrictable);
                        }
                    }

                    break;
                case IsNullExpression isNull when AsLocalColumn(isNull.Expression, scope) is { } column:
                    if (isNull.IsNegated)
                    {
                        Unusable(column, UnusableReason.Other, isNull, scope, restrictable);
                    }
                    else
                    {
                        Equality(column, EqualityKind.IsNull, scope, restrictable);
                    }

                    break;
                case BetweenExpression between when AsLocalColumn(between.Expression, scope) is { } column:
                    VisitSubqueries(between, scope);
                    if (between.IsNegated || !IsValueOrOuter(between.Low, scope) || !IsValueOrOuter(between.High, scope))
                    {
                        Unusable(column, UnusableReason.Other, between, scope, restrictable);
                    }
                    else
                    {
                        Bind(column, new ColumnRange(column.Name, RangeKind.Between, column.Location), scope, restrictable);
                    }

                    break;
                case LikeExpression like when AsLocalColumn(like.Expression, scope) is { } column:
                    VisitSubqueries(like, scope);
                    AnalyzeLike(like, column, scope, restrictable);
                    break;
                case ExistsExpression exists:
                    BuildQuery(exists.Query, scope, impliedLimit: true);
                    break;
                case UnaryExpression { Operator: UnaryOperator.Not, Operand: var operand }:
                    if (ExpressionFacts.Unwrap(operand) is ExistsExpression notExists)
                    {
                        BuildQuery(notExists.Query, scope, impliedLimit: true);
                    }
                    else if (AsLocalColumn(operand, scope) is { } boolean)
                    {
                        Equality(boolean, EqualityKind.Value, scope, restrictable, literal: BooleanLiteral(false));
                    }
                    else
                    {
                        VisitSubqueries(operand, scope);
                        UnusableExpression(predicate, UnusableReason.Other, scope, restrictable);
                    }

                    break;
                case ColumnReference when AsLocalColumn(predicate, scope) is { } boolean:
                    Equality(boolean, EqualityKind.Value, scope, restrictable, literal: BooleanLiteral(true));
                    break;
                case IsBooleanExpression isBoolean when AsLocalColumn(isBoolean.Expression, scope) is { } boolean:
                    if (isBoolean.IsNegated || isBoolean.Value is null)
                    {
                        Unusable(boolean, UnusableReason.Other, isBoolean, scope, restrictable);
                    }
                    else
                    {
                        Equality(boolean, EqualityKind.Value, scope, restrictable, literal: BooleanLiteral(isBoolean.Value.Value));
                    }

                    break;
                case Literal:
                    break;
                default:
                    VisitSubqueries(predicate, scope);
                    UnusableExpression(predicate, UnusableReason.Other, scope, restrictable);
                    break;
            }
        }

        private void AnalyzeComparison(SqlExpression left, BinaryOperator op, SqlExpression right, SqlNode node, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            left = ExpressionFacts.Unwrap(left);
            right = ExpressionFacts.Unwrap(right);
            if (left is RowExpression leftRow && right is RowExpression rightRow && leftRow.Items.Count == rightRow.Items.Count && leftRow.Items.Count > 0)
            {
                if (op == BinaryOperator.Equal)
                {
                    for (var i = 0; i < leftRow.Items.Count; i++)
                    {
                        AnalyzeComparison(leftRow.Items[i], op, rightRow.Items[i], node, scope, restrictable);
                    }
                }
                else if (IsRange(op))
                {
                    // A keyset condition (a, b) > ($1, $2) seeks on its leading column.
                    AnalyzeComparison(leftRow.Items[0], op, rightRow.Items[0], node, scope, restrictable);
                }
                else
                {
                    UnusableExpression(node, UnusableReason.NotEqual, scope, restrictable);
                }

                return;
            }

            if (left is ColumnReference leftReference && scope.Resolve(leftReference) is { IsLocalBase: true } leftColumn)
            {
                BindAgainst(new LocalColumn(leftColumn.Target, leftReference), op, right, node, scope, restrictable);
                return;
            }

            if (right is ColumnReference rightReference && scope.Resolve(rightReference) is { IsLocalBase: true } rightColumn)
            {
                BindAgainst(new LocalColumn(rightColumn.Target, rightReference), Flip(op), left, node, scope, restrictable);
                return;
            }

            UnusableExpression(node, UnusableReason.FunctionOnColumn, scope, restrictable);
        }

        private void BindAgainst(LocalColumn column, BinaryOperator op, SqlExpression other, SqlNode node, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            if (other is ColumnReference otherReference && scope.Resolve(otherReference) is { Found: true } resolved)
            {
                if (!resolved.IsOuter && resolved.Target.Access is { } otherAccess)
                {
                    if (ReferenceEquals(otherAccess, column.Access))
                    {
                        Unusable(column, UnusableReason.Other, node, scope, restrictable);
                        return;
                    }

                    BindColumns(column.Target, resolved.Target, op, column.Location, scope, restrictable);
                    return;
                }

                // An outer query's column is a value per outer row; a non-table FROM item's column drives a join from outside.
                var kind = resolved.IsOuter ? EqualityKind.OuterColumn : EqualityKind.JoinColumn;
                BindOperator(column, op, kind, node, scope, restrictable, partnerColumn: resolved.Target.Column);
                return;
            }

            if (IsValue(other, scope))
            {
                BindOperator(column, op, EqualityKind.Value, node, scope, restrictable, literal: LiteralOf(other));
            }
            else if (IsValueOrOuter(other, scope))
            {
                BindOperator(column, op, EqualityKind.OuterColumn, node, scope, restrictable);
            }
            else
            {
                Unusable(column, UnusableReason.Other, node, scope, restrictable);
            }
        }

        private void BindOperator(LocalColumn column, BinaryOperator op, EqualityKind kind, SqlNode node, NameScope scope, HashSet<AccessDraft>? restrictable, string? partnerColumn = null, (string Text, ColumnDomain Domain)? literal = null)
        {
            if (op == BinaryOperator.Equal)
            {
                Equality(column, kind, scope, restrictable, partnerColumn: partnerColumn, literal: literal);
            }
            else if (IsRange(op))
            {
                Bind(column, new ColumnRange(column.Name, RangeKindOf(op), column.Location), scope, restrictable);
            }
            else
            {
                Unusable(column, op == BinaryOperator.NotEqual ? UnusableReason.NotEqual : UnusableReason.Other, node, scope, restrictable);
            }

            if (kind == EqualityKind.OuterColumn && Restricts(column.Access, scope, restrictable))
            {
                column.Access.Driver = AccessDriver.Correlated;
            }
        }

        /// <summary>A join condition between two tables of the block binds each side to the other.</summary>
        private void BindColumns(ColumnTarget left, ColumnTarget right, BinaryOperator op, SourceLocation location, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            foreach (var (self, other, oriented) in new[] { (left, right, op), (right, left, Flip(op)) })
            {
                if (self.Access is not { } access || !Restricts(access, scope, restrictable))
                {
                    continue;
                }

                if (oriented == BinaryOperator.Equal)
                {
                    access.Equalities.Add(new ColumnEquality(self.Column, EqualityKind.JoinColumn, location, other.Access?.Id, other.Column));
                }
                else if (IsRange(oriented))
                {
                    access.Ranges.Add(new ColumnRange(self.Column, RangeKindOf(oriented), location));
                }
            }
        }

        private void AnalyzeQuantified(QuantifiedComparison quantified, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            if (quantified.Query is not null)
            {
                BuildQuery(quantified.Query, scope, impliedLimit: false);
            }

            if (quantified.Array is not null)
            {
                VisitSubqueries(quantified.Array, scope);
            }

            VisitSubqueries(quantified.Left, scope);
            foreach (var column in LocalColumns(quantified.Left, scope))
            {
                var any = quantified.Quantifier is Quantifier.Any or Quantifier.Some;
                if (quantified.Operator == BinaryOperator.Equal && any && (quantified.Array is null || IsValueOrOuter(quantified.Array, scope)))
                {
                    Equality(column, quantified.Query is not null ? EqualityKind.Subquery : EqualityKind.List, scope, restrictable);
                }
                else if (IsRange(quantified.Operator))
                {
                    Bind(column, new ColumnRange(column.Name, RangeKindOf(quantified.Operator), column.Location), scope, restrictable);
                }
                else
                {
                    Unusable(column, quantified.Operator == BinaryOperator.NotEqual ? UnusableReason.NotEqual : UnusableReason.Other, quantified, scope, restrictable);
                }
            }
        }

        private void AnalyzeLike(LikeExpression like, LocalColumn column, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            var pattern = ClassifyPattern(ExpressionFacts.Unwrap(like.Pattern));
            if (like.IsNegated || like.Kind != LikeKind.Like)
            {
                Unusable(column, pattern == Side.None && IsLeadingWildcard(like.Pattern) ? UnusableReason.LeadingWildcard : UnusableReason.Other, like, scope, restrictable);
                return;
            }

            if (IsLeadingWildcard(like.Pattern))
            {
                Unusable(column, UnusableReason.LeadingWildcard, like, scope, restrictable);
            }
            else if (pattern == Side.Equality)
            {
                Equality(column, EqualityKind.Value, scope, restrictable);
            }
            else if (pattern == Side.Range)
            {
                Bind(column, new ColumnRange(column.Name, RangeKind.PrefixLike, column.Location), scope, restrictable);
            }
            else
            {
                Unusable(column, UnusableReason.Other, like, scope, restrictable);
            }
        }

        /// <summary>
        /// What a LIKE pattern allows: a literal without wildcards is an equality, a literal prefix a range. EF sends patterns as
        /// parameters named after the method (<c>@p_startswith</c>, <c>@p_contains</c>, <c>@p_endswith</c>), so those names are read too.
        /// </summary>
        private static Side ClassifyPattern(SqlExpression pattern)
        {
            switch (pattern)
            {
                case Literal literal when literal.IsString && literal.Value is { } text:
                    return text.IndexOfAny(new[] { '%', '_' }) < 0 ? Side.Equality : text[0] is '%' or '_' ? Side.None : Side.Range;
                case Parameter parameter:
                    var name = parameter.Name ?? parameter.Text;
                    return name.IndexOf("startswith", StringComparison.OrdinalIgnoreCase) >= 0 ? Side.Range : Side.None;
                case BinaryExpression { Operator: BinaryOperator.Concat } concat:
                    return ClassifyPattern(ExpressionFacts.Unwrap(concat.Left)) == Side.None && ExpressionFacts.Unwrap(concat.Left) is not (Parameter or Literal)
                        ? Side.None
                        : ExpressionFacts.Unwrap(concat.Left) is Literal { Value: { Length: > 0 } first } && first[0] is '%' or '_' ? Side.None : Side.Range;
                default:
                    return Side.None;
            }
        }

        private static bool IsLeadingWildcard(SqlExpression pattern)
        {
            switch (ExpressionFacts.Unwrap(pattern))
            {
                case Literal { Value: { Length: > 0 } text }:
                    return text[0] is '%' or '_';
                case Parameter parameter:
                    var name = parameter.Name ?? parameter.Text;
                    return name.IndexOf("contains", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("endswith", StringComparison.OrdinalIgnoreCase) >= 0;
                case BinaryExpression { Operator: BinaryOperator.Concat } concat:
                    return IsLeadingWildcard(concat.Left);
                default:
                    return false;
            }
        }

        /// <summary>
        /// An OR on one column (<c>a = 1 OR a IS NULL</c>) still seeks an index (a bitmap OR); an OR across columns cannot use
        /// one plain index.
        /// </summary>
        private void AnalyzeOr(LogicalExpression or, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            var columns = ExpressionFacts.Columns(or).Select(c => (Reference: c, Resolved: scope.Resolve(c))).Where(c => c.Resolved.IsLocalBase).ToList();
            if (columns.Count == 0)
            {
                return;
            }

            var access = columns[0].Resolved.Target.Access!;
            if (columns.Any(c => !ReferenceEquals(c.Resolved.Target.Access, access)))
            {
                return;
            }

            var first = new LocalColumn(columns[0].Resolved.Target, columns[0].Reference);
            if (columns.Any(c => !string.Equals(c.Resolved.Target.Column, first.Name, StringComparison.OrdinalIgnoreCase)))
            {
                // EF's keyset form `a > x OR (a = x AND b > y)` bounds its leading column in every branch: a range on it.
                if (or.Operands.All(o => BoundsColumn(o, first, scope)))
                {
                    Bind(first, new ColumnRange(first.Name, RangeKind.GreaterOrEqual, first.Location), scope, restrictable);
                }
                else
                {
                    Unusable(first, UnusableReason.OrAcrossColumns, or, scope, restrictable);
                }

                return;
            }

            var sides = or.Operands.Select(o => DisjunctSide(o, scope)).ToList();
            if (sides.All(s => s == Side.Equality))
            {
                Equality(first, EqualityKind.List, scope, restrictable);
            }
            else if (sides.All(s => s != Side.None))
            {
                Bind(first, new ColumnRange(first.Name, RangeKind.Between, first.Location), scope, restrictable);
            }
            else
            {
                Unusable(first, UnusableReason.Other, or, scope, restrictable);
            }
        }

        /// <summary>True when the disjunct compares <paramref name="column"/> with a value, alone or as one term of an AND.</summary>
        private static bool BoundsColumn(SqlExpression disjunct, LocalColumn column, NameScope scope)
        {
            switch (ExpressionFacts.Unwrap(disjunct))
            {
                case BinaryExpression binary when binary.IsComparison && binary.Operator != BinaryOperator.NotEqual:
                    var (side, other) = ExpressionFacts.Unwrap(binary.Left) is ColumnReference ? (binary.Left, binary.Right) : (binary.Right, binary.Left);
                    return AsLocalColumn(side, scope) is { } bound && ReferenceEquals(bound.Access, column.Access)
                        && string.Equals(bound.Name, column.Name, StringComparison.OrdinalIgnoreCase) && IsValueOrOuter(other, scope);
                case LogicalExpression { Operator: LogicalOperator.And } and:
                    return and.Operands.Any(o => BoundsColumn(o, column, scope));
                default:
                    return false;
            }
        }

        private Side DisjunctSide(SqlExpression disjunct, NameScope scope)
        {
            switch (ExpressionFacts.Unwrap(disjunct))
            {
                case BinaryExpression binary when binary.IsComparison:
                    var valueSide = ExpressionFacts.Unwrap(binary.Left) is ColumnReference ? binary.Right : binary.Left;
                    if (!IsValueOrOuter(valueSide, scope))
                    {
                        return Side.None;
                    }

                    return binary.Operator == BinaryOperator.Equal ? Side.Equality : IsRange(binary.Operator) ? Side.Range : Side.None;
                case IsNullExpression { IsNegated: false }:
                case InListExpression { IsNegated: false }:
                case InSubqueryExpression { IsNegated: false }:
                case QuantifiedComparison { Operator: BinaryOperator.Equal, Quantifier: Quantifier.Any or Quantifier.Some }:
                    return Side.Equality;
                case BetweenExpression { IsNegated: false }:
                    return Side.Range;
                case LogicalExpression { Operator: LogicalOperator.Or } nested:
                    var sides = nested.Operands.Select(o => DisjunctSide(o, scope)).ToList();
                    return sides.All(s => s == Side.Equality) ? Side.Equality : sides.All(s => s != Side.None) ? Side.Range : Side.None;
                case LogicalExpression { Operator: LogicalOperator.And } both:
                    // (a >= x AND a < y) on the one column is a range.
                    return both.Operands.All(o => DisjunctSide(o, scope) != Side.None) ? Side.Range : Side.None;
                default:
                    return Side.None;
            }
        }

        private readonly struct LocalColumn
        {
            public LocalColumn(ColumnTarget target, SqlNode reference)
            {
                Target = target;
                Location = ExpressionFacts.Location(reference);
            }

            public ColumnTarget Target { get; }

            public AccessDraft Access => Target.Access!;

            public string Name => Target.Column;

            public SourceLocation Location { get; }
        }

        private static LocalColumn? AsLocalColumn(SqlExpression expression, NameScope scope) =>
            ExpressionFacts.Unwrap(expression) is ColumnReference reference && scope.Resolve(reference) is { IsLocalBase: true } resolved
                ? new LocalColumn(resolved.Target, reference)
                : null;

        /// <summary>The bare local columns of an expression or a row of them (<c>(a, b) IN (...)</c>).</summary>
        private static IEnumerable<LocalColumn> LocalColumns(SqlExpression expression, NameScope scope)
        {
            var unwrapped = ExpressionFacts.Unwrap(expression);
            var items = unwrapped is RowExpression row ? row.Items : new[] { unwrapped };
            foreach (var item in items)
            {
                if (AsLocalColumn(item, scope) is { } column)
                {
                    yield return column;
                }
            }
        }

        /// <summary>True when the expression mentions no column of any query (constants, parameters, functions of them, subqueries).</summary>
        private static bool IsValue(SqlExpression expression, NameScope scope) =>
            ExpressionFacts.Columns(expression).All(c => !scope.Resolve(c).Found);

        /// <summary>True when the expression mentions no column of this block (outer columns are values per outer row).</summary>
        private static bool IsValueOrOuter(SqlExpression expression, NameScope scope) =>
            ExpressionFacts.Columns(expression).All(c => scope.Resolve(c) is var r && (!r.Found || r.IsOuter));

        private static bool Restricts(AccessDraft access, NameScope scope, HashSet<AccessDraft>? restrictable) =>
            access.Block == scope.Block && (restrictable is null || restrictable.Contains(access));

        private static void Equality(LocalColumn column, EqualityKind kind, NameScope scope, HashSet<AccessDraft>? restrictable, string? partnerColumn = null, (string Text, ColumnDomain Domain)? literal = null)
        {
            if (Restricts(column.Access, scope, restrictable))
            {
                column.Access.Equalities.Add(new ColumnEquality(column.Name, kind, column.Location, null, partnerColumn)
                {
                    Literal = literal?.Text,
                    Domain = literal?.Domain ?? ColumnDomain.Unknown,
                });
            }
        }

        /// <summary>A lone boolean test fixes its column to TRUE or FALSE, and shows the column is boolean.</summary>
        private static (string Text, ColumnDomain Domain) BooleanLiteral(bool value) => (value ? "true" : "false", ColumnDomain.Boolean);

        /// <summary>
        /// The literal a column is compared with: TRUE/FALSE make the column boolean; a number or string says nothing of the
        /// column's type (SQL text does not tell an enumeration from an id), so its domain stays unknown.
        /// </summary>
        private static (string Text, ColumnDomain Domain)? LiteralOf(SqlExpression expression) => ExpressionFacts.Unwrap(expression) switch
        {
            Literal { Kind: LiteralKind.Boolean, Value: { } value } => BooleanLiteral(string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)),
            Literal { Kind: LiteralKind.Null } => null,
            Literal literal => (literal.Text, ColumnDomain.Unknown),
            _ => null,
        };

        private static void Bind(LocalColumn column, ColumnRange range, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            if (Restricts(column.Access, scope, restrictable))
            {
                column.Access.Ranges.Add(range);
            }
        }

        private void Unusable(LocalColumn column, UnusableReason reason, SqlNode node, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            if (Restricts(column.Access, scope, restrictable))
            {
                column.Access.Unusable.Add(new UnusablePredicate(reason, column.Name, ExpressionFacts.Describe(node, source), column.Location));
            }
        }

        /// <summary>A predicate over one table's columns that fits no index pattern (functions, arithmetic, operators).</summary>
        private void UnusableExpression(SqlNode node, UnusableReason reason, NameScope scope, HashSet<AccessDraft>? restrictable)
        {
            var columns = ExpressionFacts.Columns(node).Select(c => (Reference: c, Resolved: scope.Resolve(c))).Where(c => c.Resolved.IsLocalBase).ToList();
            if (columns.Count == 0 || columns.Any(c => !ReferenceEquals(c.Resolved.Target.Access, columns[0].Resolved.Target.Access)))
            {
                return;
            }

            Unusable(new LocalColumn(columns[0].Resolved.Target, columns[0].Reference), reason, node, scope, restrictable);
        }

        private static bool IsRange(BinaryOperator op) =>
            op is BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual;

        private static RangeKind RangeKindOf(BinaryOperator op) => op switch
        {
            BinaryOperator.LessThan => RangeKind.LessThan,
            BinaryOperator.LessThanOrEqual => RangeKind.LessOrEqual,
            BinaryOperator.GreaterThan => RangeKind.GreaterThan,
            _ => RangeKind.GreaterOrEqual,
        };

        private static BinaryOperator Flip(BinaryOperator op) => op switch
        {
            BinaryOperator.LessThan => BinaryOperator.GreaterThan,
            BinaryOperator.LessThanOrEqual => BinaryOperator.GreaterThanOrEqual,
            BinaryOperator.GreaterThan => BinaryOperator.LessThan,
            BinaryOperator.GreaterThanOrEqual => BinaryOperator.LessThanOrEqual,
            _ => op,
        };
    }
}
