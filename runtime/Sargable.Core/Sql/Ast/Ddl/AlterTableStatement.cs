using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>ALTER TABLE [IF EXISTS] [ONLY] name action, ...</c>; ADD CONSTRAINT and ADD COLUMN are modelled, other actions kept as <see cref="AlterTableActionKind.Other"/>.</summary>
    public sealed class AlterTableStatement : SqlStatement
    {
        public AlterTableStatement(SqlSpan span, bool ifExists, bool isOnly, SqlQualifiedName table, IReadOnlyList<AlterTableAction> actions)
            : base(span)
        {
            IfExists = ifExists;
            IsOnly = isOnly;
            Table = table ?? throw new ArgumentNullException(nameof(table));
            Actions = actions ?? throw new ArgumentNullException(nameof(actions));
        }

        /// <summary>True for IF EXISTS.</summary>
        public bool IfExists { get; }

        /// <summary>True for ONLY.</summary>
        public bool IsOnly { get; }

        /// <summary>The altered table.</summary>
        public SqlQualifiedName Table { get; }

        /// <summary>The actions in order.</summary>
        public IReadOnlyList<AlterTableAction> Actions { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitAlterTableStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitAlterTableStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Actions);
        }
    }
}
