using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>EXTRACT(field FROM source)</c>.</summary>
    public sealed class ExtractExpression : SqlExpression
    {
        public ExtractExpression(SqlSpan span, string field, SqlExpression source)
            : base(span)
        {
            Field = field ?? throw new ArgumentNullException(nameof(field));
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        /// <summary>The field, lower case (e.g. <c>year</c>, <c>epoch</c>).</summary>
        public string Field { get; }

        /// <summary>The date/time value.</summary>
        public SqlExpression Source { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitExtractExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitExtractExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Source);
        }
    }
}
