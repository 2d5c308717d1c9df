using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A named function argument: <c>name =&gt; value</c> or <c>name := value</c>.</summary>
    public sealed class NamedArgument : SqlExpression
    {
        public NamedArgument(SqlSpan span, SqlIdentifier name, SqlExpression value)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>The parameter name.</summary>
        public SqlIdentifier Name { get; }

        /// <summary>The value.</summary>
        public SqlExpression Value { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitNamedArgument(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitNamedArgument(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Value);
        }
    }
}
