using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>CAST(x AS type)</c>, <c>x::type</c> or a typed literal <c>type 'text'</c> (e.g. <c>DATE '2024-01-01'</c>, <c>interval '1 day'</c>).</summary>
    public sealed class CastExpression : SqlExpression
    {
        public CastExpression(SqlSpan span, SqlExpression operand, SqlDataType dataType, CastSyntax syntax)
            : base(span)
        {
            Operand = operand ?? throw new ArgumentNullException(nameof(operand));
            DataType = dataType ?? throw new ArgumentNullException(nameof(dataType));
            Syntax = syntax;
        }

        /// <summary>The value cast (a string <see cref="Literal"/> for typed literals).</summary>
        public SqlExpression Operand { get; }

        /// <summary>The target type.</summary>
        public SqlDataType DataType { get; }

        /// <summary>Which form was written.</summary>
        public CastSyntax Syntax { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitCastExpression(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCastExpression(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Operand);
        }
    }
}
