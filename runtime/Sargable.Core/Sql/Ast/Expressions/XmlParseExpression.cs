using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>XMLPARSE(DOCUMENT|CONTENT text [PRESERVE|STRIP WHITESPACE])</c>.</summary>
    public sealed class XmlParseExpression : SqlExpression
    {
        public XmlParseExpression(SqlSpan span, XmlOption option, SqlExpression operand, bool preserveWhitespace)
            : base(span)
        {
            Option = option;
            Operand = operand ?? throw new ArgumentNullException(nameof(operand));
            PreserveWhitespace = preserveWhitespace;
        }

        /// <summary>DOCUMENT or CONTENT.</summary>
        public XmlOption Option { get; }

        /// <summary>The text to parse.</summary>
        public SqlExpression Operand { get; }

        /// <summary>True for PRESERVE WHITESPACE; STRIP WHITESPACE, the default, is false.</summary>
        public bool PreserveWhitespace { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlParseExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlParseExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
        }
    }
}
