namespace Sargable.Sql
{
    public enum JoinKind : byte
    {
        /// <summary><c>JOIN</c> or <c>INNER JOIN</c>.</summary>
        Inner,

        /// <summary><c>LEFT [OUTER] JOIN</c>.</summary>
        Left,

        /// <summary><c>RIGHT [OUTER] JOIN</c>.</summary>
        Right,

        /// <summary><c>FULL [OUTER] JOIN</c>.</summary>
        Full,

        /// <summary><c>CROSS JOIN</c>.</summary>
        Cross,
    }
}
