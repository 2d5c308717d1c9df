using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A prefix operator: <c>NOT x</c>, <c>-x</c>, <c>+x</c>, <c>~x</c> or another operator.</summary>
    public sealed class UnaryExpression : SqlExpression
    {
        public UnaryExpression(SqlSpan span, UnaryOperator @operator, string operatorText, SqlExpression operand)
            : base(span)
        {
            Operator = @operator;
            OperatorText = operatorText ?? throw new ArgumentNullException(nameof(operatorText));
            Operand = operand ?? throw new ArgumentNullException(nameof(operand));
        }

        /// <summary>The operator.</summary>
        public UnaryOperator Operator { get; }

        /// <summary>The operator as written (<c>NOT</c> upper case).</summary>
        public string OperatorText { get; }

        /// <summary>The operand.</summary>
        public SqlExpression Operand { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitUnaryExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitUnaryExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
        }
    }
}
