using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>An infix operator other than AND/OR (see <see cref="LogicalExpression"/>): comparison, arithmetic, <c>||</c>, JSON, array and other operators, and OVERLAPS.</summary>
    public sealed class BinaryExpression : SqlExpression
    {
        public BinaryExpression(SqlSpan span, SqlExpression left, BinaryOperator @operator, string operatorText, SqlExpression right)
            : base(span)
        {
            Left = left ?? throw new ArgumentNullException(nameof(left));
            Operator = @operator;
            OperatorText = operatorText ?? throw new ArgumentNullException(nameof(operatorText));
            Right = right ?? throw new ArgumentNullException(nameof(right));
        }

        /// <summary>The left operand.</summary>
        public SqlExpression Left { get; }

        /// <summary>The operator, or Other (see OperatorText).</summary>
        public BinaryOperator Operator { get; }

        /// <summary>The operator as written, e.g. <c>&lt;&gt;</c> or <c>#-</c>.</summary>
        public string OperatorText { get; }

        /// <summary>The right operand.</summary>
        public SqlExpression Right { get; }

        /// <summary>True for <c>= &lt;&gt; != &lt; &lt;= &gt; &gt;=</c>.</summary>
        public bool IsComparison => Operator >= BinaryOperator.Equal && Operator <= BinaryOperator.GreaterThanOrEqual;

        public override void Accept(SqlVisitor visitor) => visitor.VisitBinaryExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitBinaryExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Left);
            Add(children, Right);
        }
    }
}
