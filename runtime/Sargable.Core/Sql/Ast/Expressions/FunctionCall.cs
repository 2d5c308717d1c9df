using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A function or aggregate call: <c>f([DISTINCT] args [ORDER BY ...]) [WITHIN GROUP (...)] [FILTER (WHERE ...)] [OVER ...]</c>; also COALESCE, NULLIF, GREATEST, LEAST and the parenthesis-less CURRENT_TIMESTAMP family.</summary>
    public sealed class FunctionCall : SqlExpression
    {
        public FunctionCall(SqlSpan span, SqlQualifiedName name, bool hasParentheses, bool isStar, bool isDistinct, IReadOnlyList<SqlExpression> arguments, IReadOnlyList<OrderByItem> orderBy, IReadOnlyList<OrderByItem> withinGroup, SqlExpression? filter, WindowSpecification? over)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            HasParentheses = hasParentheses;
            IsStar = isStar;
            IsDistinct = isDistinct;
            Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
            OrderBy = orderBy ?? throw new ArgumentNullException(nameof(orderBy));
            WithinGroup = withinGroup ?? throw new ArgumentNullException(nameof(withinGroup));
            Filter = filter;
            Over = over;
        }

        /// <summary>The function's name (keyword functions by their lower-case keyword, e.g. <c>coalesce</c>, <c>current_timestamp</c>).</summary>
        public SqlQualifiedName Name { get; }

        /// <summary>False for keyword forms written without parentheses (CURRENT_DATE, CURRENT_TIMESTAMP, ...).</summary>
        public bool HasParentheses { get; }

        /// <summary>True for <c>f(*)</c> such as <c>count(*)</c>.</summary>
        public bool IsStar { get; }

        /// <summary>True for <c>f(DISTINCT ...)</c>.</summary>
        public bool IsDistinct { get; }

        /// <summary>The arguments (<see cref="NamedArgument"/> for <c>name =&gt; value</c>).</summary>
        public IReadOnlyList<SqlExpression> Arguments { get; }

        /// <summary>ORDER BY inside the parentheses of an aggregate; empty otherwise.</summary>
        public IReadOnlyList<OrderByItem> OrderBy { get; }

        /// <summary>WITHIN GROUP (ORDER BY ...); empty otherwise.</summary>
        public IReadOnlyList<OrderByItem> WithinGroup { get; }

        /// <summary>FILTER (WHERE ...), if given.</summary>
        public SqlExpression? Filter { get; }

        /// <summary>The OVER clause (inline or a window name), if this is a window call.</summary>
        public WindowSpecification? Over { get; }

        /// <summary>The unqualified function name, e.g. <c>count</c>.</summary>
        public string SimpleName => Name.Name.Value;

        public override void Accept(SqlVisitor visitor) => visitor.VisitFunctionCall(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitFunctionCall(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Arguments);
            AddRange(children, OrderBy);
            AddRange(children, WithinGroup);
            Add(children, Filter);
            Add(children, Over);
        }
    }
}
