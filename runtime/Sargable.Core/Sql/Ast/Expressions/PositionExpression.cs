using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>POSITION(substring IN text)</c>.</summary>
    public sealed class PositionExpression : SqlExpression
    {
        public PositionExpression(SqlSpan span, SqlExpression substring, SqlExpression text)
            : base(span)
        {
            Substring = substring ?? throw new ArgumentNullException(nameof(substring));
            Text = text ?? throw new ArgumentNullException(nameof(text));
        }

        /// <summary>The searched-for string.</summary>
        public SqlExpression Substring { get; }

        /// <summary>The searched string.</summary>
        public SqlExpression Text { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitPositionExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitPositionExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Substring);
            Add(children, Text);
        }
    }
}
