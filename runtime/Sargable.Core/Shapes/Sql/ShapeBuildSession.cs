using System;
using System.Collections.Generic;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Shapes.Sql
{
    /// <summary>
    /// One statement being reduced to a shape. Each SELECT core is a query block; simple derived tables and CTEs
    /// referenced once are flattened into the block that reads them (as PostgreSQL pulls them up), so outer filters,
    /// ORDER BY and LIMIT reach the base table; everything else (aggregating or limited subqueries, set operations,
    /// recursive CTEs) is a block of its own whose columns are opaque to the outside.
    /// </summary>
    internal sealed partial class ShapeBuildSession
    {
        private readonly string source;
        private readonly List<AccessDraft> accesses = new();
        private readonly Dictionary<string, int> cteReferences = new(StringComparer.OrdinalIgnoreCase);
        private int nextBlock;

        public ShapeBuildSession(string source) => this.source = source;

        public QueryShape Build(SqlStatement statement)
        {
            CountTableReferences(statement);
            StatementKind kind;
            switch (statement)
            {
                case SelectStatement select:
                    kind = StatementKind.Select;
                    BuildQuery(select.Query, null, impliedLimit: false);
                    break;
                case InsertStatement insert:
                    kind = StatementKind.Insert;
                    BuildInsert(insert);
                    break;
                case UpdateStatement update:
                    kind = StatementKind.Update;
                    BuildModification(update.With, update.Table, AccessOperation.Update, update.From, update.Where, update.Assignments.Select(a => (SqlNode)a.Value).Concat(update.Returning));
                    break;
                case DeleteStatement delete:
                    kind = StatementKind.Delete;
                    BuildModification(delete.With, delete.Table, AccessOperation.Delete, delete.Using, delete.Where, delete.Returning);
                    break;
                default:
                    kind = StatementKind.Other;
                    break;
            }

            return new QueryShape(kind, accesses.Select(a => a.Freeze()).ToArray(), SuppressionReader.Read(statement.Comments));
        }

        private void BuildInsert(InsertStatement insert)
        {
            var scope = new NameScope(null, NewBlock(), Ctes(insert.With));
            BuildCteBodies(scope);
            if (insert.Source is not null)
            {
                BuildQuery(insert.Source, scope, impliedLimit: false);
            }

            if (insert.OnConflict is not null)
            {
                VisitSubqueries(insert.OnConflict, scope);
            }
        }

        private void BuildModification(WithClause? with, TableReference table, AccessOperation operation, IReadOnlyList<FromItem> from, SqlExpression? where, IEnumerable<SqlNode> others)
        {
            var scope = new NameScope(null, NewBlock(), Ctes(with));
            BuildCteBodies(scope);
            var target = NewAccess(table, scope, AccessDriver.None, operation);
            scope.Relations.Add(new BaseRelation(table.ExposedName, target));
            foreach (var item in from)
            {
                AddFromItem(item, scope);
            }

            if (where is CurrentOfExpression)
            {
                target.AtCursor = true;
            }
            else if (where is not null)
            {
                AnalyzePredicate(where, scope, restrictable: null);
            }

            foreach (var node in others)
            {
                VisitSubqueries(node, scope);
            }
        }

        /// <summary>Builds a query expression as one or more blocks; returns the scope of its top SELECT core when it has one.</summary>
        private NameScope? BuildQuery(QueryExpression query, NameScope? outer, bool impliedLimit)
        {
            var ctes = Ctes(query.With);
            switch (query.Body)
            {
                case SelectCore core:
                {
                    var scope = new NameScope(outer, NewBlock(), ctes);
                    BuildCteBodies(scope);
                    BuildSelectCore(core, scope);
                    ApplyOrderAndLimit(scope, core, query, impliedLimit);
                    return scope;
                }

                case ParenthesizedQuery parenthesized when query.OrderBy.Count == 0 && query.Limit is null && query.Offset is null:
                    return BuildQuery(parenthesized.Query, outer, impliedLimit);

                default:
                {
                    // Set operations and VALUES: each side is a block; the combined ORDER BY/LIMIT sorts the union, not a table.
                    var holder = new NameScope(outer, NewBlock(), ctes);
                    BuildCteBodies(holder);
                    BuildBody(query.Body, holder);
                    foreach (var item in query.OrderBy)
                    {
                        VisitSubqueries(item, holder);
                    }

                    return null;
                }
            }
        }

        private void BuildBody(QueryBody body, NameScope holder)
        {
            switch (body)
            {
                case SelectCore core:
                {
                    var scope = new NameScope(holder.Parent, NewBlock(), null, holder);
                    BuildSelectCore(core, scope);
                    MarkAggregated(scope, core);
                    break;
                }

                case SetOperation set:
                    BuildBody(set.Left, holder);
                    BuildBody(set.Right, holder);
                    break;
                case ParenthesizedQuery parenthesized:
                    BuildQuery(parenthesized.Query, holder.Parent, impliedLimit: false);
                    break;
                default:
                    VisitSubqueries(body, holder);
                    break;
            }
        }

        private void BuildSelectCore(SelectCore core, NameScope scope)
        {
            foreach (var item in core.From)
            {
                AddFromItem(item, scope);
            }

            if (core.Where is not null)
            {
                AnalyzePredicate(core.Where, scope, restrictable: null);
            }

            foreach (var item in core.Items)
            {
                scope.SelectItems.Add(item);
                VisitSubqueries(item, scope);
            }

            foreach (var node in core.GroupBy.Cast<SqlNode>().Concat(core.DistinctOn))
            {
                VisitSubqueries(node, scope);
            }

            if (core.Having is not null)
            {
                VisitSubqueries(core.Having, scope);
            }
        }

        private void ApplyOrderAndLimit(NameScope scope, SelectCore core, QueryExpression query, bool impliedLimit)
        {
            var blockAccesses = accesses.Where(a => a.Block == scope.Block).ToList();
            if (blockAccesses.Count == 0)
            {
                foreach (var item in query.OrderBy)
                {
                    VisitSubqueries(item, scope);
                }

                return;
            }

            MarkAggregated(scope, core);
            var limit = query.Limit is { IsAll: false, Count: { } count } ? ExpressionFacts.RowCountOf(count) : null;
            if (limit is null && impliedLimit)
            {
                limit = new RowCount(RowCountKind.Constant, 1, null, implied: true);
            }

            var offset = ExpressionFacts.RowCountOf(query.Offset);
            foreach (var access in blockAccesses)
            {
                access.Limit = limit;
                access.Offset = offset is { Kind: RowCountKind.Constant, Value: 0 } ? null : offset;
            }

            if (query.OrderBy.Count == 0)
            {
                return;
            }

            AccessDraft? owner = null;
            var order = new List<OrderColumn>();
            var resolved = true;
            foreach (var item in query.OrderBy)
            {
                VisitSubqueries(item, scope);
                var target = ResolveOrderItem(item.Expression, scope);
                if (target?.Access is null || (owner is not null && !ReferenceEquals(owner, target.Value.Access)) || target.Value.Access.Block != scope.Block)
                {
                    resolved = false;
                    continue;
                }

                owner = target.Value.Access;
                bool? nullsFirst = item.Nulls switch
                {
                    NullsOrder.First => true,
                    NullsOrder.Last => false,
                    _ => null,
                };
                order.Add(new OrderColumn(target.Value.Column, item.IsDescending, nullsFirst, ExpressionFacts.Location(item.Expression)));
            }

            if (resolved && owner is not null)
            {
                owner.OrderBy.AddRange(order);
            }
            else
            {
                (owner ?? blockAccesses[0]).OrderByUnresolved = true;
            }
        }

        private ColumnTarget? ResolveOrderItem(SqlExpression expression, NameScope scope)
        {
            expression = ExpressionFacts.Unwrap(expression);
            if (expression is Literal literal && literal.TryGetInt64(out var ordinal))
            {
                return ordinal >= 1 && ordinal <= scope.SelectItems.Count ? ResolveOrderItem(scope.SelectItems[(int)ordinal - 1].Expression, scope) : null;
            }

            if (expression is not ColumnReference reference)
            {
                return null;
            }

            if (reference.Table is null)
            {
                // ORDER BY may name a select-list alias.
                var aliased = scope.SelectItems.FirstOrDefault(i => i.Alias is not null && string.Equals(i.Alias.Value, reference.Column.Value, StringComparison.OrdinalIgnoreCase));
                if (aliased is not null && !(aliased.Expression is ColumnReference same && same.Column.Value == reference.Column.Value && same.Table is null))
                {
                    return ResolveOrderItem(aliased.Expression, scope);
                }
            }

            var resolved = scope.Resolve(reference);
            return resolved.IsLocalBase ? resolved.Target : null;
        }

        private void MarkAggregated(NameScope scope, SelectCore core)
        {
            var folded = core.GroupBy.Count > 0 || core.Having is not null || core.Distinct is DistinctKind.Distinct or DistinctKind.DistinctOn
                || core.Items.Any(i => ExpressionFacts.Aggregates(i.Expression));
            var aggregated = folded || core.Items.Any(i => ExpressionFacts.AggregatesOrWindows(i.Expression));
            if (!aggregated)
            {
                return;
            }

            foreach (var access in accesses)
            {
                if (access.Block == scope.Block)
                {
                    access.Aggregated = true;
                    access.WindowedOnly = !folded;
                }
            }
        }

        private AccessDraft NewAccess(TableReference table, NameScope scope, AccessDriver driver, AccessOperation operation = AccessOperation.Read)
        {
            var alias = table.Alias?.Name.Value;
            var draft = new AccessDraft(
                accesses.Count,
                table.Name.Name.Value,
                table.Name.Schema?.Value,
                alias,
                scope.Block,
                driver,
                operation,
                ExpressionFacts.Location(table.Name.Span))
            {
                Sampled = table.IsSampled,
            };
            accesses.Add(draft);
            return draft;
        }

        private int NewBlock() => nextBlock++;

        /// <summary>Builds every subquery found in a node as a block correlated to <paramref name="scope"/>.</summary>
        private void VisitSubqueries(SqlNode node, NameScope scope)
        {
            foreach (var subquery in ExpressionFacts.Subqueries(node))
            {
                BuildQuery(subquery, scope, impliedLimit: false);
            }
        }

        private void CountTableReferences(SqlNode node)
        {
            if (node is TableReference table && table.Name.Parts.Count == 1)
            {
                cteReferences.TryGetValue(table.Name.Name.Value, out var count);
                cteReferences[table.Name.Name.Value] = count + 1;
            }

            foreach (var child in node.ChildNodes())
            {
                CountTableReferences(child);
            }
        }
    }
}
