using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>ARRAY[a, b]</c>; nested <c>[...]</c> inside it are ArrayExpressions too (<see cref="HasArrayKeyword"/> false).</summary>
    public sealed class ArrayExpression : SqlExpression
    {
        public ArrayExpression(SqlSpan span, bool hasArrayKeyword, IReadOnlyList<SqlExpression> elements)
            : base(span)
        {
            HasArrayKeyword = hasArrayKeyword;
            Elements = elements ?? throw new ArgumentNullException(nameof(elements));
        }

        /// <summary>True when written with the ARRAY keyword.</summary>
        public bool HasArrayKeyword { get; }

        /// <summary>The elements.</summary>
        public IReadOnlyList<SqlExpression> Elements { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitArrayExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitArrayExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Elements);
        }
    }
}
