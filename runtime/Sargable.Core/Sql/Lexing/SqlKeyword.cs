namespace Sargable.Sql
{
    /// <summary>
    /// The keywords the parser looks at. Every PostgreSQL reserved and type/function-name keyword is here (they
    /// decide what may be an alias); of the others only those the grammar checks. Any other word is a plain identifier.
    /// </summary>
    internal enum SqlKeyword : ushort
    {
        None = 0,

        // Reserved.
        All, Analyse, Analyze, And, Any, Array, As, Asc, Asymmetric, Both, Case, Cast, Check, Collate, Column,
        Constraint, Create, CurrentCatalog, CurrentDate, CurrentRole, CurrentTime, CurrentTimestamp, CurrentUser,
        Default, Deferrable, Desc, Distinct, Do, Else, End, Except, False, Fetch, For, Foreign, From, Grant, Group,
        Having, In, Initially, Intersect, Into, Lateral, Leading, Limit, LocalTime, LocalTimestamp, Not, Null, Offset,
        On, Only, Or, Order, Placing, Primary, References, Returning, Select, SessionUser, Some, Symmetric, SystemUser,
        Table, Then, To, Trailing, True, Union, Unique, User, Using, Variadic, When, Where, Window, With,

        // Type and function names (not column names or aliases).
        Authorization, Binary, Collation, Concurrently, Cross, CurrentSchema, Freeze, Full, ILike, Inner, Is, IsNull,
        Join, Left, Like, Natural, NotNull, Outer, Overlaps, Right, Similar, TableSample, Verbose,

        // Column-name keywords with special syntax (usable as column names).
        Between, BigInt, Bit, Boolean, Char, Character, Coalesce, Dec, Decimal, Exists, Extract, Float, Greatest,
        Grouping, Int, Integer, Interval, Least, National, NChar, NullIf, Numeric, Position, Precision, Real, Row,
        SmallInt, Substring, Time, Timestamp, Trim, Values, VarChar, XmlAttributes, XmlConcat, XmlElement, XmlExists,
        XmlForest, XmlNamespaces, XmlParse, XmlPi, XmlRoot, XmlSerialize, XmlTable,

        // Unreserved keywords the grammar checks (usable as any name).
        Action, Add, Alter, Always, At, AutoIncrement, By, Cascade, Conflict, Cube, Current, Day, Deferred, Delete,
        Double, Escape, Exclude, Filter, First, Following, Generated, Global, Groups, Hour, Identity, If, Immediate,
        Include, Index, Inherit, Insert, Key, Last, Local, Locked, Match, Materialized, Minute, Month, Next, No,
        Nothing, NoWait, Nulls, Of, Ordinality, Others, Over, Overriding, Partial, Partition, Preceding, Range,
        Recursive, Replace, Restrict, Rollup, Rows, Second, Set, Sets, Share, Simple, Skip, Stored, System, Tablespace,
        Temp, Temporary, Ties, Unbounded, Unknown, Unlogged, Update, Valid, Value, Varying, Virtual, Within, Without,
        Year, Zone,
    }

    /// <summary>PostgreSQL's keyword categories: they decide where a keyword may stand for a name.</summary>
    internal enum KeywordCategory : byte
    {
        /// <summary>Usable as any name (and as a bare alias).</summary>
        Unreserved,

        /// <summary>Usable as a column, table or alias name but not as a function or type name.</summary>
        ColumnName,

        /// <summary>Usable as a function or type name only.</summary>
        TypeFunctionName,

        /// <summary>Usable as a name only when quoted (or after AS / after a dot).</summary>
        Reserved,
    }
}
