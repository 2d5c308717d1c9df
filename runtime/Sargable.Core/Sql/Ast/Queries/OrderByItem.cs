using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>expr [ASC|DESC|USING op] [NULLS FIRST|LAST]</c>.</summary>
    public sealed class OrderByItem : SqlNode
    {
        public OrderByItem(SqlSpan span, SqlExpression expression, SortDirection direction, string? usingOperator, NullsOrder nulls)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            Direction = direction;
            UsingOperator = usingOperator;
            Nulls = nulls;
        }

        /// <summary>The sort key.</summary>
        public SqlExpression Expression { get; }

        /// <summary>ASC, DESC or unspecified (ascending).</summary>
        public SortDirection Direction { get; }

        /// <summary>The operator of <c>USING op</c>, if given.</summary>
        public string? UsingOperator { get; }

        /// <summary>NULLS FIRST, NULLS LAST or unspecified (last when ascending, first when descending).</summary>
        public NullsOrder Nulls { get; }

        /// <summary>True when the effective order is descending (DESC, or USING &gt;).</summary>
        public bool IsDescending => Direction == SortDirection.Descending || UsingOperator == ">";

        public override void Accept(SqlVisitor visitor) => visitor.VisitOrderByItem(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitOrderByItem(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
        }
    }
}
