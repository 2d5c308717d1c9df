using System;

namespace Sargable.Shapes
{
    /// <summary>How a column is bound by equality; every kind can use an index seek.</summary>
    public enum EqualityKind
    {
        /// <summary><c>col = value</c> with a constant or parameter.</summary>
        Value,

        /// <summary><c>col IN (a, b, ...)</c> or <c>col = ANY (@array)</c>.</summary>
        List,

        /// <summary><c>col IN (SELECT ...)</c> or <c>col = ANY (SELECT ...)</c>.</summary>
        Subquery,

        /// <summary><c>col IS NULL</c>.</summary>
        IsNull,

        /// <summary><c>col = other.col</c> where other is another table of the same query block (a join).</summary>
        JoinColumn,

        /// <summary><c>col = outer.col</c> where outer belongs to an enclosing query (a correlated subquery).</summary>
        OuterColumn,
    }

    /// <summary>What a filtered column holds, when a front-end knows it has few distinct values.</summary>
    public enum ColumnDomain
    {
        /// <summary>Nothing is known about the column's values.</summary>
        Unknown,

        /// <summary>A boolean column: two values (and NULL).</summary>
        Boolean,

        /// <summary>An enumeration stored as its number or name: a handful of values.</summary>
        Enumeration,
    }

    /// <summary>How a column is bound by a range; an index can seek to one end and scan.</summary>
    public enum RangeKind
    {
        /// <summary><c>col &lt; value</c>.</summary>
        LessThan,
        /// <summary><c>col &lt;= value</c>.</summary>
        LessOrEqual,
        /// <summary><c>col &gt; value</c>.</summary>
        GreaterThan,
        /// <summary><c>col &gt;= value</c>.</summary>
        GreaterOrEqual,
        /// <summary><c>col BETWEEN a AND b</c>.</summary>
        Between,

        /// <summary><c>LIKE 'prefix%'</c>.</summary>
        PrefixLike,
    }

    /// <summary>Why a predicate cannot use a plain index on its column.</summary>
    public enum UnusableReason
    {
        /// <summary>The column is wrapped in a function or expression (<c>lower(name) = ...</c>).</summary>
        FunctionOnColumn,

        /// <summary><c>col &lt;&gt; value</c> or <c>NOT IN</c>.</summary>
        NotEqual,

        /// <summary><c>LIKE '%x'</c> and friends.</summary>
        LeadingWildcard,

        /// <summary><c>a = 1 OR b = 2</c>: an OR that spans different columns.</summary>
        OrAcrossColumns,

        /// <summary>Any other predicate on the table no btree index can seek with.</summary>
        Other,
    }

    /// <summary>A column bound by equality.</summary>
    public sealed class ColumnEquality
    {
        /// <summary><paramref name="column"/> bound by <paramref name="kind"/>; join bindings name the other side.</summary>
        public ColumnEquality(string column, EqualityKind kind, SourceLocation? location = null, int? partnerAccess = null, string? partnerColumn = null)
        {
            Column = column ?? throw new ArgumentNullException(nameof(column));
            Kind = kind;
            Location = location;
            PartnerAccess = partnerAccess;
            PartnerColumn = partnerColumn;
        }

        /// <summary>The bound column.</summary>
        public string Column { get; }

        /// <summary>How it is bound.</summary>
        public EqualityKind Kind { get; }

        /// <summary>Where the predicate stands in the source, when known.</summary>
        public SourceLocation? Location { get; }

        /// <summary>For <see cref="EqualityKind.JoinColumn"/>: the <see cref="TableAccess.Id"/> on the other side.</summary>
        public int? PartnerAccess { get; }

        /// <summary>For join and outer bindings: the column on the other side.</summary>
        public string? PartnerColumn { get; }

        /// <summary>
        /// The SQL literal the column equals (<c>true</c>, <c>false</c>, <c>2</c>) for <c>col = literal</c> and for a lone
        /// boolean test (<c>WHERE col</c> is <c>true</c>, <c>WHERE NOT col</c> is <c>false</c>); null for parameters and the rest.
        /// </summary>
        public string? Literal { get; init; }

        /// <summary>What the column holds, when the front-end knows it is boolean or an enumeration.</summary>
        public ColumnDomain Domain { get; init; }

        /// <summary>
        /// The column's name in the database when <see cref="Column"/> names it otherwise (the analyzers name an entity's
        /// property, which <c>[Column("status")]</c> or <c>HasColumnName</c> may map to another column); null when they are the same.
        /// SQL written for the database (a partial index's predicate) uses this name.
        /// </summary>
        public string? StoredColumn { get; init; }

