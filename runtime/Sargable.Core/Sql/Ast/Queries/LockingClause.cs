using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>FOR {UPDATE|NO KEY UPDATE|SHARE|KEY SHARE} [OF t, ...] [NOWAIT|SKIP LOCKED]</c>.</summary>
    public sealed class LockingClause : SqlNode
    {
        public LockingClause(SqlSpan span, LockStrength strength, IReadOnlyList<SqlQualifiedName> tables, LockWaitPolicy waitPolicy)
            : base(span)
        {
            Strength = strength;
            Tables = tables ?? throw new ArgumentNullException(nameof(tables));
            WaitPolicy = waitPolicy;
        }

        /// <summary>The lock strength.</summary>
        public LockStrength Strength { get; }

        /// <summary>The OF list; empty when omitted.</summary>
        public IReadOnlyList<SqlQualifiedName> Tables { get; }

        /// <summary>Wait (default), NOWAIT or SKIP LOCKED.</summary>
        public LockWaitPolicy WaitPolicy { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitLockingClause(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitLockingClause(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
