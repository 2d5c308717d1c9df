using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>One action of ALTER TABLE.</summary>
    public sealed class AlterTableAction : SqlNode
    {
        public AlterTableAction(SqlSpan span, AlterTableActionKind kind, TableConstraint? constraint, ColumnDefinition? column, bool ifNotExists, IReadOnlyList<string> keywords)
            : base(span)
        {
            Kind = kind;
            Constraint = constraint;
            Column = column;
            IfNotExists = ifNotExists;
            Keywords = keywords ?? throw new ArgumentNullException(nameof(keywords));
        }

        /// <summary>ADD constraint, ADD column, or another action.</summary>
        public AlterTableActionKind Kind { get; }

        /// <summary>The added constraint.</summary>
        public TableConstraint? Constraint { get; }

        /// <summary>The added column.</summary>
        public ColumnDefinition? Column { get; }

        /// <summary>True for ADD COLUMN IF NOT EXISTS.</summary>
        public bool IfNotExists { get; }

        /// <summary>For other actions: up to three leading words, upper case (e.g. <c>DROP</c>, <c>COLUMN</c>); empty otherwise.</summary>
        public IReadOnlyList<string> Keywords { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitAlterTableAction(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitAlterTableAction(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Constraint);
            Add(children, Column);
        }
    }
}
