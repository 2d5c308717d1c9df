using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Sargable.Analyzers.Baseline;

namespace Sargable.Analyzers
{
    internal static class CandidateWalker
    {
        /// <summary>
        /// Calls <paramref name="analyze"/> for each candidate node (cheap syntax test first) in an EF-relevant member;
        /// members that mention nothing EF are not even walked.
        /// </summary>
        public static void Run(SemanticModelAnalysisContext context, EfRelevance relevance, Func<SyntaxNode, bool> isCandidate, Action<NodeContext> analyze, CodeBaseline? baseline = null)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var root = tree.GetRoot(context.CancellationToken);
            var span = context.FilterSpan ?? root.FullSpan;
            var mentions = relevance.Mentions(tree, context.CancellationToken);
            if (mentions.Length == 0)
            {
                return;
            }

            foreach (var node in root.DescendantNodes(span, n => IsMemberKind(n) ? EfRelevance.IsRelevant(n, mentions) : !IsGeneratedType(n)))
            {
                // Nodes outside any member (attribute arguments, base lists) execute no query.
                if (isCandidate(node) && Member(node) is not null)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    analyze(new NodeContext(context, node, baseline));
                }
            }
        }

        /// <summary>A type marked [GeneratedCode] (System.CodeDom.Compiler) in a hand-written file: not analyzed, as generated files are not.</summary>
        private static bool IsGeneratedType(SyntaxNode node) =>
            node is TypeDeclarationSyntax type && type.AttributeLists.Count > 0 &&
            type.AttributeLists.Any(list => list.Attributes.Any(attribute => attribute.Name switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText is "GeneratedCode" or "GeneratedCodeAttribute",
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText is "GeneratedCode" or "GeneratedCodeAttribute",
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText is "GeneratedCode" or "GeneratedCodeAttribute",
                _ => false,
            }));

        private static bool IsMemberKind(SyntaxNode node) =>
            node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax or GlobalStatementSyntax;

        /// <summary>The outermost member (method, accessor, property, field, top-level statements) a node belongs to.</summary>
        private static SyntaxNode? Member(SyntaxNode node)
        {
            SyntaxNode? found = null;
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case BaseMethodDeclarationSyntax:
                    case BasePropertyDeclarationSyntax:
                    case BaseFieldDeclarationSyntax:
                    case GlobalStatementSyntax:
                        found = ancestor;
                        break;
                    case TypeDeclarationSyntax:
                        return found;
                }
            }

            return found;
        }
    }
}
