using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0004: a query executed in a loop body whose filter depends on the loop's item (N+1), explicit loading per item,
    /// and SaveChanges per iteration. A code-flow rule: the shape of one execution is fine, the repetition is not.
    /// </summary>
    internal static class QueryInLoopRule
    {
        internal static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } syntax &&
            (QueryChains.IsTerminalName(member.Name.Identifier.ValueText) || member.Name.Identifier.ValueText is "SaveChanges" or "SaveChangesAsync") &&
            syntax.Ancestors().Any(a => a is ForEachStatementSyntax or ForEachVariableStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax);

        internal static void Analyze(NodeContext context, EfSymbols symbols)
        {
            var syntax = (InvocationExpressionSyntax)context.Node;

            if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation || QueryChains.IsInsideExpressionTree(invocation))
            {
                return;
            }

            var loop = Loops.Enclosing(invocation);
            if (loop is null)
            {
                return;
            }

            var method = invocation.TargetMethod;
            if (method.Name is "SaveChanges" or "SaveChangesAsync" && symbols.IsDbContext(method.ContainingType))
            {
                Report(context, invocation, $"{method.Name} runs once per iteration of {Loops.Describe(loop)}: one round trip and one transaction per item; change all items, then save once after the loop.");
                return;
            }

            if (method.Name is "Load" or "LoadAsync" && symbols.IsNavigationEntry(method.ContainingType))
            {
                if (DependingLoop(invocation, loop) is { } loadLoop)
                {
                    Report(context, invocation, $"Explicit loading runs one query per item of {Loops.Describe(loadLoop)}; load the related rows of all items at once with Include, or with one query filtered by Contains on the collected keys.");
                }

                return;
            }

            var chain = QueryChains.FromInvocation(invocation, symbols, context.CancellationToken);
            if (chain is null)
            {
                return;
            }

            // Skip(page * n) advanced by the loop is SARG0001's paging loop, not a per-item query.
            var skip = chain.Operators.FirstOrDefault(o => o.TargetMethod.Name == "Skip");
            if (skip is not null && Loops.ReferencesAny(skip, Loops.AdvancedLocals(loop)))
            {
                return;
            }

            var dependingLoop = DependingLoop(invocation, loop, chain);
            if (dependingLoop is null)
            {
                return;
            }

            var table = chain.Root.Syntax.ToString();
            var shape = chain.Kind switch
            {
                ExecutionKind.Element when chain.Operators.Any(o => o.TargetMethod.Name.StartsWith("OrderBy", System.StringComparison.Ordinal)) =>
                    "for the top row per item, one query with a window function (GroupBy(...).Select(g => g.OrderBy(...).First())) over the collected keys",
                _ => "collect the keys and run one query with Contains on them (= ANY (@keys)), or a join",
            };
            Report(context, invocation, $"{method.Name} on {table} runs once per item of {Loops.Describe(dependingLoop)} (N+1): {shape}, then match the rows up in memory.");
        }

        /// <summary>The innermost enclosing loop whose per-item values the query (or call) reads.</summary>
        private static ILoopOperation? DependingLoop(IInvocationOperation invocation, ILoopOperation innermost, QueryChain? chain = null)
        {
            for (var loop = innermost; loop is not null; loop = Loops.Enclosing(loop))
            {
                var items = Loops.ItemLocals(loop);
                if (items.Count == 0)
                {
                    continue;
                }

                var depends = Loops.ReferencesAny(invocation, items) ||
                    (chain is not null && (chain.Operators.Any(o => Loops.ReferencesAny(o, items)) || Loops.ReferencesAny(chain.Root, items)));
                if (depends)
                {
                    return loop;
                }
            }

            return null;
        }

        private static void Report(NodeContext context, IInvocationOperation invocation, string message) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.QueryInLoop, QueryChains.CallLocation(invocation), message));
    }
}
