using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>(expr).field</c> or <c>(expr).*</c>.</summary>
    public sealed class FieldSelection : SqlExpression
    {
        public FieldSelection(SqlSpan span, SqlExpression target, SqlIdentifier? field)
            : base(span)
        {
            Target = target ?? throw new ArgumentNullException(nameof(target));
            Field = field;
        }

        /// <summary>The composite value.</summary>
        public SqlExpression Target { get; }

        /// <summary>The field; null for <c>.*</c>.</summary>
        public SqlIdentifier? Field { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitFieldSelection(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitFieldSelection(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Target);
        }
    }
}
