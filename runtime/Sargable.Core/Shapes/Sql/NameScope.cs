using System;
using System.Collections.Generic;
using Sargable.Sql;

namespace Sargable.Shapes.Sql
{
    /// <summary>A resolved column reference: where it points, and whether it belongs to an enclosing query.</summary>
    internal readonly struct ResolvedColumn
    {
        public ResolvedColumn(ColumnTarget target, bool isOuter, bool found)
        {
            Target = target;
            IsOuter = isOuter;
            Found = found;
        }

        public ColumnTarget Target { get; }

        public bool IsOuter { get; }

        public bool Found { get; }

        /// <summary>A base-table column of the block being read.</summary>
        public bool IsLocalBase => Found && !IsOuter && Target.IsBase;

        public static ResolvedColumn NotFound => new(default, false, false);
    }

    /// <summary>
    /// The names one query block sees: its FROM items, the CTEs in force, and the enclosing scope for correlated
    /// references. A flattened derived table gets a scope of its own that shares the outer block.
    /// </summary>
    internal sealed class NameScope
    {
        private readonly Dictionary<string, CteInfo>? ctes;
        private readonly NameScope? cteParent;

        /// <param name="parent">Where names not found here are looked up (as correlated references when in another block).</param>
        /// <param name="block">The query block these names belong to.</param>
        /// <param name="ctes">The CTEs a WITH clause of this block defines, or null.</param>
        /// <param name="cteParent">Where CTE names not found here are looked up; defaults to <paramref name="parent"/>.
        /// A flattened derived table skips its sibling FROM items for names but still sees the CTEs around them.</param>
        public NameScope(NameScope? parent, int block, Dictionary<string, CteInfo>? ctes = null, NameScope? cteParent = null)
        {
            Parent = parent;
            Block = block;
            this.ctes = ctes;
            this.cteParent = cteParent ?? parent;
        }

        public NameScope? Parent { get; }

        /// <summary>The CTEs declared by this scope's own WITH clause.</summary>
        public IEnumerable<CteInfo> DeclaredCtes => ctes is null ? Array.Empty<CteInfo>() : (IEnumerable<CteInfo>)ctes.Values;

        public int Block { get; }

        public List<Relation> Relations { get; } = new();

        /// <summary>Select-list aliases and expressions, for ORDER BY by alias or ordinal.</summary>
        public List<Sargable.Sql.SelectItem> SelectItems { get; } = new();

        /// <summary>CTE definitions visible from here (own, then enclosing).</summary>
        public CteInfo? FindCte(string name)
        {
            for (var scope = this; scope is not null; scope = scope.cteParent)
            {
                if (scope.ctes is not null && scope.ctes.TryGetValue(name, out var cte))
                {
                    return cte;
                }
            }

            return null;
        }

        public ResolvedColumn Resolve(ColumnReference reference)
        {
            var column = reference.Column.Value;
            var qualifier = reference.Table?.Value;
            var outer = false;
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                var relation = qualifier is null ? scope.FindOwner(column) : scope.FindRelation(qualifier);
                if (relation is not null)
                {
                    return new ResolvedColumn(relation.Resolve(column), outer || scope.Block != Block, true);
                }

                outer = outer || scope.Block != Block;
            }

            return ResolvedColumn.NotFound;
        }

        private Relation? FindRelation(string name)
        {
            for (var i = Relations.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Relations[i].ExposedName, name, StringComparison.OrdinalIgnoreCase))
                {
                    return Relations[i];
                }
            }

            return null;
        }

        /// <summary>Places an unqualified column: the only relation, else the one known to have it, else the only open one.</summary>
        private Relation? FindOwner(string column)
        {
            if (Relations.Count == 1)
            {
                return Relations[0];
            }

            Relation? open = null;
            var openCount = 0;
            foreach (var relation in Relations)
            {
                if (relation.KnowsColumn(column))
                {
                    return relation;
                }

                if (relation.MayHaveAnyColumn)
                {
                    open = relation;
                    openCount++;
                }
            }

            return openCount == 1 ? open : null;
        }
    }

    /// <summary>A CTE as the builder tracks it: how often it is referenced and whether its body was built on its own.</summary>
    internal sealed class CteInfo
    {
        public CteInfo(CommonTableExpression definition, bool recursive, int references)
        {
            Definition = definition;
            Recursive = recursive;
            References = references;
        }

        public CommonTableExpression Definition { get; }

        public bool Recursive { get; }

        public int References { get; }

        public bool Built { get; set; }

        public bool Building { get; set; }
    }
}
