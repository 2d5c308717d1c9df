using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right</c>; left-associative, INTERSECT binding tighter.</summary>
    public sealed class SetOperation : QueryBody
    {
        public SetOperation(SqlSpan span, QueryBody left, SetOperator @operator, SetQuantifier quantifier, QueryBody right)
            : base(span)
        {
            Left = left ?? throw new ArgumentNullException(nameof(left));
            Operator = @operator;
            Quantifier = quantifier;
            Right = right ?? throw new ArgumentNullException(nameof(right));
        }

        /// <summary>The left operand.</summary>
        public QueryBody Left { get; }

        /// <summary>UNION, INTERSECT or EXCEPT.</summary>
        public SetOperator Operator { get; }

        /// <summary>ALL, DISTINCT or unspecified (which means DISTINCT).</summary>
        public SetQuantifier Quantifier { get; }

        /// <summary>The right operand.</summary>
        public QueryBody Right { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSetOperation(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSetOperation(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Left);
            Add(children, Right);
        }
    }
}
