using System.Collections.Generic;
using System.Linq;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Rules
{
    /// <summary>
    /// A filter on one boolean or enumeration column fixed to a literal (<c>WHERE is_default</c>, <c>WHERE status = 2</c>):
    /// an index on that column alone matches a large share of the table, so the index worth having is a partial one that
    /// holds only the wanted rows, keyed by what the query orders by (or the primary key).
    /// </summary>
    internal sealed class LowSelectivityFilter
    {
        private LowSelectivityFilter(ColumnEquality equality, ColumnDomain domain, string predicate, string nameSuffix)
        {
            Equality = equality;
            ColumnName = equality.StoredColumn ?? equality.Column;
            Domain = domain;
            Predicate = predicate;
            NameSuffix = nameSuffix;
        }

        public ColumnEquality Equality { get; }

        /// <summary>The filtered column as the database names it, for SQL and messages about the partial index.</summary>
        public string ColumnName { get; }

        /// <summary>Boolean or enumeration, from the shape or the registry.</summary>
        public ColumnDomain Domain { get; }

        /// <summary>The partial index's predicate, e.g. <c>NOT is_default</c> or <c>status = 2</c>.</summary>
        public string Predicate { get; }

        private string NameSuffix { get; }

        /// <summary>The lone low-selectivity equality of the access, or null when anything else filters it too.</summary>
        public static LowSelectivityFilter? Of(AccessFacts facts)
        {
            var access = facts.Access;
            if (access.Ranges.Count > 0 || access.Unusable.Count > 0 || access.Equalities.Count == 0)
            {
                return null;
            }

            var first = access.Equalities[0];
            if (first.Kind != EqualityKind.Value || first.Literal is null || access.Equalities.Any(e => !ColumnSet.Same(e.Column, first.Column)))
            {
                return null;
            }

            // The front-end's knowledge first; else the registry's (the EF model marks bool and enum columns).
            var domain = first.Domain;
            if (domain == ColumnDomain.Unknown && facts.Table is not null && facts.Table.ColumnDomains.TryGetValue(first.Column, out var known))
            {
                domain = known;
            }

            if (domain == ColumnDomain.Unknown)
            {
                return null;
            }

            // The predicate is SQL for the database: the stored column name, not the property a front-end may name.
            var stored = first.StoredColumn ?? first.Column;
            var column = SqlIdentifiers.Quote(stored);
            var literal = first.Literal;
            if (domain == ColumnDomain.Boolean && (string.Equals(literal, "true", System.StringComparison.OrdinalIgnoreCase) || string.Equals(literal, "false", System.StringComparison.OrdinalIgnoreCase)))
            {
                var wantsTrue = string.Equals(literal, "true", System.StringComparison.OrdinalIgnoreCase);
                return new LowSelectivityFilter(first, domain, wantsTrue ? column : "NOT " + column, "where_" + (wantsTrue ? string.Empty : "not_") + stored);
            }

            return new LowSelectivityFilter(first, domain, column + " = " + literal, "where_" + stored + "_" + literal.Trim('\''));
        }

        /// <summary>True when a partial index on this column's rows already exists and the query can use it.</summary>
        public bool ServedByPartialIndex(AccessFacts facts) =>
            facts.Table is not null && facts.Table.Indexes.Any(i => IsPartialOnColumn(i, facts));

        /// <summary>True when such a partial index also delivers the order the query wants, so a LIMIT stops early.</summary>
        public bool DeliveredInOrderByPartialIndex(AccessFacts facts) =>
            facts.Table is not null && facts.Table.Indexes.Any(i => IsPartialOnColumn(i, facts) && IndexMatcher.Match(i, facts).ServesOrder);

        private bool IsPartialOnColumn(IndexDefinition index, AccessFacts facts) =>
            index.Where is not null
            && SqlIdentifiers.ColumnNamesIn(index.Where).Any(c => ColumnSet.Same(c, Equality.Column))
            && IndexMatcher.PartialPredicateHolds(index, facts);

        /// <summary>The partial index: the order the query wants when it has one, else the primary key.</summary>
        public IndexSuggestion Suggest(AccessFacts facts)
        {
            var order = facts.EffectiveOrder;
            var baseDescending = order.Count > 0 && order[0].Descending;
            var columns = order.Count > 0
                ? order.Select(o => new IndexColumn(o.Column, o.Descending != baseDescending)).ToList()
                : IndexSuggestion.UniqueKey(facts).Select(c => new IndexColumn(c)).ToList();
            return IndexSuggestion.Partial(facts, columns, Predicate, NameSuffix);
        }
    }
}
