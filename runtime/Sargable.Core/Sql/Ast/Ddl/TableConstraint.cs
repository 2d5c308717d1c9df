using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>[CONSTRAINT name] PRIMARY KEY (cols) | UNIQUE [NULLS NOT DISTINCT] (cols) | FOREIGN KEY (cols) REFERENCES ... | CHECK (...) | EXCLUDE ...</c>.</summary>
    public sealed class TableConstraint : SqlNode
    {
        public TableConstraint(SqlSpan span, SqlIdentifier? name, TableConstraintKind kind, IReadOnlyList<SqlIdentifier> columns, IReadOnlyList<SqlIdentifier> include, bool nullsNotDistinct, SqlIdentifier? usingIndex, ForeignKeyReference? references, SqlExpression? check)
            : base(span)
        {
            Name = name;
            Kind = kind;
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            Include = include ?? throw new ArgumentNullException(nameof(include));
            NullsNotDistinct = nullsNotDistinct;
            UsingIndex = usingIndex;
            References = references;
            Check = check;
        }

        /// <summary><c>CONSTRAINT name</c>, if given.</summary>
        public SqlIdentifier? Name { get; }

        /// <summary>Which constraint.</summary>
        public TableConstraintKind Kind { get; }

        /// <summary>The key columns (PRIMARY KEY, UNIQUE, FOREIGN KEY); empty otherwise.</summary>
        public IReadOnlyList<SqlIdentifier> Columns { get; }

        /// <summary>INCLUDE columns of PRIMARY KEY / UNIQUE; empty otherwise.</summary>
        public IReadOnlyList<SqlIdentifier> Include { get; }

        /// <summary>True for UNIQUE NULLS NOT DISTINCT.</summary>
        public bool NullsNotDistinct { get; }

        /// <summary><c>USING INDEX name</c> (ALTER TABLE ... ADD PRIMARY KEY USING INDEX), if given.</summary>
        public SqlIdentifier? UsingIndex { get; }

        /// <summary>The REFERENCES target of a FOREIGN KEY.</summary>
        public ForeignKeyReference? References { get; }

        /// <summary>The CHECK condition.</summary>
        public SqlExpression? Check { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitTableConstraint(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitTableConstraint(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Check);
        }
    }
}
