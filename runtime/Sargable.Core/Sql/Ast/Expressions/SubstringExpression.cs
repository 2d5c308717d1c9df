using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>SUBSTRING(text [FROM start] [FOR count])</c>; the comma form <c>substring(a, b, c)</c> is a plain <see cref="FunctionCall"/>.</summary>
    public sealed class SubstringExpression : SqlExpression
    {
        public SubstringExpression(SqlSpan span, SqlExpression text, SqlExpression? from, SqlExpression? @for)
            : base(span)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            From = from;
            For = @for;
        }

        /// <summary>The string.</summary>
        public SqlExpression Text { get; }

        /// <summary>The start position, if given.</summary>
        public SqlExpression? From { get; }

        /// <summary>The length, if given.</summary>
        public SqlExpression? For { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSubstringExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSubstringExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Text);
            Add(children, From);
            Add(children, For);
        }
    }
}
