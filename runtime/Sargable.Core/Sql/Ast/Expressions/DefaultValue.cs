using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>The <c>DEFAULT</c> keyword as a value in VALUES rows and SET clauses.</summary>
    public sealed class DefaultValue : SqlExpression
    {
        public DefaultValue(SqlSpan span)
            : base(span)
        {
        }

        public override void Accept(SqlVisitor visitor) => visitor.VisitDefaultValue(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitDefaultValue(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
