namespace Sargable.Sql
{
    /// <summary>The set-quantifier of a SELECT.</summary>
    public enum DistinctKind : byte
    {
        /// <summary>Nothing written (same as ALL).</summary>
        None,

        /// <summary><c>SELECT ALL</c>.</summary>
        All,

        /// <summary><c>SELECT DISTINCT</c>.</summary>
        Distinct,

        /// <summary><c>SELECT DISTINCT ON (...)</c>.</summary>
        DistinctOn,
    }

    public enum SetOperator : byte
    {
        Union,
        Intersect,
        Except,
    }

    public enum SetQuantifier : byte
    {
        /// <summary>Nothing written (DISTINCT semantics).</summary>
        Default,
        All,
        Distinct,
    }

    public enum SortDirection : byte
    {
        /// <summary>Nothing written (ascending).</summary>
        Default,
        Ascending,
        Descending,
    }

    public enum NullsOrder : byte
    {
        /// <summary>Nothing written: NULLS LAST when ascending, NULLS FIRST when descending.</summary>
        Default,
        First,
        Last,
    }

    public enum CteMaterialization : byte
    {
        Default,
        Materialized,
        NotMaterialized,
    }

    public enum LockStrength : byte
    {
        Update,
        NoKeyUpdate,
        Share,
        KeyShare,
    }

    public enum LockWaitPolicy : byte
    {
        Wait,
        NoWait,
        SkipLocked,
    }

    public enum WindowFrameUnits : byte
    {
        Rows,
        Range,
        Groups,
    }

    public enum FrameBoundKind : byte
    {
        UnboundedPreceding,
        Preceding,
        CurrentRow,
        Following,
        UnboundedFollowing,
    }

    public enum FrameExclusion : byte
    {
        /// <summary>Nothing written (EXCLUDE NO OTHERS).</summary>
        None,
        CurrentRow,
        Group,
        Ties,
        NoOthers,
    }
}
