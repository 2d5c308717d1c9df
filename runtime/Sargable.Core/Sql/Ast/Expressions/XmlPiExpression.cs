using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>XMLPI(NAME target [, content])</c>: a processing instruction.</summary>
    public sealed class XmlPiExpression : SqlExpression
    {
        public XmlPiExpression(SqlSpan span, SqlIdentifier target, SqlExpression? content)
            : base(span)
        {
            Target = target ?? throw new ArgumentNullException(nameof(target));
            Content = content;
        }

        /// <summary>The instruction's target name.</summary>
        public SqlIdentifier Target { get; }

        /// <summary>The instruction's content, if given.</summary>
        public SqlExpression? Content { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlPiExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlPiExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Content);
        }
    }
}
