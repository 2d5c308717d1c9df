using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A placeholder: <c>@name</c>, <c>$1</c>, <c>:name</c> or <c>?</c>.</summary>
    public sealed class Parameter : SqlExpression
    {
        public Parameter(SqlSpan span, ParameterKind kind, string text, string? name, int number)
            : base(span)
        {
            Kind = kind;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Name = name;
            Number = number;
        }

        /// <summary>How it was written.</summary>
        public ParameterKind Kind { get; }

        /// <summary>The source text, e.g. <c>@p0</c>.</summary>
        public string Text { get; }

        /// <summary>The name without its prefix for @name and :name; null otherwise.</summary>
        public string? Name { get; }

        /// <summary>The number of $n, the 1-based position of ? among the statement's ? placeholders; 0 for named ones.</summary>
        public int Number { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitParameter(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitParameter(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
