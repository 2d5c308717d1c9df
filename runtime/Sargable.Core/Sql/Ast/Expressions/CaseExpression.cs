using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>CASE [operand] WHEN ... THEN ... [ELSE ...] END</c>.</summary>
    public sealed class CaseExpression : SqlExpression
    {
        public CaseExpression(SqlSpan span, SqlExpression? operand, IReadOnlyList<CaseWhen> whenClauses, SqlExpression? @else)
            : base(span)
        {
            Operand = operand;
            WhenClauses = whenClauses ?? throw new ArgumentNullException(nameof(whenClauses));
            Else = @else;
        }

        /// <summary>The operand of a simple CASE, if any.</summary>
        public SqlExpression? Operand { get; }

        /// <summary>The WHEN clauses.</summary>
        public IReadOnlyList<CaseWhen> WhenClauses { get; }

        /// <summary>The ELSE result, if any.</summary>
        public SqlExpression? Else { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitCaseExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCaseExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
            AddRange(children, WhenClauses);
            Add(children, Else);
        }
    }
}
