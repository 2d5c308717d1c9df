using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>name type [COLLATE c] [constraints]</c>.</summary>
    public sealed class ColumnDefinition : SqlNode
    {
        public ColumnDefinition(SqlSpan span, SqlIdentifier name, SqlDataType dataType, IReadOnlyList<ColumnConstraint> constraints)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            DataType = dataType ?? throw new ArgumentNullException(nameof(dataType));
            Constraints = constraints ?? throw new ArgumentNullException(nameof(constraints));
        }

        /// <summary>The column's name.</summary>
        public SqlIdentifier Name { get; }

        /// <summary>The column's type.</summary>
        public SqlDataType DataType { get; }

        /// <summary>The column constraints (including COLLATE) in order.</summary>
        public IReadOnlyList<ColumnConstraint> Constraints { get; }

        /// <summary>True when a NOT NULL or PRIMARY KEY constraint makes the column non-nullable.</summary>
        public bool IsNotNull
        {
            get
            {
                foreach (var constraint in Constraints)
                {
                    if (constraint.Kind == ColumnConstraintKind.NotNull || constraint.Kind == ColumnConstraintKind.PrimaryKey)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public override void Accept(SqlVisitor visitor) => visitor.VisitColumnDefinition(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitColumnDefinition(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Constraints);
        }
    }
}
