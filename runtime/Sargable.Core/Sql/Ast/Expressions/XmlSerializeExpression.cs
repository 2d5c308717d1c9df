using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>XMLSERIALIZE(DOCUMENT|CONTENT xml AS type [[NO] INDENT])</c>.</summary>
    public sealed class XmlSerializeExpression : SqlExpression
    {
        public XmlSerializeExpression(SqlSpan span, XmlOption option, SqlExpression operand, SqlDataType type, bool indent)
            : base(span)
        {
            Option = option;
            Operand = operand ?? throw new ArgumentNullException(nameof(operand));
            Type = type ?? throw new ArgumentNullException(nameof(type));
            Indent = indent;
        }

        /// <summary>DOCUMENT or CONTENT.</summary>
        public XmlOption Option { get; }

        /// <summary>The XML value.</summary>
        public SqlExpression Operand { get; }

        /// <summary>The character type to produce (<c>text</c>, <c>varchar</c>, ...).</summary>
        public SqlDataType Type { get; }

        /// <summary>True for INDENT (PostgreSQL 16); NO INDENT, the default, is false.</summary>
        public bool Indent { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlSerializeExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlSerializeExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
        }
    }
}
