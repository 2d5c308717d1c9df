using System;
using System.Collections.Generic;
using System.Linq;

namespace Sargable.Shapes
{
    /// <summary>What kind of statement reaches a table.</summary>
    public enum AccessOperation
    {
        /// <summary>Rows are read (SELECT, or the source of a write).</summary>
        Read,
        /// <summary>Rows are updated.</summary>
        Update,
        /// <summary>Rows are deleted.</summary>
        Delete,
    }

    /// <summary>What drives an access: nothing (it is read on its own), a join, or an enclosing query's row.</summary>
    public enum AccessDriver
    {
        /// <summary>The first table of its query block.</summary>
        None,

        /// <summary>A later table of a join; its join columns are bound by the rows of the tables before it.</summary>
        Join,

        /// <summary>The inner side of a correlated subquery (or LATERAL): run once per outer row.</summary>
        Correlated,
    }

    /// <summary>
    /// One read of one base table in one query block, reduced to what indexes care about: which columns are bound by
    /// equality or range, which predicates no index can use, the ORDER BY it must deliver and the row limit.
    /// Built by the SQL front-end, the analyzers (from LINQ) and the plan reader alike.
    /// </summary>
    public sealed class TableAccess
    {
        /// <summary>Access number <paramref name="id"/> to <paramref name="table"/>.</summary>
        public TableAccess(int id, string table)
        {
            if (string.IsNullOrWhiteSpace(table))
            {
                throw new ArgumentException("A table access needs a table name.", nameof(table));
            }

            Id = id;
            Table = table;
        }

        /// <summary>A copy of <paramref name="source"/> under <paramref name="id"/>; callers change what differs with init.</summary>
        private TableAccess(TableAccess source, int id)
            : this(id, source.Table)
        {
            Schema = source.Schema;
            Alias = source.Alias;
            Block = source.Block;
            Operation = source.Operation;
            Driver = source.Driver;
            Equalities = source.Equalities;
            Ranges = source.Ranges;
            Unusable = source.Unusable;
            OrderBy = source.OrderBy;
            OrderByUnresolved = source.OrderByUnresolved;
            Limit = source.Limit;
            Offset = source.Offset;
            Aggregated = source.Aggregated;
            WindowedOnly = source.WindowedOnly;
            Location = source.Location;
        }

        /// <summary>Position of this access in <see cref="QueryShape.Accesses"/>.</summary>
        public int Id { get; }

        /// <summary>The table name.</summary>
        public string Table { get; }

        /// <summary>The schema, when the name is qualified.</summary>
        public string? Schema { get; init; }

        /// <summary>The alias in the query, if any.</summary>
        public string? Alias { get; init; }

        /// <summary>The query block (SELECT core) the access belongs to; accesses of one block are joined together.</summary>
        public int Block { get; init; }

        /// <summary>Read, update or delete.</summary>
        public AccessOperation Operation { get; init; } = AccessOperation.Read;

        /// <summary>What drives the access: nothing, a join or an outer row.</summary>
        public AccessDriver Driver { get; init; } = AccessDriver.None;

        /// <summary>Columns bound by equality.</summary>
        public IReadOnlyList<ColumnEquality> Equalities { get; init; } = Array.Empty<ColumnEquality>();

        /// <summary>Columns bound by a range.</summary>
        public IReadOnlyList<ColumnRange> Ranges { get; init; } = Array.Empty<ColumnRange>();

        /// <summary>Predicates no plain index can use.</summary>
        public IReadOnlyList<UnusablePredicate> Unusable { get; init; } = Array.Empty<UnusablePredicate>();

        /// <summary>The order this access must deliver rows in (its block's ORDER BY, resolved to this table's columns).</summary>
        public IReadOnlyList<OrderColumn> OrderBy { get; init; } = Array.Empty<OrderColumn>();

        /// <summary>True when the block's ORDER BY could not be resolved to plain columns of this table (expressions, several tables).</summary>
        public bool OrderByUnresolved { get; init; }

        /// <summary>The LIMIT of the access's block, or null.</summary>
        public RowCount? Limit { get; init; }

        /// <summary>The OFFSET of the access's block, or null.</summary>
        public RowCount? Offset { get; init; }

        /// <summary>True when the block aggregates or de-duplicates (GROUP BY, DISTINCT, aggregate functions) before any LIMIT.</summary>
        public bool Aggregated { get; init; }

        /// <summary>True when read with TABLESAMPLE: a sample of the table, so not every row.</summary>
        public bool Sampled { get; init; }

        /// <summary>True for UPDATE/DELETE ... WHERE CURRENT OF: the one row a cursor is on (the cursor's query is checked itself).</summary>
        public bool AtCursor { get; init; }

        /// <summary>
        /// True when <see cref="Aggregated"/> comes only from window functions (<c>ROW_NUMBER() OVER</c>): every row is
        /// still returned, so a whole-table read stays SARG0001 rather than SARG0010.
        /// </summary>
        public bool WindowedOnly { get; init; }

        /// <summary>Where the table name stands in the source, for carets and squiggles.</summary>
        public SourceLocation? Location { get; init; }

        /// <summary>True when some predicate restricts this access (usable or not).</summary>
        public bool HasAnyPredicate => Equalities.Count > 0 || Ranges.Count > 0 || Unusable.Count > 0;

        /// <summary>True when constants or parameters restrict the access through an index-usable predicate.</summary>
        public bool HasValueFilter
        {
            get
            {
                if (Ranges.Count > 0)
                {
                    return true;
                }

                foreach (var equality in Equalities)
                {
                    if (equality.IsToValue)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// This access under id <c>Id + offset</c> and block <c>Block + blockOffset</c>, its join partners moved by the same
        /// offset: how a subquery's accesses join the enclosing shape.
        /// </summary>
        public TableAccess Renumbered(int offset, int blockOffset) => new(this, Id + offset)
        {
            Block = Block + blockOffset,
            Equalities = Equalities.Select(e => e.PartnerAccess is { } partner ? new ColumnEquality(e.Column, e.Kind, e.Location, partner + offset, e.PartnerColumn) { Literal = e.Literal, Domain = e.Domain } : e).ToList(),
        };

        /// <summary>This access without LIMIT and OFFSET: what a paged read reads over all of its pages.</summary>
        public TableAccess WithoutPaging() => new(this, Id) { Limit = null, Offset = null };

        /// <inheritdoc />
        public override string ToString() => Alias is null || string.Equals(Alias, Table, StringComparison.OrdinalIgnoreCase) ? Table : $"{Table} AS {Alias}";
    }
}
