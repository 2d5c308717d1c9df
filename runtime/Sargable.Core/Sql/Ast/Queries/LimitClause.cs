using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>LIMIT n</c>, <c>LIMIT ALL</c> or <c>FETCH {FIRST|NEXT} [n] {ROW|ROWS} {ONLY|WITH TIES}</c>.</summary>
    public sealed class LimitClause : SqlNode
    {
        public LimitClause(SqlSpan span, SqlExpression? count, bool isAll, bool isFetch, bool withTies)
            : base(span)
        {
            Count = count;
            IsAll = isAll;
            IsFetch = isFetch;
            WithTies = withTies;
        }

        /// <summary>The row count; null for LIMIT ALL and for FETCH without a count (which means 1).</summary>
        public SqlExpression? Count { get; }

        /// <summary>True for LIMIT ALL (no limit).</summary>
        public bool IsAll { get; }

        /// <summary>True when written as FETCH FIRST/NEXT.</summary>
        public bool IsFetch { get; }

        /// <summary>True for FETCH ... WITH TIES.</summary>
        public bool WithTies { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitLimitClause(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitLimitClause(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Count);
        }
    }
}
