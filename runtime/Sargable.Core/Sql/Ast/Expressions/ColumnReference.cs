using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A column: <c>col</c>, <c>t.col</c>, <c>schema.t.col</c> (up to four parts).</summary>
    public sealed class ColumnReference : SqlExpression
    {
        public ColumnReference(SqlSpan span, IReadOnlyList<SqlIdentifier> parts)
            : base(span)
        {
            Parts = parts ?? throw new ArgumentNullException(nameof(parts));
        }

        /// <summary>The name parts in order; the last is the column.</summary>
        public IReadOnlyList<SqlIdentifier> Parts { get; }

        /// <summary>The column name (the last part).</summary>
        public SqlIdentifier Column => Parts[Parts.Count - 1];

        /// <summary>The table or alias qualifier (second to last part), if any.</summary>
        public SqlIdentifier? Table => Parts.Count >= 2 ? Parts[Parts.Count - 2] : null;

        /// <summary>The schema (third to last part), if any.</summary>
        public SqlIdentifier? Schema => Parts.Count >= 3 ? Parts[Parts.Count - 3] : null;

        public override void Accept(SqlVisitor visitor) => visitor.VisitColumnReference(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitColumnReference(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
