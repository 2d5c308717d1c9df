using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>[WITH ...] UPDATE [ONLY] table [[AS] alias] SET ... [FROM ...] [WHERE ...] [RETURNING ...]</c>.</summary>
    public sealed class UpdateStatement : SqlStatement
    {
        public UpdateStatement(SqlSpan span, WithClause? with, TableReference table, IReadOnlyList<SetClause> assignments, IReadOnlyList<FromItem> from, SqlExpression? where, IReadOnlyList<SelectItem> returning)
            : base(span)
        {
            With = with;
            Table = table ?? throw new ArgumentNullException(nameof(table));
            Assignments = assignments ?? throw new ArgumentNullException(nameof(assignments));
            From = from ?? throw new ArgumentNullException(nameof(from));
            Where = where;
            Returning = returning ?? throw new ArgumentNullException(nameof(returning));
        }

        /// <summary>The statement's WITH clause, if any.</summary>
        public WithClause? With { get; }

        /// <summary>The target table with its alias.</summary>
        public TableReference Table { get; }

        /// <summary>The SET list.</summary>
        public IReadOnlyList<SetClause> Assignments { get; }

        /// <summary>Extra tables joined in with FROM; empty when absent.</summary>
        public IReadOnlyList<FromItem> From { get; }

        /// <summary>The WHERE condition, if any.</summary>
        public SqlExpression? Where { get; }

        /// <summary>The RETURNING list; empty when absent.</summary>
        public IReadOnlyList<SelectItem> Returning { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitUpdateStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitUpdateStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, With);
            Add(children, Table);
            AddRange(children, Assignments);
            AddRange(children, From);
            Add(children, Where);
            AddRange(children, Returning);
        }
    }
}
