using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>*</c> or <c>t.*</c> in a select or RETURNING list (or <c>count(t.*)</c>).</summary>
    public sealed class StarExpression : SqlExpression
    {
        public StarExpression(SqlSpan span, IReadOnlyList<SqlIdentifier> qualifier)
            : base(span)
        {
            Qualifier = qualifier ?? throw new ArgumentNullException(nameof(qualifier));
        }

        /// <summary>The parts before <c>.*</c>; empty for a bare <c>*</c>.</summary>
        public IReadOnlyList<SqlIdentifier> Qualifier { get; }

        /// <summary>The table or alias of <c>t.*</c>, or null for a bare <c>*</c>.</summary>
        public SqlIdentifier? Table => Qualifier.Count > 0 ? Qualifier[Qualifier.Count - 1] : null;

        public override void Accept(SqlVisitor visitor) => visitor.VisitStarExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitStarExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
