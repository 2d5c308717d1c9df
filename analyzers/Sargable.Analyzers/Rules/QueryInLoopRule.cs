using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Query;
using Sargable.Analyzers.Summaries;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0004: a query executed in a loop body whose filter depends on the loop's item (N+1), explicit loading per item,
    /// and SaveChanges per iteration. A code-flow rule: the shape of one execution is fine, the repetition is not.
    /// </summary>
    internal static class QueryInLoopRule
    {
        /// <summary>Every called name <see cref="IsCandidate"/> accepts, given the summaries' query-method names.</summary>
        internal static IEnumerable<string> CandidateNames(IEnumerable<string> queryMethodNames) => QueryMethodNames.ExecutingNames.Concat(queryMethodNames);

        internal static bool IsCandidate(SyntaxNode node, QuerySummaries summaries, System.Collections.Generic.Dictionary<string, INamedTypeSymbol?> dbSets) =>
            node is InvocationExpressionSyntax syntax && QueryMethodNames.CalledName(syntax) is { } name &&
            (QueryMethodNames.IsExecutingName(name) || summaries.Names.Contains(name)) &&
            Repetition.MayRepeat(syntax) switch
            {
                RepeatKind.Loop => true,

                // Lambdas of query operators hold many Contains/Any calls that are subqueries; only a call on a chain
                // from a DbSet, a save or a method that may query is worth binding there.
                RepeatKind.Lambda => summaries.Names.Contains(name) || name is "SaveChanges" or "SaveChangesAsync" || ReceiverMentionsDbSet(syntax, dbSets),
                _ => false,
            };

        /// <summary>Syntax only: does the call's receiver chain pass through a DbSet member, <c>Set&lt;T&gt;()</c> or <c>Entry(...)</c>?</summary>
        private static bool ReceiverMentionsDbSet(InvocationExpressionSyntax call, System.Collections.Generic.Dictionary<string, INamedTypeSymbol?> dbSets)
        {
            var current = call.Expression;
            for (var depth = 0; current is not null && depth < 16; depth++)
            {
                switch (current)
                {
                    case MemberAccessExpressionSyntax member:
                        if (dbSets.ContainsKey(member.Name.Identifier.ValueText) || member.Name.Identifier.ValueText is "Set" or "Entry")
                        {
                            return true;
                        }

                        current = member.Expression;
                        break;
                    case InvocationExpressionSyntax invocation:
                        current = invocation.Expression;
                        break;
                    case SimpleNameSyntax name:
                        return dbSets.ContainsKey(name.Identifier.ValueText) || name.Identifier.ValueText is "Set" or "Entry";
                    case ParenthesizedExpressionSyntax parenthesized:
                        current = parenthesized.Expression;
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }

        internal static void Analyze(NodeContext context, EfSymbols symbols, QuerySummaries summaries)
        {
            var syntax = (InvocationExpressionSyntax)context.Node;

            if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation || QueryChains.IsInsideExpressionTree(invocation))
            {
                return;
            }

            var repetition = Repetition.Enclosing(invocation);
            if (repetition is null)
            {
                return;
            }

            var method = invocation.TargetMethod;
            if (method.Name is "SaveChanges" or "SaveChangesAsync" && symbols.IsDbContext(method.ContainingType))
            {
                Report(context, invocation, $"{method.Name} runs once per iteration of {repetition.Describe()}: one round trip and one transaction per item; change all items, then save once after the loop.");
                return;
            }

            if (method.Name is "Load" or "LoadAsync" && symbols.IsNavigationEntry(method.ContainingType))
            {
                if (Depending(invocation, repetition) is { } loadLoop)
                {
                    Report(context, invocation, $"Explicit loading runs one query per item of {loadLoop.Describe()}; load the related rows of all items at once with Include, or with one query filtered by Contains on the collected keys.");
                }

                return;
            }

            var chain = QueryChains.FromInvocation(invocation, symbols, context.CancellationToken);
            if (chain is null)
            {
                AnalyzeCall(context, invocation, repetition, summaries);
                return;
            }

            // Skip(page * n) advanced by the loop is SARG0001's paging loop, not a per-item query.
            var skip = chain.Operators.FirstOrDefault(o => o.TargetMethod.Name == "Skip");
            if (skip is not null && repetition.Loop is { } loop && Loops.ReferencesAny(skip, Loops.AdvancedLocals(loop)))
            {
                return;
            }

            var dependingLoop = Depending(invocation, repetition, chain);
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
            Report(context, invocation, $"{method.Name} on {table} runs once per item of {dependingLoop.Describe()} (N+1): {shape}, then match the rows up in memory.");
        }

        /// <summary>
        /// A call of a source method (a repository, a unit of work's service, a private helper) that executes a query,
        /// with arguments that differ per item: the query runs once per item just the same.
        /// </summary>
        private static void AnalyzeCall(NodeContext context, IInvocationOperation invocation, Repetition repetition, QuerySummaries summaries)
        {
            if (!summaries.Names.Contains(invocation.TargetMethod.Name) || Depending(invocation, repetition) is not { } loop)
            {
                return;
            }

            var site = summaries.Of(invocation.TargetMethod, context.CancellationToken);
            if (site is null)
            {
                return;
            }

            var method = invocation.TargetMethod;
            Report(context, invocation, $"{method.ContainingType.Name}.{method.Name} runs a query ({site}) once per item of {loop.Describe()} (N+1): " +
                "add a method that loads the rows of all items with one query (Contains on the collected keys), call it before the loop, then match the rows up in memory.");
        }

        /// <summary>The innermost enclosing repetition whose per-item values the query (or call) reads.</summary>
        private static Repetition? Depending(IInvocationOperation invocation, Repetition innermost, QueryChain? chain = null)
        {
            for (var repetition = innermost; repetition is not null; repetition = repetition.Outer())
            {
                var items = repetition.Items();
                if (items.Count == 0)
                {
                    continue;
                }

                var depends = Repetition.ReferencesAny(invocation, items) ||
                    (chain is not null && (chain.Operators.Any(o => Repetition.ReferencesAny(o, items)) || Repetition.ReferencesAny(chain.Root, items)));
                if (depends)
                {
                    return repetition;
                }
            }

            return null;
        }

        private static void Report(NodeContext context, IInvocationOperation invocation, string message) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.QueryInLoop, QueryChains.CallLocation(invocation), message));
    }
}
