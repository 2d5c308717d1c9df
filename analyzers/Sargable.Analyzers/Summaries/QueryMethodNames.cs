using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers.Summaries
{
    /// <summary>
    /// Syntax-only first pass of the query summaries: the names of source methods that may execute an EF query, directly
    /// or through up to <see cref="QuerySummaries.MaxDepth"/> calls. A name here only makes a call worth binding (and a
    /// member that mentions it worth walking); <see cref="QuerySummaries"/> decides from symbols.
    /// </summary>
    internal static class QueryMethodNames
    {
        public static HashSet<string> Find(Compilation compilation, EfRelevance relevance, CancellationToken cancellationToken)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            var texts = new List<(SyntaxTree Tree, string Text)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                texts.Add((tree, tree.GetText(cancellationToken).ToString()));
            }

            // Level 0: methods that mention EF and call something named like an executing operator.
            var added = new List<string>();
            var executing = relevance.With(Array.Empty<string>(), ExecutingNames);
            foreach (var (tree, text) in texts)
            {
                executing.Scan(text, out var mentions, out var calls, cancellationToken);
                if (mentions.Length > 0)
                {
                    Collect(tree, calls, mentions, found, added, cancellationToken);
                }
            }

            // Levels 1..: methods that call a method found at the level before.
            for (var level = 1; level < QuerySummaries.MaxDepth && added.Count > 0; level++)
            {
                var callees = EfRelevance.OfCalls(added);
                added = new List<string>();
                foreach (var (tree, text) in texts)
                {
                    callees.Scan(text, out var mentions, out var calls, cancellationToken);
                    if (mentions.Length > 0)
                    {
                        Collect(tree, calls, mentions, found, added, cancellationToken);
                    }
                }
            }

            return found;
        }

        /// <summary>Names whose call may execute a query or a save by itself.</summary>
        public static bool IsExecutingName(string name) =>
            QueryChains.IsTerminalName(name) || name is "SaveChanges" or "SaveChangesAsync";

        /// <summary>Every name <see cref="IsExecutingName"/> accepts.</summary>
        public static IEnumerable<string> ExecutingNames => QueryChains.TerminalNames.Concat(new[] { "SaveChanges", "SaveChangesAsync" });

        /// <summary>The called name of an invocation: <c>Get</c> in <c>repo.Get(1)</c>, <c>Get&lt;T&gt;(1)</c> or <c>x?.Get(1)</c>.</summary>
        public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// Adds the methods (not yet found) that call, in their body, a name at one of <paramref name="calls"/> and mention
        /// EF (<paramref name="mentions"/>); found from the calls' tokens, so no method body is walked.
        /// </summary>
        private static void Collect(SyntaxTree tree, List<int> calls, int[] mentions, HashSet<string> found, List<string> added, CancellationToken cancellationToken)
        {
            var tokens = new TokenCursor(tree.GetRoot(cancellationToken));

            // A method whose name is found, or that mentions no EF, is settled for every call in it: the calls after
            // the first (positions come in text order) need no token lookup.
            var settled = default(TextSpan);
            foreach (var position in calls)
            {
                if (settled.Contains(position) ||
                    CandidateWalker.NodeNamedAt(tokens, position) is not InvocationExpressionSyntax call ||
                    CandidateWalker.Member(call) is not MethodDeclarationSyntax method)
                {
                    continue;
                }

                if (found.Contains(method.Identifier.ValueText) || !EfRelevance.IsRelevant(method, mentions))
                {
                    settled = method.Span;
                    continue;
                }

                if (((SyntaxNode?)method.Body ?? method.ExpressionBody) is not { } body || !body.FullSpan.Contains(call.FullSpan))
                {
                    continue;
                }

                found.Add(method.Identifier.ValueText);
                added.Add(method.Identifier.ValueText);
                settled = method.Span;
            }
        }
    }
}
