using System;
using System.Collections.Generic;

namespace Sargable.Shapes.Sql
{
    /// <summary>Where a column of a FROM item comes from: a base table's column, or something no index can describe.</summary>
    internal readonly struct ColumnTarget
    {
        public ColumnTarget(AccessDraft? access, string column)
        {
            Access = access;
            Column = column;
        }

        /// <summary>The base-table access, or null for computed columns, function tables and opaque subqueries.</summary>
        public AccessDraft? Access { get; }

        public string Column { get; }

        public bool IsBase => Access is not null;
    }

    /// <summary>A FROM item as the names in a query block see it.</summary>
    internal abstract class Relation
    {
        protected Relation(string exposedName) => ExposedName = exposedName;

        /// <summary>The alias, or the table name when there is none.</summary>
        public string ExposedName { get; }

        /// <summary>True when the relation is known to have the column (used to place unqualified names).</summary>
        public abstract bool KnowsColumn(string column);

        /// <summary>True when the relation may have any column (a base table, or a derived table passing one through with *).</summary>
        public abstract bool MayHaveAnyColumn { get; }

        public abstract ColumnTarget Resolve(string column);

        /// <summary>The base-table accesses this relation reads directly (for block-level ORDER BY and LIMIT).</summary>
        public abstract IEnumerable<AccessDraft> Accesses { get; }
    }

    internal sealed class BaseRelation : Relation
    {
        public BaseRelation(string exposedName, AccessDraft access)
            : base(exposedName) => Access = access;

        public AccessDraft Access { get; }

        public override bool MayHaveAnyColumn => true;

        public override IEnumerable<AccessDraft> Accesses => new[] { Access };

        public override bool KnowsColumn(string column) => false;

        public override ColumnTarget Resolve(string column) => new(Access, column);
    }

    /// <summary>A derived table or CTE reference: named output columns, each mapped to its source.</summary>
    internal sealed class DerivedRelation : Relation
    {
        private readonly Dictionary<string, ColumnTarget> columns;
        private readonly Relation? passThrough;
        private readonly List<AccessDraft> accesses;

        public DerivedRelation(string exposedName, Dictionary<string, ColumnTarget> columns, Relation? passThrough, List<AccessDraft> accesses)
            : base(exposedName)
        {
            this.columns = columns;
            this.passThrough = passThrough;
            this.accesses = accesses;
        }

        public override bool MayHaveAnyColumn => passThrough is not null;

        public override IEnumerable<AccessDraft> Accesses => accesses;

        public override bool KnowsColumn(string column) => columns.ContainsKey(column);

        public override ColumnTarget Resolve(string column)
        {
            if (columns.TryGetValue(column, out var target))
            {
                return target;
            }

            return passThrough is not null ? passThrough.Resolve(column) : new ColumnTarget(null, column);
        }

        public static Dictionary<string, ColumnTarget> NewColumnMap() => new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A FROM item whose rows no index describes: function tables, VALUES, opaque CTE self-references.</summary>
    internal sealed class OpaqueRelation : Relation
    {
        private readonly HashSet<string> known;

        public OpaqueRelation(string exposedName, IEnumerable<string> knownColumns)
            : base(exposedName) => known = new HashSet<string>(knownColumns, StringComparer.OrdinalIgnoreCase);

        public override bool MayHaveAnyColumn => known.Count == 0;

        public override IEnumerable<AccessDraft> Accesses => Array.Empty<AccessDraft>();

        public override bool KnowsColumn(string column) => known.Contains(column);

        public override ColumnTarget Resolve(string column) => new(null, column);
    }
}
