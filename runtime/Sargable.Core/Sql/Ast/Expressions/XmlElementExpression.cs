using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>XMLELEMENT(NAME tag [, XMLATTRIBUTES(value [AS name], ...)] [, content, ...])</c>.</summary>
    public sealed class XmlElementExpression : SqlExpression
    {
        public XmlElementExpression(SqlSpan span, SqlIdentifier name, IReadOnlyList<XmlNamedArgument> attributes, IReadOnlyList<SqlExpression> content)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Attributes = attributes ?? throw new ArgumentNullException(nameof(attributes));
            Content = content ?? throw new ArgumentNullException(nameof(content));
        }

        /// <summary>The element's tag.</summary>
        public SqlIdentifier Name { get; }

        /// <summary>The XMLATTRIBUTES items; empty when there is none.</summary>
        public IReadOnlyList<XmlNamedArgument> Attributes { get; }

        /// <summary>The element's content, in order.</summary>
        public IReadOnlyList<SqlExpression> Content { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlElementExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlElementExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Attributes);
            AddRange(children, Content);
        }
    }
}
