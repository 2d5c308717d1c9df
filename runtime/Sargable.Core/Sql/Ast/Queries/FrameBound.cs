namespace Sargable.Sql
{
    /// <summary>One end of a window frame: <c>UNBOUNDED PRECEDING</c>, <c>n PRECEDING</c>, <c>CURRENT ROW</c>, <c>n FOLLOWING</c>, <c>UNBOUNDED FOLLOWING</c>.</summary>
    public sealed class FrameBound
    {
        public FrameBound(FrameBoundKind kind, SqlExpression? offset, SqlSpan span)
        {
            Kind = kind;
            Offset = offset;
            Span = span;
        }

        public FrameBoundKind Kind { get; }

        /// <summary>The <c>n</c> of <c>n PRECEDING</c> / <c>n FOLLOWING</c>; null otherwise. Visited as a child of the <see cref="WindowFrame"/>.</summary>
        public SqlExpression? Offset { get; }

        public SqlSpan Span { get; }
    }
}
