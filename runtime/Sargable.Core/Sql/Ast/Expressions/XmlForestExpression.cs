using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>XMLFOREST(value [AS name], ...)</c>: one element per item.</summary>
    public sealed class XmlForestExpression : SqlExpression
    {
        public XmlForestExpression(SqlSpan span, IReadOnlyList<XmlNamedArgument> items)
            : base(span)
        {
            Items = items ?? throw new ArgumentNullException(nameof(items));
        }

        /// <summary>The items, at least one.</summary>
        public IReadOnlyList<XmlNamedArgument> Items { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlForestExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlForestExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Items);
        }
    }
}
