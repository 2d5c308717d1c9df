using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>([existing] [PARTITION BY ...] [ORDER BY ...] [frame])</c>, or just a window name after OVER.</summary>
    public sealed class WindowSpecification : SqlNode
    {
        public WindowSpecification(SqlSpan span, SqlIdentifier? existingWindow, IReadOnlyList<SqlExpression> partitionBy, IReadOnlyList<OrderByItem> orderBy, WindowFrame? frame)
            : base(span)
        {
            ExistingWindow = existingWindow;
            PartitionBy = partitionBy ?? throw new ArgumentNullException(nameof(partitionBy));
            OrderBy = orderBy ?? throw new ArgumentNullException(nameof(orderBy));
            Frame = frame;
        }

        /// <summary>The named window this one refines, or the whole of <c>OVER name</c>.</summary>
        public SqlIdentifier? ExistingWindow { get; }

        /// <summary>PARTITION BY expressions; empty when absent.</summary>
        public IReadOnlyList<SqlExpression> PartitionBy { get; }

        /// <summary>ORDER BY items; empty when absent.</summary>
        public IReadOnlyList<OrderByItem> OrderBy { get; }

        /// <summary>The frame clause, if any.</summary>
        public WindowFrame? Frame { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitWindowSpecification(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitWindowSpecification(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, PartitionBy);
            AddRange(children, OrderBy);
            Add(children, Frame);
        }
    }
}
