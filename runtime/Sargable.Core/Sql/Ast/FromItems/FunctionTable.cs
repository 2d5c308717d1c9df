using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A set-returning function in FROM: <c>[LATERAL] f(args) [WITH ORDINALITY] [[AS] alias [(columns)]]</c>, e.g. <c>unnest(@ids)</c>, <c>json_each(@p)</c>.</summary>
    public sealed class FunctionTable : FromItem
    {
        public FunctionTable(SqlSpan span, bool isLateral, FunctionCall function, bool withOrdinality, TableAlias? alias)
            : base(span)
        {
            IsLateral = isLateral;
            Function = function ?? throw new ArgumentNullException(nameof(function));
            WithOrdinality = withOrdinality;
            Alias = alias;
        }

        /// <summary>True for LATERAL.</summary>
        public bool IsLateral { get; }

        /// <summary>The call.</summary>
        public FunctionCall Function { get; }

        /// <summary>True for WITH ORDINALITY.</summary>
        public bool WithOrdinality { get; }

        /// <summary>The alias, if any.</summary>
        public TableAlias? Alias { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitFunctionTable(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitFunctionTable(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Function);
        }
    }
}
