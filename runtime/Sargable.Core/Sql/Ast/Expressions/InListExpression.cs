using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x [NOT] IN (a, b, ...)</c>.</summary>
    public sealed class InListExpression : SqlExpression
    {
        public InListExpression(SqlSpan span, SqlExpression expression, bool isNegated, IReadOnlyList<SqlExpression> items)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            IsNegated = isNegated;
            Items = items ?? throw new ArgumentNullException(nameof(items));
        }

        /// <summary>The tested value.</summary>
        public SqlExpression Expression { get; }

        /// <summary>True for NOT IN.</summary>
        public bool IsNegated { get; }

        /// <summary>The list (at least one item).</summary>
        public IReadOnlyList<SqlExpression> Items { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitInListExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitInListExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
            AddRange(children, Items);
        }
    }
}
