using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A named window of the WINDOW clause: <c>name AS (spec)</c>.</summary>
    public sealed class WindowDefinition : SqlNode
    {
        public WindowDefinition(SqlSpan span, SqlIdentifier name, WindowSpecification specification)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Specification = specification ?? throw new ArgumentNullException(nameof(specification));
        }

        /// <summary>The window's name.</summary>
        public SqlIdentifier Name { get; }

        /// <summary>Its definition.</summary>
        public WindowSpecification Specification { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitWindowDefinition(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitWindowDefinition(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Specification);
        }
    }
}
