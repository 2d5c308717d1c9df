namespace Sargable.Sql
{
    public enum ColumnConstraintKind : byte
    {
        NotNull,
        Null,
        Default,
        PrimaryKey,
        Unique,
        References,
        Check,

        /// <summary><c>GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY</c></summary>
        Identity,

        /// <summary><c>GENERATED ALWAYS AS (expr) STORED</c> (or VIRTUAL)</summary>
        Generated,
        Collate,
    }

    public enum TableConstraintKind : byte
    {
        PrimaryKey,
        Unique,
        ForeignKey,
        Check,

        /// <summary><c>EXCLUDE ...</c>: accepted, its elements are not modelled.</summary>
        Exclude,
    }

    public enum ReferentialAction : byte
    {
        /// <summary>Nothing written (NO ACTION).</summary>
        Unspecified,
        NoAction,
        Restrict,
        Cascade,
        SetNull,
        SetDefault,
    }

    public enum IdentityKind : byte
    {
        /// <summary>Not an identity or generated column.</summary>
        None,
        Always,
        ByDefault,
    }

    public enum AlterTableActionKind : byte
    {
        AddConstraint,
        AddColumn,
        Other,
    }
}
