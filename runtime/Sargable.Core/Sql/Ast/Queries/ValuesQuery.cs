using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>VALUES (a, b), (c, d)</c> used as a query (also the rows of an INSERT).</summary>
    public sealed class ValuesQuery : QueryBody
    {
        public ValuesQuery(SqlSpan span, IReadOnlyList<IReadOnlyList<SqlExpression>> rows)
            : base(span)
        {
            Rows = rows ?? throw new ArgumentNullException(nameof(rows));
        }

        /// <summary>The rows; each a list of expressions (<see cref="DefaultValue"/> for DEFAULT).</summary>
        public IReadOnlyList<IReadOnlyList<SqlExpression>> Rows { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitValuesQuery(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitValuesQuery(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            foreach (var row in Rows)
            {
                AddRange(children, row);
            }
        }
    }
}
