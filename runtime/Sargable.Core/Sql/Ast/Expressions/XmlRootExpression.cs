using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>XMLROOT(xml, VERSION version|NO VALUE [, STANDALONE YES|NO|NO VALUE])</c>.</summary>
    public sealed class XmlRootExpression : SqlExpression
    {
        public XmlRootExpression(SqlSpan span, SqlExpression operand, SqlExpression? version, XmlStandalone standalone)
            : base(span)
        {
            Operand = operand ?? throw new ArgumentNullException(nameof(operand));
            Version = version;
            Standalone = standalone;
        }

        /// <summary>The XML value whose root node is altered.</summary>
        public SqlExpression Operand { get; }

        /// <summary>The version; null for <c>VERSION NO VALUE</c>.</summary>
        public SqlExpression? Version { get; }

        /// <summary>The STANDALONE setting.</summary>
        public XmlStandalone Standalone { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlRootExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlRootExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
            Add(children, Version);
        }
    }
}
