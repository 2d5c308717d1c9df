using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>a AND b AND c</c> or <c>a OR b OR c</c>, flattened: a chain of one operator is one node, so long EF-generated OR lists stay shallow.</summary>
    public sealed class LogicalExpression : SqlExpression
    {
        public LogicalExpression(SqlSpan span, LogicalOperator @operator, IReadOnlyList<SqlExpression> operands)
            : base(span)
        {
            Operator = @operator;
            Operands = operands ?? throw new ArgumentNullException(nameof(operands));
        }

        /// <summary>AND or OR.</summary>
        public LogicalOperator Operator { get; }

        /// <summary>Two or more operands in source order.</summary>
        public IReadOnlyList<SqlExpression> Operands { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitLogicalExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitLogicalExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Operands);
        }
    }
}
