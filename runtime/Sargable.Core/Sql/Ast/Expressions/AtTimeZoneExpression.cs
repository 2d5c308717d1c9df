using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x AT TIME ZONE zone</c> or <c>x AT LOCAL</c>.</summary>
    public sealed class AtTimeZoneExpression : SqlExpression
    {
        public AtTimeZoneExpression(SqlSpan span, SqlExpression operand, SqlExpression? zone)
            : base(span)
        {
            Operand = operand ?? throw new ArgumentNullException(nameof(operand));
            Zone = zone;
        }

        /// <summary>The timestamp.</summary>
        public SqlExpression Operand { get; }

        /// <summary>The zone; null for AT LOCAL.</summary>
        public SqlExpression? Zone { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitAtTimeZoneExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitAtTimeZoneExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
            Add(children, Zone);
        }
    }
}
