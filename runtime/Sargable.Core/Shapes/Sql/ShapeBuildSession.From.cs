using System;
using System.Collections.Generic;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Shapes.Sql
{
    /// <summary>FROM items, joins, derived tables and CTEs.</summary>
    internal sealed partial class ShapeBuildSession
    {
        /// <summary>Adds a FROM item to the scope; returns the base accesses it put into the scope's block.</summary>
        private List<AccessDraft> AddFromItem(FromItem item, NameScope scope)
        {
            switch (item)
            {
                case TableReference table:
                    return AddTableReference(table, scope);
                case DerivedTable derived:
                    return AddDerivedTable(derived, scope);
                case FunctionTable function:
                {
                    VisitSubqueries(function.Function, function.IsLateral ? scope : scope.Parent ?? scope);
                    var name = function.Alias?.Name.Value ?? function.Function.SimpleName;
                    var columns = function.Alias?.Columns.Select(c => c.Value) ?? Array.Empty<string>();
                    scope.Relations.Add(new OpaqueRelation(name, columns));
                    return new List<AccessDraft>();
                }

                case XmlTable xml:
                {
                    // Like any function in FROM, XMLTABLE may read the items before it; its rows come from a document, not an index.
                    VisitSubqueries(xml, scope);
                    var name = xml.Alias?.Name.Value ?? "xmltable";
                    var renamed = xml.Alias?.Columns.Select(c => c.Value).ToList() ?? new List<string>();
                    var columns = renamed.Concat(xml.Columns.Skip(renamed.Count).Select(c => c.Name.Value));
                    scope.Relations.Add(new OpaqueRelation(name, columns));
                    return new List<AccessDraft>();
                }

                case Join join:
                    return AddJoin(join, scope);
                default:
                    VisitSubqueries(item, scope);
                    return new List<AccessDraft>();
            }
        }

        private List<AccessDraft> AddTableReference(TableReference table, NameScope scope)
        {
            if (table.Name.Parts.Count == 1 && scope.FindCte(table.Name.Name.Value) is { } cte)
            {
                return AddCteReference(table, cte, scope);
            }

            var driver = accesses.Any(a => a.Block == scope.Block) ? AccessDriver.Join : AccessDriver.None;
            var access = NewAccess(table, scope, driver);
            scope.Relations.Add(new BaseRelation(table.ExposedName, access));
            return new List<AccessDraft> { access };
        }

        private List<AccessDraft> AddDerivedTable(DerivedTable derived, NameScope scope)
        {
            var name = derived.Alias?.Name.Value ?? "subquery";
            var aliasColumns = derived.Alias?.Columns.Select(c => c.Value).ToList();
            if (!derived.IsLateral && IsFlattenable(derived.Query))
            {
                return Flatten((SelectCore)derived.Query.Body, scope, name, aliasColumns);
            }

            // LATERAL subqueries see the FROM items before them: they run once per outer row.
            var inner = BuildQuery(derived.Query, derived.IsLateral ? scope : scope.Parent, impliedLimit: false);
            scope.Relations.Add(new OpaqueRelation(name, aliasColumns ?? OutputNames(inner)));
            return new List<AccessDraft>();
        }

        private List<AccessDraft> AddCteReference(TableReference table, CteInfo cte, NameScope scope)
        {
            var definition = cte.Definition;
            var name = table.Alias?.Name.Value ?? definition.Name.Value;
            var columns = table.Alias is { Columns.Count: > 0 } alias ? alias.Columns.Select(c => c.Value).ToList()
                : definition.Columns.Count > 0 ? definition.Columns.Select(c => c.Value).ToList()
                : null;
            if (cte.Building)
            {
                // The recursive term's reference to its own CTE: rows produced by the previous iteration.
                scope.Relations.Add(new OpaqueRelation(name, columns ?? new List<string>()));
                return new List<AccessDraft>();
            }

            // PostgreSQL inlines a plain CTE referenced once; then outer filters and ORDER BY reach its tables.
            if (!cte.Recursive && cte.References <= 1 && definition.Materialization != CteMaterialization.Materialized
                && definition.Query is { } query && IsFlattenable(query))
            {
                return Flatten((SelectCore)query.Body, scope, name, columns);
            }

            var built = BuildCteBody(cte, scope);
            scope.Relations.Add(new OpaqueRelation(name, columns ?? OutputNames(built)));
            return new List<AccessDraft>();
        }

        private NameScope? BuildCteBody(CteInfo cte, NameScope scope)
        {
            if (cte.Built)
            {
                return null;
            }

            cte.Built = true;
            cte.Building = true;
            try
            {
                // A CTE body sees the CTEs around it but not the FROM items of the query that references it.
                var context = new NameScope(null, NewBlock(), null, scope);
                switch (cte.Definition.Statement)
                {
                    case SelectStatement select:
                        return BuildQuery(select.Query, context, impliedLimit: false);
                    case UpdateStatement update:
                        BuildModification(update.With, update.Table, AccessOperation.Update, update.From, update.Where, update.Assignments.Select(a => (SqlNode)a.Value));
                        return null;
                    case DeleteStatement delete:
                        BuildModification(delete.With, delete.Table, AccessOperation.Delete, delete.Using, delete.Where, Array.Empty<SqlNode>());
                        return null;
                    case InsertStatement insert:
                        BuildInsert(insert);
                        return null;
                    default:
                        return null;
                }
            }
            finally
            {
                cte.Building = false;
            }
        }

        /// <summary>Data-modifying CTEs run whether referenced or not; build them with the statement.</summary>
        private void BuildCteBodies(NameScope scope)
        {
            foreach (var cte in scope.DeclaredCtes)
            {
                if (cte.Definition.Statement is not SelectStatement)
                {
                    BuildCteBody(cte, scope);
                }
            }
        }

        private List<AccessDraft> Flatten(SelectCore core, NameScope scope, string exposedName, IReadOnlyList<string>? aliasColumns)
        {
            var hadAccesses = accesses.Any(a => a.Block == scope.Block);
            var first = accesses.Count;
            var child = new NameScope(scope.Parent, scope.Block, null, scope);
            BuildSelectCore(core, child);
            var added = accesses.Skip(first).Where(a => a.Block == scope.Block).ToList();
            if (hadAccesses)
            {
                foreach (var access in added.Where(a => a.Driver == AccessDriver.None))
                {
                    access.Driver = AccessDriver.Join;
                }
            }

            var map = DerivedRelation.NewColumnMap();
            Relation? passThrough = null;
            for (var i = 0; i < core.Items.Count; i++)
            {
                var item = core.Items[i];
                if (item.Expression is StarExpression star)
                {
                    passThrough = star.Table is { } qualifier
                        ? child.Relations.LastOrDefault(r => string.Equals(r.ExposedName, qualifier.Value, StringComparison.OrdinalIgnoreCase))
                        : child.Relations.Count == 1 ? child.Relations[0] : null;
                    continue;
                }

                var name = aliasColumns is not null && i < aliasColumns.Count ? aliasColumns[i] : OutputName(item);
                if (name is null)
                {
                    continue;
                }

                var target = ExpressionFacts.Unwrap(item.Expression) is ColumnReference reference && child.Resolve(reference) is { IsLocalBase: true } resolved
                    ? resolved.Target
                    : new ColumnTarget(null, name);
                map[name] = target;
            }

            scope.Relations.Add(new DerivedRelation(exposedName, map, passThrough, added));
            return added;
        }

        private List<AccessDraft> AddJoin(Join join, NameScope scope)
        {
            var left = AddFromItem(join.Left, scope);
            var leftRelations = scope.Relations.Count;
            var right = AddFromItem(join.Right, scope);

            // An outer join's ON clause restricts only the side whose rows may be null-extended.
            var restrictable = join.Kind switch
            {
                JoinKind.Left => new HashSet<AccessDraft>(right),
                JoinKind.Right => new HashSet<AccessDraft>(left),
                JoinKind.Full => new HashSet<AccessDraft>(),
                _ => null,
            };

            if (join.Condition is not null)
            {
                AnalyzePredicate(join.Condition, scope, restrictable);
            }

            foreach (var column in join.UsingColumns)
            {
                var leftTarget = ResolveIn(scope.Relations.Take(leftRelations), column.Value);
                var rightTarget = ResolveIn(scope.Relations.Skip(leftRelations), column.Value);
                if (leftTarget is { } l && rightTarget is { } r)
                {
                    BindColumns(l, r, BinaryOperator.Equal, ExpressionFacts.Location(column.Span), scope, restrictable);
                }
            }

            left.AddRange(right);
            return left;
        }

        private static ColumnTarget? ResolveIn(IEnumerable<Relation> relations, string column)
        {
            var list = relations.ToList();
            var owner = list.Count == 1 ? list[0] : list.FirstOrDefault(r => r.KnowsColumn(column)) ?? (list.Count(r => r.MayHaveAnyColumn) == 1 ? list.First(r => r.MayHaveAnyColumn) : null);
            return owner?.Resolve(column);
        }

        /// <summary>The CTEs of a WITH clause, keyed by name.</summary>
        private Dictionary<string, CteInfo>? Ctes(WithClause? with)
        {
            if (with is null)
            {
                return null;
            }

            var map = new Dictionary<string, CteInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in with.Ctes)
            {
                var name = definition.Name.Value;
                cteReferences.TryGetValue(name, out var references);
                var recursive = with.IsRecursive && ReferencesName(definition.Statement, name);
                map[name] = new CteInfo(definition, recursive, references);
            }

            return map;
        }

        private static bool ReferencesName(SqlNode node, string name)
        {
            if (node is TableReference table && table.Name.Parts.Count == 1 && string.Equals(table.Name.Name.Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return node.ChildNodes().Any(child => ReferencesName(child, name));
        }

        private static bool IsFlattenable(QueryExpression query) =>
            query.With is null && query.Limit is null && query.Offset is null && query.Locking.Count == 0
            && query.Body is SelectCore core && core.From.Count > 0 && core.Distinct is DistinctKind.None or DistinctKind.All
            && core.GroupBy.Count == 0 && core.Having is null && core.Windows.Count == 0
            && !core.Items.Any(i => ExpressionFacts.AggregatesOrWindows(i.Expression));

        private static string? OutputName(SelectItem item) =>
            item.Alias?.Value ?? (ExpressionFacts.Unwrap(item.Expression) switch
            {
                ColumnReference reference => reference.Column.Value,
                FunctionCall call => call.SimpleName,
                _ => null,
            });

        private static List<string> OutputNames(NameScope? scope) =>
            scope is null ? new List<string>() : scope.SelectItems.Select(OutputName).Where(n => n is not null).Select(n => n!).ToList();
    }
}
