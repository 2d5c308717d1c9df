namespace Sargable.Sql
{
    /// <summary>An item of a FROM (or USING) list.</summary>
    public abstract class FromItem : SqlNode
    {
        private protected FromItem(SqlSpan span)
            : base(span)
        {
        }
    }
}
