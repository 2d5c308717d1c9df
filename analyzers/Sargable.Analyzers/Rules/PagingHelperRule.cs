using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0008 on a paging helper: <c>Skip</c> with a non-constant count applied to an <c>IQueryable&lt;T&gt;</c>
    /// parameter (<c>PagedList&lt;T&gt;.CreateAsync(IQueryable&lt;T&gt; source, int page, int size)</c>). The helper pages
    /// every query its callers pass, so it is reported once, at its <c>Skip</c>, not at each of its callers. The shape
    /// rules cannot see it: the query has no DbSet until a caller supplies one.
    /// </summary>
    internal static class PagingHelperRule
    {
        internal static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Skip", Expression: IdentifierNameSyntax }, ArgumentList.Arguments.Count: 1 } call &&
            call.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax;

        internal static void Analyze(NodeContext context, EfSymbols symbols)
        {
            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation ||
                !symbols.IsQueryOperator(invocation.TargetMethod) || invocation.Arguments.Length != 2 ||
                invocation.Arguments[0].Value.Unwrap() is not IParameterReferenceOperation source ||
                symbols.QueryableElement(source.Type) is null ||
                invocation.Arguments[1].Value.ConstantValue.HasValue ||
                QueryChains.IsInsideExpressionTree(invocation))
            {
                return;
            }

            var helper = invocation.SemanticModel?.GetEnclosingSymbol(invocation.Syntax.SpanStart, context.CancellationToken) as IMethodSymbol;
            var name = helper is null ? "This helper" : $"{helper.ContainingType.Name}.{helper.Name}";
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LargeOffset,
                QueryChains.CallLocation(invocation),
                $"{name} pages every query passed as {source.Parameter.Name} with Skip({invocation.Arguments[1].Value.Syntax}): the database reads and discards " +
                "every skipped row, so page N costs N pages for each of its callers; page by a key instead (Where(x => x.Key > lastKey).OrderBy(x => x.Key).Take(size))."));
        }
    }
}
