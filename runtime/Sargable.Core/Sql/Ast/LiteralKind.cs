namespace Sargable.Sql
{
    /// <summary>How a <see cref="Literal"/> was written.</summary>
    public enum LiteralKind : byte
    {
        /// <summary><c>42</c>, <c>0x2A</c>, <c>1_000</c>.</summary>
        Integer,

        /// <summary><c>4.2</c>, <c>.5</c>, <c>1e10</c>.</summary>
        Numeric,

        /// <summary><c>'text'</c>.</summary>
        String,

        /// <summary><c>E'a\tb'</c>, with C-style backslash escapes.</summary>
        EscapeString,

        /// <summary><c>U&amp;'\0041'</c>.</summary>
        UnicodeString,

        /// <summary><c>$$text$$</c> or <c>$tag$text$tag$</c>.</summary>
        DollarString,

        /// <summary><c>B'0101'</c>.</summary>
        BitString,

        /// <summary><c>X'1F'</c>.</summary>
        HexString,

        /// <summary><c>N'text'</c>.</summary>
        NationalString,

        /// <summary><c>TRUE</c> or <c>FALSE</c>.</summary>
        Boolean,

        /// <summary><c>NULL</c>.</summary>
        Null,
    }
}
