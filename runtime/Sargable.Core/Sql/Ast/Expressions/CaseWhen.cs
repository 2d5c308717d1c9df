using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>WHEN condition THEN result</c>.</summary>
    public sealed class CaseWhen : SqlNode
    {
        public CaseWhen(SqlSpan span, SqlExpression condition, SqlExpression result)
            : base(span)
        {
            Condition = condition ?? throw new ArgumentNullException(nameof(condition));
            Result = result ?? throw new ArgumentNullException(nameof(result));
        }

        /// <summary>The condition, or the value compared with the operand of a simple CASE.</summary>
        public SqlExpression Condition { get; }

        /// <summary>The result.</summary>
        public SqlExpression Result { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitCaseWhen(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCaseWhen(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Condition);
            Add(children, Result);
        }
    }
}
