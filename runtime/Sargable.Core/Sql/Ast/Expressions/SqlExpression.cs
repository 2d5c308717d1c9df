namespace Sargable.Sql
{
    /// <summary>A value expression.</summary>
    public abstract class SqlExpression : SqlNode
    {
        private protected SqlExpression(SqlSpan span)
            : base(span)
        {
        }
    }
}
