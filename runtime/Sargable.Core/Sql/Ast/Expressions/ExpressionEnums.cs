namespace Sargable.Sql
{
    public enum UnaryOperator : byte
    {
        /// <summary><c>NOT</c></summary>
        Not,

        /// <summary><c>-</c> (negative numeric literals are folded into the <see cref="Literal"/> instead)</summary>
        Negate,

        /// <summary><c>+</c></summary>
        Plus,

        /// <summary><c>~</c></summary>
        BitwiseNot,

        /// <summary>Any other prefix operator (<c>@</c>, <c>|/</c>, ...); see the operator text.</summary>
        Other,
    }

    public enum LogicalOperator : byte
    {
        And,
        Or,
    }

    public enum LikeKind : byte
    {
        Like,
        ILike,
        SimilarTo,
    }

    public enum Quantifier : byte
    {
        Any,
        Some,
        All,
    }

    public enum CastSyntax : byte
    {
        /// <summary><c>CAST(x AS type)</c></summary>
        Cast,

        /// <summary><c>x::type</c></summary>
        DoubleColon,

        /// <summary><c>type 'literal'</c>, e.g. <c>DATE '2024-01-01'</c>, <c>interval '1 day'</c></summary>
        TypedLiteral,
    }

    public enum TrimSide : byte
    {
        /// <summary>Nothing written (both).</summary>
        Default,
        Both,
        Leading,
        Trailing,
    }

    public enum GroupingSetKind : byte
    {
        Rollup,
        Cube,
        GroupingSets,

        /// <summary>The empty grouping set <c>()</c>.</summary>
        Empty,
    }
}
