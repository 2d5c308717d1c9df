using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>TRIM([BOTH|LEADING|TRAILING] [characters] FROM text)</c> or <c>TRIM(text)</c>; the comma form is a plain <see cref="FunctionCall"/>.</summary>
    public sealed class TrimExpression : SqlExpression
    {
        public TrimExpression(SqlSpan span, TrimSide side, SqlExpression? characters, SqlExpression text)
            : base(span)
        {
            Side = side;
            Characters = characters;
            Text = text ?? throw new ArgumentNullException(nameof(text));
        }

        /// <summary>Which side is trimmed.</summary>
        public TrimSide Side { get; }

        /// <summary>The characters to remove, if given (default: spaces).</summary>
        public SqlExpression? Characters { get; }

        /// <summary>The string.</summary>
        public SqlExpression Text { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitTrimExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitTrimExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Characters);
            Add(children, Text);
        }
    }
}
