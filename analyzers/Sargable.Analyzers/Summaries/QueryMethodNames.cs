using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

            // Level 0: methods that mention EF and call something named like an executing operator.
            var added = new List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var mentions = relevance.Mentions(tree, cancellationToken);
                if (mentions.Length > 0)
                {
                    Collect(tree, mentions, IsExecutingName, found, added, cancellationToken);
                }
            }

            // Levels 1..: methods that call a method found at the level before.
            for (var level = 1; level < QuerySummaries.MaxDepth && added.Count > 0; level++)
            {
                var callees = new HashSet<string>(added, StringComparer.Ordinal);
                added = new List<string>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var mentions = EfRelevance.Mentions(tree, callees, cancellationToken);
                    if (mentions.Length > 0)
                    {
                        Collect(tree, mentions, callees.Contains, found, added, cancellationToken);
                    }
                }
            }

            return found;
        }

        /// <summary>Names whose call may execute a query or a save by itself.</summary>
        public static bool IsExecutingName(string name) =>
            QueryChains.IsTerminalName(name) || name is "SaveChanges" or "SaveChangesAsync";

        /// <summary>The called name of an invocation: <c>Get</c> in <c>repo.Get(1)</c>, <c>Get&lt;T&gt;(1)</c> or <c>x?.Get(1)</c>.</summary>
        public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        private static void Collect(SyntaxTree tree, int[] mentions, Func<string, bool> calls, HashSet<string> found, List<string> added, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes(n => n is not BaseMethodDeclarationSyntax && n is not BasePropertyDeclarationSyntax && n is not BaseFieldDeclarationSyntax))
            {
                if (node is not MethodDeclarationSyntax method || found.Contains(method.Identifier.ValueText) || !EfRelevance.IsRelevant(method, mentions))
                {
                    continue;
                }

                var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                if (body is not null && body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => CalledName(i) is { } name && calls(name)))
                {
                    found.Add(method.Identifier.ValueText);
                    added.Add(method.Identifier.ValueText);
                }
            }
        }
    }
}
