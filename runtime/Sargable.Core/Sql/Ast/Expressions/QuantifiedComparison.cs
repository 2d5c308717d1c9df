using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>x op {ANY|SOME|ALL} (subquery)</c> or <c>x op {ANY|ALL} (array)</c>, e.g. <c>d.id = ANY (@ids)</c>; also <c>x LIKE ANY (...)</c>.</summary>
    public sealed class QuantifiedComparison : SqlExpression
    {
        public QuantifiedComparison(SqlSpan span, SqlExpression left, BinaryOperator @operator, string operatorText, Quantifier quantifier, QueryExpression? query, SqlExpression? array)
            : base(span)
        {
            Left = left ?? throw new ArgumentNullException(nameof(left));
            Operator = @operator;
            OperatorText = operatorText ?? throw new ArgumentNullException(nameof(operatorText));
            Quantifier = quantifier;
            Query = query;
            Array = array;
        }

        /// <summary>The left operand.</summary>
        public SqlExpression Left { get; }

        /// <summary>The comparison (Other for LIKE/ILIKE and unlisted operators).</summary>
        public BinaryOperator Operator { get; }

        /// <summary>The operator as written (<c>LIKE</c>, <c>NOT ILIKE</c>, ... upper case).</summary>
        public string OperatorText { get; }

        /// <summary>ANY, SOME or ALL.</summary>
        public Quantifier Quantifier { get; }

        /// <summary>The subquery, when the operand is one.</summary>
        public QueryExpression? Query { get; }

        /// <summary>The array expression, when the operand is not a subquery.</summary>
        public SqlExpression? Array { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitQuantifiedComparison(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitQuantifiedComparison(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Left);
            Add(children, Query);
            Add(children, Array);
        }
    }
}
