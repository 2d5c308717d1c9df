using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers.Summaries
{
    /// <summary>
    /// Tells, without binding, that a repository method's executing call runs a plain DbSet query
    /// (<c>db.Chapters.Where(c =&gt; c.Id == id).FirstOrDefaultAsync()</c>): the syntax reader reads the chain back to a
    /// DbSet name and <see cref="DbSetRootResolver"/> confirms that name from declarations. Binding one call binds the
    /// whole method, and most repository methods hold nothing but such a query. Only a yes is taken from here; anything
    /// else (a lambda that may be an expression tree, a local, <c>Set&lt;T&gt;()</c>, operator look-alikes in the
    /// compilation) goes to the binding check, so the summaries are the same either way.
    /// </summary>
    internal sealed class SyntaxQuerySites
    {
        private readonly CompilationState state;

        public SyntaxQuerySites(CompilationState state) => this.state = state;

        /// <summary>True when <paramref name="call"/> surely executes a query rooted in a DbSet of the EF model.</summary>
        public bool RunsQuery(InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            if (state.GetRelevance(cancellationToken).HasOperatorLookalikes ||
                call.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or QueryExpressionSyntax))
            {
                return false;
            }

            var model = state.GetModel(cancellationToken);
            var dbSets = state.GetDbSets(cancellationToken);
            if (SyntaxShapeReader.TryRead(call, model, dbSets) is not { } read)
            {
                return false;
            }

            return DbSetRootResolver.Confirms(read, model, state.Symbols.DeclarationModel(call.SyntaxTree), state.Symbols, cancellationToken);
        }
    }
}
