using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x [NOT] {LIKE|ILIKE|SIMILAR TO} pattern [ESCAPE e]</c>.</summary>
    public sealed class LikeExpression : SqlExpression
    {
        public LikeExpression(SqlSpan span, SqlExpression expression, LikeKind kind, bool isNegated, SqlExpression pattern, SqlExpression? escape)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            Kind = kind;
            IsNegated = isNegated;
            Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
            Escape = escape;
        }

        /// <summary>The tested value.</summary>
        public SqlExpression Expression { get; }

        /// <summary>LIKE, ILIKE or SIMILAR TO.</summary>
        public LikeKind Kind { get; }

        /// <summary>True for NOT LIKE etc.</summary>
        public bool IsNegated { get; }

        /// <summary>The pattern.</summary>
        public SqlExpression Pattern { get; }

        /// <summary>The ESCAPE character, if given.</summary>
        public SqlExpression? Escape { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitLikeExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitLikeExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
            Add(children, Pattern);
            Add(children, Escape);
        }
    }
}
