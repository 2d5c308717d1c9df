using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// <c>value [AS name]</c> in XMLATTRIBUTES and XMLFOREST (no name: the column's name is used), and in XMLNAMESPACES
    /// <c>uri AS prefix</c> or <c>DEFAULT uri</c> (no name).
    /// </summary>
    public sealed class XmlNamedArgument : SqlNode
    {
        public XmlNamedArgument(SqlSpan span, SqlExpression value, SqlIdentifier? name)
            : base(span)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
            Name = name;
        }

        /// <summary>The value (an attribute's or element's content, or a namespace URI).</summary>
        public SqlExpression Value { get; }

        /// <summary>The name after AS, if written.</summary>
        public SqlIdentifier? Name { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlNamedArgument(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlNamedArgument(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Value);
        }
    }
}
