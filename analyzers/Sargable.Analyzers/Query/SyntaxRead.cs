using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sargable.Analyzers.Query
{
    /// <summary>A query read by <see cref="SyntaxShapeReader"/>: its shape, the DbSet expression it starts at, and whether a finding may be reported from it.</summary>
    internal sealed class SyntaxRead
    {
        public SyntaxRead(LinqShape shape, ExpressionSyntax root, bool reportable)
        {
            Shape = shape;
            Root = root;
            Reportable = reportable;
        }

        public LinqShape Shape { get; }

        /// <summary>The DbSet member the chain starts at (<c>db.Deployments</c>).</summary>
        public ExpressionSyntax Root { get; }

        /// <summary>
        /// True when every fact was read with certainty and located as the binding reader locates it (one table, no
        /// bare names that may be constants, no Find), so a finding may be reported once the root is confirmed.
        /// </summary>
        public bool Reportable { get; }
    }
}
