using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>left [NATURAL] {[INNER]|LEFT|RIGHT|FULL [OUTER]|CROSS} JOIN right [ON cond | USING (cols)]</c>. Join chains nest to the left.</summary>
    public sealed class Join : FromItem
    {
        public Join(SqlSpan span, FromItem left, JoinKind kind, bool isNatural, FromItem right, SqlExpression? condition, IReadOnlyList<SqlIdentifier> usingColumns, TableAlias? alias)
            : base(span)
        {
            Left = left ?? throw new ArgumentNullException(nameof(left));
            Kind = kind;
            IsNatural = isNatural;
            Right = right ?? throw new ArgumentNullException(nameof(right));
            Condition = condition;
            UsingColumns = usingColumns ?? throw new ArgumentNullException(nameof(usingColumns));
            Alias = alias;
        }

        /// <summary>The left operand.</summary>
        public FromItem Left { get; }

        /// <summary>INNER, LEFT, RIGHT, FULL or CROSS.</summary>
        public JoinKind Kind { get; }

        /// <summary>True for NATURAL joins (no condition).</summary>
        public bool IsNatural { get; }

        /// <summary>The right operand (a <see cref="DerivedTable"/> or <see cref="FunctionTable"/> may be LATERAL).</summary>
        public FromItem Right { get; }

        /// <summary>The ON condition, if any.</summary>
        public SqlExpression? Condition { get; }

        /// <summary>The USING columns; empty otherwise.</summary>
        public IReadOnlyList<SqlIdentifier> UsingColumns { get; }

        /// <summary>The alias of a parenthesized join <c>(a JOIN b) AS x</c>, or of <c>USING (...) AS x</c>; usually null.</summary>
        public TableAlias? Alias { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitJoin(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitJoin(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Left);
            Add(children, Right);
            Add(children, Condition);
        }
    }
}
