namespace Sargable.Sql
{
    /// <summary>The body of a <see cref="QueryExpression"/>: a SELECT, a set operation, VALUES or a parenthesized query.</summary>
    public abstract class QueryBody : SqlNode
    {
        private protected QueryBody(SqlSpan span)
            : base(span)
        {
        }
    }
}
