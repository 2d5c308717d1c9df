namespace Sargable.Sql
{
    /// <summary>The operators of a <see cref="BinaryExpression"/> the rules care about; anything else is <see cref="Other"/> (see the raw text).</summary>
    public enum BinaryOperator : byte
    {
        /// <summary>Any operator not listed; <see cref="BinaryExpression.OperatorText"/> says which.</summary>
        Other,

        /// <summary><c>=</c></summary>
        Equal,

        /// <summary><c>&lt;&gt;</c> or <c>!=</c></summary>
        NotEqual,

        /// <summary><c>&lt;</c></summary>
        LessThan,

        /// <summary><c>&lt;=</c></summary>
        LessThanOrEqual,

        /// <summary><c>&gt;</c></summary>
        GreaterThan,

        /// <summary><c>&gt;=</c></summary>
        GreaterThanOrEqual,

        /// <summary><c>+</c></summary>
        Add,

        /// <summary><c>-</c></summary>
        Subtract,

        /// <summary><c>*</c></summary>
        Multiply,

        /// <summary><c>/</c></summary>
        Divide,

        /// <summary><c>%</c></summary>
        Modulo,

        /// <summary><c>^</c></summary>
        Power,

        /// <summary><c>||</c></summary>
        Concat,

        /// <summary><c>-&gt;</c></summary>
        JsonGet,

        /// <summary><c>-&gt;&gt;</c></summary>
        JsonGetText,

        /// <summary><c>#&gt;</c></summary>
        JsonGetPath,

        /// <summary><c>#&gt;&gt;</c></summary>
        JsonGetPathText,

        /// <summary><c>@&gt;</c></summary>
        Contains,

        /// <summary><c>&lt;@</c></summary>
        ContainedBy,

        /// <summary><c>&amp;&amp;</c></summary>
        Overlap,

        /// <summary><c>?</c> (jsonb key exists)</summary>
        JsonHasKey,

        /// <summary><c>?|</c></summary>
        JsonHasAnyKey,

        /// <summary><c>?&amp;</c></summary>
        JsonHasAllKeys,

        /// <summary><c>&amp;</c></summary>
        BitwiseAnd,

        /// <summary><c>|</c></summary>
        BitwiseOr,

        /// <summary><c>#</c></summary>
        BitwiseXor,

        /// <summary><c>&lt;&lt;</c></summary>
        ShiftLeft,

        /// <summary><c>&gt;&gt;</c></summary>
        ShiftRight,

        /// <summary><c>~</c></summary>
        RegexMatch,

        /// <summary><c>~*</c></summary>
        RegexMatchIgnoreCase,

        /// <summary><c>!~</c></summary>
        RegexNotMatch,

        /// <summary><c>!~*</c></summary>
        RegexNotMatchIgnoreCase,

        /// <summary><c>@@</c></summary>
        TextSearchMatch,

        /// <summary>The <c>OVERLAPS</c> keyword (period overlap).</summary>
        PeriodOverlaps,
    }
}
