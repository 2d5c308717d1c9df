using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>WITH [RECURSIVE] cte, ...</c>.</summary>
    public sealed class WithClause : SqlNode
    {
        public WithClause(SqlSpan span, bool isRecursive, IReadOnlyList<CommonTableExpression> ctes)
            : base(span)
        {
            IsRecursive = isRecursive;
            Ctes = ctes ?? throw new ArgumentNullException(nameof(ctes));
        }

        /// <summary>True for WITH RECURSIVE.</summary>
        public bool IsRecursive { get; }

        /// <summary>The common table expressions in order.</summary>
        public IReadOnlyList<CommonTableExpression> Ctes { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitWithClause(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitWithClause(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Ctes);
        }
    }
}
