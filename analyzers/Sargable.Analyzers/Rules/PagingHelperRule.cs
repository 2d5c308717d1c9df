using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0008 on a paging helper: <c>Skip</c> with a non-constant count applied to an <c>IQueryable&lt;T&gt;</c>
    /// parameter (<c>PagedList&lt;T&gt;.CreateAsync(IQueryable&lt;T&gt; source, int page, int size)</c>), directly, after other
    /// operators, or through locals and reassignments (<c>var q = source.OrderBy(...); q.Skip(n)</c>,
    /// <c>source = source.Where(...)</c>). The helper pages every query its callers pass, so it is reported once, at its
    /// <c>Skip</c>, not at each of its callers. The shape rules cannot see it: the query has no DbSet until a caller
    /// supplies one.
    /// </summary>
    internal static class PagingHelperRule
    {
        /// <summary>Every called name <see cref="IsCandidate"/> accepts.</summary>
        internal static IEnumerable<string> CandidateNames { get; } = new[] { "Skip" };

        /// <summary>
        /// Syntax only: <c>x.Skip(n)</c> with a non-literal count whose receiver chain starts at a bare name that is not a
        /// DbSet (a parameter or a local; DbSet-rooted queries are the shape rules' and are read without binding).
        /// </summary>
        internal static bool IsCandidate(SyntaxNode node, Dictionary<string, INamedTypeSymbol?> dbSets) =>
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Skip" } member, ArgumentList.Arguments.Count: 1 } call &&
            call.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax &&
            QueryShapeRules.ChainRoot(member.Expression) is IdentifierNameSyntax name && !dbSets.ContainsKey(name.Identifier.ValueText);

        internal static void Analyze(NodeContext context, EfSymbols symbols)
        {
            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation ||
                !symbols.IsQueryOperator(invocation.TargetMethod) || invocation.Arguments.Length != 2 ||
                invocation.Arguments[1].Value.ConstantValue.HasValue ||
                Source(invocation.Arguments[0].Value, symbols, context.CancellationToken) is not { } source ||
                QueryChains.IsInsideExpressionTree(invocation))
            {
                return;
            }

            var helper = invocation.SemanticModel?.GetEnclosingSymbol(invocation.Syntax.SpanStart, context.CancellationToken) as IMethodSymbol;
            var name = helper is null ? "This helper" : $"{helper.ContainingType.Name}.{helper.Name}";
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LargeOffset,
                QueryChains.CallLocation(invocation),
                $"{name} pages every query passed as {source.Name} with Skip({invocation.Arguments[1].Value.Syntax}): the database reads and discards " +
                "every skipped row, so page N costs N pages for each of its callers; page by a key instead (Where(x => x.Key > lastKey).OrderBy(x => x.Key).Take(size))."));
        }

        /// <summary>
        /// The <c>IQueryable&lt;T&gt;</c> parameter the paged query is built on: down through query operators, and through
        /// locals and the parameter itself when they are only extended in place (<see cref="QueryComposition"/>).
        /// </summary>
        private static IParameterSymbol? Source(IOperation value, EfSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            var current = value.Unwrap();
            for (var depth = 0; depth < 64; depth++)
            {
                switch (current)
                {
                    case IParameterReferenceOperation parameter:
                        return QueryComposition.Of(parameter, symbols, cancellationToken) is not null ? parameter.Parameter : null;
                    case ILocalReferenceOperation local when QueryComposition.Of(local, symbols, cancellationToken) is { Initial: { } initial }:
                        current = initial.Unwrap();
                        continue;
                    case IInvocationOperation invocation when invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && symbols.IsQueryOperator(invocation.TargetMethod):
                        current = invocation.Arguments[0].Value.Unwrap();
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
