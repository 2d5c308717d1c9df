using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sargable.Analyzers.Baseline;

namespace Sargable.Analyzers
{
    internal static class CandidateWalker
    {
        /// <summary>
        /// Calls <paramref name="analyze"/> for each candidate node of an EF-relevant member, in document order (parents
        /// first). Every candidate is a call named by one of the relevance's candidate names or a <c>foreach</c>, so the
        /// candidates are found from where the text names them (<see cref="EfRelevance.Scan"/>) and the token there:
        /// walking every node of every relevant member was a third of the analyzers' time on a 500-file project.
        /// <paramref name="walkEveryNode"/> walks them all instead; the tests' reference run uses it, so every test checks
        /// that the two find the same candidates.
        /// </summary>
        public static void Run(SemanticModelAnalysisContext context, EfRelevance relevance, Func<SyntaxNode, bool> isCandidate, Action<NodeContext> analyze, CodeBaseline? baseline, bool walkEveryNode)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var root = tree.GetRoot(context.CancellationToken);
            var span = context.FilterSpan ?? root.FullSpan;
            var text = tree.GetText(context.CancellationToken).ToString();
            relevance.Scan(text, out var mentions, out var named, context.CancellationToken);
            if (mentions.Length == 0)
            {
                return;
            }

            var locals = new LocalDeclarators(root, text);
            var candidates = walkEveryNode ? WalkEveryNode(root, span, mentions, isCandidate) : FromNames(root, span, mentions, named, isCandidate);
            foreach (var node in candidates)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                analyze(new NodeContext(context, node, locals, baseline));
            }
        }

        /// <summary>
        /// The call whose called name (<c>Get</c> in <c>repo.Get(1)</c>, <c>x?.Get(1)</c>, <c>Get&lt;T&gt;(1)</c>) starts at
        /// <paramref name="position"/>, or the <c>foreach</c> statement whose keyword does; null for anything else, such
        /// as a word in a comment or a string.
        /// </summary>
        public static SyntaxNode? NodeNamedAt(TokenCursor tokens, int position)
        {
            var token = tokens.FindToken(position);
            if (!token.Span.Contains(position))
            {
                return null;
            }

            if (token.IsKind(SyntaxKind.ForEachKeyword))
            {
                return token.Parent is CommonForEachStatementSyntax loop && loop.ForEachKeyword == token ? loop : null;
            }

            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            return name.Parent switch
            {
                MemberAccessExpressionSyntax member when member.Name == name => member.Parent is InvocationExpressionSyntax call && call.Expression == member ? call : null,
                MemberBindingExpressionSyntax binding when binding.Name == name => binding.Parent is InvocationExpressionSyntax call && call.Expression == binding ? call : null,
                InvocationExpressionSyntax call when call.Expression == name => call,
                _ => null,
            };
        }

        /// <summary>The outermost member (method, accessor, property, field, top-level statements) a node belongs to.</summary>
        public static SyntaxNode? Member(SyntaxNode node)
        {
            SyntaxNode? found = null;
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                if (IsMemberKind(ancestor))
                {
                    found = ancestor;
                }
                else if (ancestor is TypeDeclarationSyntax)
                {
                    return found;
                }
            }

            return found;
        }

        private static List<SyntaxNode> FromNames(SyntaxNode root, TextSpan span, int[] mentions, List<int> named, Func<SyntaxNode, bool> isCandidate)
        {
            var candidates = new List<SyntaxNode>();
            var tokens = new TokenCursor(root);
            foreach (var position in named)
            {
                if (NodeNamedAt(tokens, position) is { } node && node.FullSpan.IntersectsWith(span) && isCandidate(node) && IsWalked(node, mentions))
                {
                    candidates.Add(node);
                }
            }

            // Document order with parents first, as a walk finds them: a call's name comes after its receiver's.
            candidates.Sort((a, b) => a.FullSpan.Start != b.FullSpan.Start ? a.FullSpan.Start.CompareTo(b.FullSpan.Start) : b.FullSpan.End.CompareTo(a.FullSpan.End));
            return candidates;
        }

        /// <summary>What <see cref="WalkEveryNode"/> would reach: every member around the node mentions EF, no type around it is generated, and it lies in a member.</summary>
        private static bool IsWalked(SyntaxNode node, int[] mentions)
        {
            var inMember = false;
            var outsideType = true;
            for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (IsMemberKind(ancestor))
                {
                    if (!EfRelevance.IsRelevant(ancestor, mentions))
                    {
                        return false;
                    }

                    inMember |= outsideType;
                }
                else if (ancestor is TypeDeclarationSyntax)
                {
                    outsideType = false;
                    if (IsGeneratedType(ancestor))
                    {
                        return false;
                    }
                }
            }

            return inMember;
        }

        private static IEnumerable<SyntaxNode> WalkEveryNode(SyntaxNode root, TextSpan span, int[] mentions, Func<SyntaxNode, bool> isCandidate) =>
            root.DescendantNodes(span, n => IsMemberKind(n) ? EfRelevance.IsRelevant(n, mentions) : !IsGeneratedType(n))

                // Nodes outside any member (attribute arguments, base lists) execute no query.
                .Where(node => isCandidate(node) && Member(node) is not null);

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
    }
}