        /// <summary>True when bound to a constant, parameter, list or subquery rather than another table's column.</summary>
        public bool IsToValue => Kind is EqualityKind.Value or EqualityKind.List or EqualityKind.Subquery or EqualityKind.IsNull;

        /// <inheritdoc />
        public override string ToString() => $"{Column} {Kind}";
    }

    /// <summary>A column bound by a range.</summary>
    public sealed class ColumnRange
    {
        /// <summary><paramref name="column"/> bound by a range of <paramref name="kind"/>.</summary>
        public ColumnRange(string column, RangeKind kind, SourceLocation? location = null)
        {
            Column = column ?? throw new ArgumentNullException(nameof(column));
            Kind = kind;
            Location = location;
        }

        /// <summary>The bound column.</summary>
        public string Column { get; }

        /// <summary>The comparison.</summary>
        public RangeKind Kind { get; }

        /// <summary>Where the predicate stands in the source, when known.</summary>
        public SourceLocation? Location { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Column} {Kind}";
    }

    /// <summary>A predicate no index on a plain column can use.</summary>
    public sealed class UnusablePredicate
    {
        /// <summary>A predicate no plain index can use, for <paramref name="reason"/>.</summary>
        public UnusablePredicate(UnusableReason reason, string? column, string description, SourceLocation? location = null)
        {
            Reason = reason;
            Column = column;
            Description = description ?? throw new ArgumentNullException(nameof(description));
            Location = location;
        }

        /// <summary>Why no plain index can use it.</summary>
        public UnusableReason Reason { get; }

        /// <summary>The column involved, when there is one.</summary>
        public string? Column { get; }

        /// <summary>Short human description, e.g. <c>lower(name) = ...</c>.</summary>
        public string Description { get; }

        /// <summary>Where the predicate stands in the source, when known.</summary>
        public SourceLocation? Location { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Reason}: {Description}";
    }

    /// <summary>One ORDER BY column, resolved to a column of the access.</summary>
    public sealed class OrderColumn
    {
        /// <summary>An ORDER BY on <paramref name="column"/> in the given direction.</summary>
        public OrderColumn(string column, bool descending = false, bool? nullsFirst = null, SourceLocation? location = null)
        {
            Column = column ?? throw new ArgumentNullException(nameof(column));
            Descending = descending;
            NullsFirst = nullsFirst;
            Location = location;
        }

        /// <summary>The ordered column.</summary>
        public string Column { get; }

        /// <summary>True for DESC.</summary>
        public bool Descending { get; }

        /// <summary>Explicit NULLS FIRST (true) / NULLS LAST (false), or null for the default of the direction.</summary>
        public bool? NullsFirst { get; }

        /// <summary>Where the ORDER BY term stands in the source, when known.</summary>
        public SourceLocation? Location { get; }

        /// <inheritdoc />
        public override string ToString() => Descending ? Column + " DESC" : Column;
    }

    /// <summary>How a LIMIT or OFFSET is given.</summary>
    public enum RowCountKind
    {
        /// <summary>A literal number.</summary>
        Constant,
        /// <summary>A parameter; its value is unknown until run time.</summary>
        Parameter,

        /// <summary>Any other expression; its value is unknown.</summary>
        Expression,
    }

    /// <summary>A LIMIT or OFFSET value.</summary>
    public sealed class RowCount
    {
        /// <summary>A LIMIT or OFFSET of <paramref name="kind"/>.</summary>
        public RowCount(RowCountKind kind, long? value = null, SourceLocation? location = null, bool implied = false)
        {
            Kind = kind;
            Value = value;
            Location = location;
            Implied = implied;
        }

        /// <summary>How the value is given.</summary>
        public RowCountKind Kind { get; }

        /// <summary>The value, for constants.</summary>
        public long? Value { get; }

        /// <summary>Where the value stands in the source, when known.</summary>
        public SourceLocation? Location { get; }

        /// <summary>True when not written but implied (EXISTS stops at the first row).</summary>
        public bool Implied { get; }

        /// <summary>A constant row count.</summary>
        public static RowCount Constant(long value, SourceLocation? location = null) => new(RowCountKind.Constant, value, location);

        /// <inheritdoc />
        public override string ToString() => Kind == RowCountKind.Constant ? Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Kind.ToString();
    }
}
