using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>[WITH ...] DELETE FROM [ONLY] table [[AS] alias] [USING ...] [WHERE ...] [RETURNING ...]</c>.</summary>
    public sealed class DeleteStatement : SqlStatement
    {
        public DeleteStatement(SqlSpan span, WithClause? with, TableReference table, IReadOnlyList<FromItem> @using, SqlExpression? where, IReadOnlyList<SelectItem> returning)
            : base(span)
        {
            With = with;
            Table = table ?? throw new ArgumentNullException(nameof(table));
            Using = @using ?? throw new ArgumentNullException(nameof(@using));
            Where = where;
            Returning = returning ?? throw new ArgumentNullException(nameof(returning));
        }

        /// <summary>The statement's WITH clause, if any.</summary>
        public WithClause? With { get; }

        /// <summary>The target table with its alias.</summary>
        public TableReference Table { get; }

        /// <summary>Extra tables joined in with USING; empty when absent.</summary>
        public IReadOnlyList<FromItem> Using { get; }

        /// <summary>The WHERE condition, if any.</summary>
        public SqlExpression? Where { get; }

        /// <summary>The RETURNING list; empty when absent.</summary>
        public IReadOnlyList<SelectItem> Returning { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitDeleteStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitDeleteStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, With);
            Add(children, Table);
            AddRange(children, Using);
            Add(children, Where);
            AddRange(children, Returning);
        }
    }
}
