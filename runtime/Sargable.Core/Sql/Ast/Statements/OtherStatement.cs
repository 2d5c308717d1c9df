using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A statement the parser does not model (<c>CREATE EXTENSION</c>, <c>SET</c>, <c>BEGIN</c>, ...): only its leading words and span. Its tokens were still checked.</summary>
    public sealed class OtherStatement : SqlStatement
    {
        public OtherStatement(SqlSpan span, IReadOnlyList<string> keywords)
            : base(span)
        {
            Keywords = keywords ?? throw new ArgumentNullException(nameof(keywords));
        }

        /// <summary>Up to three leading words, upper case, e.g. <c>CREATE</c>, <c>EXTENSION</c>.</summary>
        public IReadOnlyList<string> Keywords { get; }

        /// <summary>The leading words joined by spaces, e.g. <c>CREATE EXTENSION</c>.</summary>
        public string Command => string.Join(" ", Keywords);

        public override void Accept(SqlVisitor visitor) => visitor.VisitOtherStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitOtherStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
