using System;
using System.Collections.Generic;
using System.Text;
using Sargable.Sql;

namespace Sargable.Shapes.Sql
{
    /// <summary>Small questions about expressions: columns they mention, aggregates, literal values, readable text.</summary>
    internal static class ExpressionFacts
    {
        private static readonly HashSet<string> AggregateNames = new(StringComparer.OrdinalIgnoreCase)
        {
            "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
            "bool_and", "bool_or", "every", "bit_and", "bit_or", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
            "percentile_cont", "percentile_disc", "mode", "group_concat", "total", "xmlagg", "range_agg",
        };

        /// <summary>Column references in the expression, not descending into subqueries (they are blocks of their own).</summary>
        public static List<ColumnReference> Columns(SqlNode node)
        {
            var result = new List<ColumnReference>();
            Collect(node, result);
            return result;
        }

        /// <summary>Subqueries directly inside the expression (not inside other subqueries).</summary>
        public static List<QueryExpression> Subqueries(SqlNode node)
        {
            var result = new List<QueryExpression>();
            CollectSubqueries(node, result);
            return result;
        }

        /// <summary>True when the expression aggregates or computes a window at this level (GROUP-like reads of every row).</summary>
        /// <summary>True when the expression holds a plain aggregate (not an OVER window), which folds rows into one.</summary>
        public static bool Aggregates(SqlNode node)
        {
            switch (node)
            {
                case FunctionCall call when call.Over is null && call.HasParentheses && AggregateNames.Contains(call.SimpleName):
                    return true;
                case SubqueryExpression or ExistsExpression or InSubqueryExpression or ArraySubqueryExpression:
                    return false;
            }

            foreach (var child in node.ChildNodes())
            {
                if (child is not QueryExpression && Aggregates(child))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool AggregatesOrWindows(SqlNode node)
        {
            switch (node)
            {
                case FunctionCall call when call.Over is not null || (call.HasParentheses && AggregateNames.Contains(call.SimpleName)):
                    return true;
                case SubqueryExpression or ExistsExpression or InSubqueryExpression or ArraySubqueryExpression:
                    return false;
            }

            foreach (var child in node.ChildNodes())
            {
                if (child is not QueryExpression && AggregatesOrWindows(child))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Strips casts, COLLATE and parentheses that leave an index on the column usable.</summary>
        public static SqlExpression Unwrap(SqlExpression expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case CollateExpression collate:
                        expression = collate.Operand;
                        continue;
                    case RowExpression { HasRowKeyword: false, Items.Count: 1 } row:
                        expression = row.Items[0];
                        continue;
                    default:
                        return expression;
                }
            }
        }

        public static RowCount? RowCountOf(SqlExpression? expression)
        {
            if (expression is null)
            {
                return null;
            }

            var location = Location(expression);
            switch (Unwrap(expression))
            {
                case Literal literal when literal.TryGetInt64(out var value):
                    return RowCount.Constant(value, location);
                case Literal { Kind: LiteralKind.Null }:
                    return null;
                case UnaryExpression { Operator: UnaryOperator.Negate, Operand: Literal }:
                    // SQLite's LIMIT -1 means no limit.
                    return null;
                case Parameter:
                    return new RowCount(RowCountKind.Parameter, null, location);
                case CastExpression cast:
                    return RowCountOf(cast.Operand);
                default:
                    return new RowCount(RowCountKind.Expression, null, location);
            }
        }

        public static SourceLocation Location(SqlNode node) => new(node.Span.Start, node.Span.Line, node.Span.Column);

        public static SourceLocation Location(SqlSpan span) => new(span.Start, span.Line, span.Column);

        /// <summary>The node's source text on one line, shortened for messages.</summary>
        public static string Describe(SqlNode node, string source)
        {
            var span = node.Span;
            if (span.Start < 0 || span.End > source.Length || span.Length <= 0)
            {
                return node.GetType().Name;
            }

            var builder = new StringBuilder(Math.Min(span.Length, 90));
            var space = false;
            for (var i = span.Start; i < span.End && builder.Length < 80; i++)
            {
                var c = source[i];
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            if (builder.Length >= 80)
            {
                builder.Append("...");
            }

            return builder.ToString();
        }

        private static void Collect(SqlNode node, List<ColumnReference> result)
        {
            if (node is ColumnReference column)
            {
                result.Add(column);
                return;
            }

            if (node is QueryExpression)
            {
                return;
            }

            foreach (var child in node.ChildNodes())
            {
                Collect(child, result);
            }
        }

        private static void CollectSubqueries(SqlNode node, List<QueryExpression> result)
        {
            if (node is QueryExpression query)
            {
                result.Add(query);
                return;
            }

            foreach (var child in node.ChildNodes())
            {
                CollectSubqueries(child, result);
            }
        }
    }
}
