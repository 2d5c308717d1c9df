using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>ON CONFLICT [(keys) [WHERE ...] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ... [WHERE ...]</c>.</summary>
    public sealed class OnConflictClause : SqlNode
    {
        public OnConflictClause(SqlSpan span, IReadOnlyList<IndexKey> target, SqlExpression? targetWhere, SqlIdentifier? constraintName, OnConflictAction action, IReadOnlyList<SetClause> assignments, SqlExpression? where)
            : base(span)
        {
            Target = target ?? throw new ArgumentNullException(nameof(target));
            TargetWhere = targetWhere;
            ConstraintName = constraintName;
            Action = action;
            Assignments = assignments ?? throw new ArgumentNullException(nameof(assignments));
            Where = where;
        }

        /// <summary>The conflict target's keys; empty when none or when <see cref="ConstraintName"/> is given.</summary>
        public IReadOnlyList<IndexKey> Target { get; }

        /// <summary>The partial-index predicate of the target, if any.</summary>
        public SqlExpression? TargetWhere { get; }

        /// <summary><c>ON CONSTRAINT name</c>, if given.</summary>
        public SqlIdentifier? ConstraintName { get; }

        /// <summary>DO NOTHING or DO UPDATE.</summary>
        public OnConflictAction Action { get; }

        /// <summary>The DO UPDATE SET list; empty for DO NOTHING.</summary>
        public IReadOnlyList<SetClause> Assignments { get; }

        /// <summary>The DO UPDATE ... WHERE condition, if any.</summary>
        public SqlExpression? Where { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitOnConflictClause(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitOnConflictClause(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Target);
            Add(children, TargetWhere);
            AddRange(children, Assignments);
            Add(children, Where);
        }
    }
}
