using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>One assignment of <c>UPDATE ... SET</c> or <c>ON CONFLICT DO UPDATE SET</c>: <c>col = value</c> or <c>(a, b) = (x, y)</c>.</summary>
    public sealed class SetClause : SqlNode
    {
        public SetClause(SqlSpan span, IReadOnlyList<SqlIdentifier> columns, bool isMultiColumn, SqlExpression value)
            : base(span)
        {
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            IsMultiColumn = isMultiColumn;
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>The assigned columns; one unless <see cref="IsMultiColumn"/>.</summary>
        public IReadOnlyList<SqlIdentifier> Columns { get; }

        /// <summary>True for the <c>(a, b) = ...</c> form; <see cref="Value"/> is then a row, a subquery or <c>ROW(...)</c>.</summary>
        public bool IsMultiColumn { get; }

        /// <summary>The new value (<see cref="DefaultValue"/> for <c>DEFAULT</c>).</summary>
        public SqlExpression Value { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitSetClause(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitSetClause(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Value);
        }
    }
}
