using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>An index (or ON CONFLICT) key: a column, <c>(expression)</c> or function call, with <c>[COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
    public sealed class IndexKey : SqlNode
    {
        public IndexKey(SqlSpan span, SqlExpression expression, SqlQualifiedName? collation, SqlQualifiedName? operatorClass, SortDirection direction, NullsOrder nulls)
            : base(span)
        {
            Expression = expression ?? throw new ArgumentNullException(nameof(expression));
            Collation = collation;
            OperatorClass = operatorClass;
            Direction = direction;
            Nulls = nulls;
        }

        /// <summary>The key: a <see cref="ColumnReference"/> for plain columns.</summary>
        public SqlExpression Expression { get; }

        /// <summary>COLLATE name, if given.</summary>
        public SqlQualifiedName? Collation { get; }

        /// <summary>The operator class (e.g. <c>text_pattern_ops</c>), if given.</summary>
        public SqlQualifiedName? OperatorClass { get; }

        /// <summary>ASC, DESC or unspecified.</summary>
        public SortDirection Direction { get; }

        /// <summary>NULLS FIRST, NULLS LAST or unspecified.</summary>
        public NullsOrder Nulls { get; }

        /// <summary>The column when the key is a plain column name; null for expression keys.</summary>
        public SqlIdentifier? Column => Expression is ColumnReference { Parts.Count: 1 } column ? column.Column : null;

        public override void Accept(SqlVisitor visitor) => visitor.VisitIndexKey(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitIndexKey(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
        }
    }
}
