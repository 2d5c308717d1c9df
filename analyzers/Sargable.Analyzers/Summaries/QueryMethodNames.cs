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
        private const int ExecutingFlag = 4;
        private const int DeclaredFlag = 8;

        public static HashSet<string> Find(Compilation compilation, EfRelevance relevance, CancellationToken cancellationToken)
        {
            // One pass over each tree's text finds where it mentions EF, calls an executing operator, or calls a name some
            // source type declares; the later levels only pick from those calls by name. (A text pass per level was a
            // fifth of the analyzers' time on the generated repository project.)
            var words = relevance.WordsWith(
                ExecutingNames.Select(n => new KeyValuePair<string, int>(n, ExecutingFlag))
                    .Concat(DeclaredNames(compilation, cancellationToken).Select(n => new KeyValuePair<string, int>(n, DeclaredFlag))));
            var scans = new List<TreeScan>();
            var positions = new List<int>();
            var ids = new List<int>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText(cancellationToken).ToString();
                positions.Clear();
                ids.Clear();
                words.Scan(text, EfRelevance.MentionFlag | ExecutingFlag | DeclaredFlag, positions, ids, cancellationToken);
                var scan = new TreeScan(tree);
                var mentions = new List<int>();
                for (var i = 0; i < positions.Count; i++)
                {
                    var flags = words.FlagsOf(ids[i]);
                    if ((flags & EfRelevance.MentionFlag) != 0)
                    {
                        mentions.Add(positions[i]);
                    }

                    if ((flags & (ExecutingFlag | DeclaredFlag)) == 0 || !EfRelevance.MayBeCalled(text, positions[i] + words.WordOf(ids[i]).Length))
                    {
                        continue;
                    }

                    if ((flags & ExecutingFlag) != 0)
                    {
                        scan.Executing.Add(positions[i]);
                    }

                    if ((flags & DeclaredFlag) != 0)
                    {
                        scan.Declared.Add((positions[i], ids[i]));
                    }
                }

                scan.Mentions = mentions.ToArray();
                if (scan.Executing.Count > 0 || scan.Declared.Count > 0)
                {
                    scans.Add(scan);
                }
            }

            // Level 0: methods that mention EF and call something named like an executing operator.
            var found = new HashSet<string>(StringComparer.Ordinal);
            var added = new List<string>();
            foreach (var scan in scans)
            {
                if (scan.Mentions.Length > 0 && scan.Executing.Count > 0)
                {
                    Collect(scan, scan.Executing, scan.Mentions, found, added, cancellationToken);
                }
            }

            // Levels 1..: methods that call a method found at the level before (a method calling one mentions it).
            var calls = new List<int>();
            for (var level = 1; level < QuerySummaries.MaxDepth && added.Count > 0; level++)
            {
                var names = new HashSet<string>(added, StringComparer.Ordinal);
                var wanted = new bool[words.Count];
                for (var id = 0; id < words.Count; id++)
                {
                    wanted[id] = names.Contains(words.WordOf(id));
                }

                added = new List<string>();
                foreach (var scan in scans)
                {
                    calls.Clear();
                    foreach (var (position, id) in scan.Declared)
                    {
                        if (wanted[id])
                        {
                            calls.Add(position);
                        }
                    }

                    if (calls.Count > 0)
                    {
                        Collect(scan, calls, mentions: null, found, added, cancellationToken);
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
        /// Adds the methods (not yet found) that call, in their body, a name at one of <paramref name="calls"/> (in text
        /// order) and mention EF (<paramref name="mentions"/>; null when a call itself is the mention). A method's body
        /// is found from its span, so the tree is searched for a token only at the first call in each method that is not
        /// settled yet, and never at a method's own name.
        /// </summary>
        private static void Collect(TreeScan scan, List<int> calls, int[]? mentions, HashSet<string> found, List<string> added, CancellationToken cancellationToken)
        {
            var methods = scan.Methods(cancellationToken);
            var index = 0;
            var settled = -1;
            foreach (var position in calls)
            {
                while (index < methods.Count && methods[index].Body.End <= position)
                {
                    index++;
                }

                if (index == methods.Count)
                {
                    break;
                }

                var (bodySpan, method) = methods[index];
                if (index == settled || position < bodySpan.Start)
                {
                    continue;
                }

                if (found.Contains(method.Identifier.ValueText) || (mentions is not null && !EfRelevance.IsRelevant(method, mentions)))
                {
                    settled = index;
                    continue;
                }

                if (CandidateWalker.NodeNamedAt(scan.Tokens(cancellationToken), position) is not InvocationExpressionSyntax call || !bodySpan.Contains(call.Span))
                {
                    continue;
                }

                found.Add(method.Identifier.ValueText);
                added.Add(method.Identifier.ValueText);
                settled = index;
            }
        }

        /// <summary>
        /// Every name a source type declares as a member or can implement explicitly (a method's name among them), read
        /// from the declarations and base lists without binding any body.
        /// </summary>
        private static HashSet<string> DeclaredNames(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(compilation.Assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = stack.Pop();
                if (current is INamedTypeSymbol type)
                {
                    names.UnionWith(type.MemberNames);

                    // An explicit implementation is no member name of its type; the interface's own names are, or are
                    // read here when the interface is a referenced one (IAsyncDisposable.DisposeAsync).
                    foreach (var implemented in type.AllInterfaces)
                    {
                        if (!implemented.Locations.Any(l => l.IsInSource))
                        {
                            names.UnionWith(implemented.MemberNames);
                        }
                    }
                }

                foreach (var member in current.GetTypeMembers())
                {
                    stack.Push(member);
                }

                if (current is INamespaceSymbol ns)
                {
                    foreach (var nested in ns.GetNamespaceMembers())
                    {
                        stack.Push(nested);
                    }
                }
            }

            return names;
        }

        /// <summary>What the one text pass found in a tree, and its methods in text order (read once, when first needed).</summary>
        private sealed class TreeScan
        {
            private readonly SyntaxTree tree;
            private List<(TextSpan Body, MethodDeclarationSyntax Method)>? methods;
            private TokenCursor? tokens;

            public TreeScan(SyntaxTree tree) => this.tree = tree;

            public int[] Mentions { get; set; } = Array.Empty<int>();

            /// <summary>Where an executing operator's name is followed by what may be its arguments.</summary>
            public List<int> Executing { get; } = new();

            /// <summary>Where a declared name (by its word id) is followed by what may be its arguments.</summary>
            public List<(int Position, int Id)> Declared { get; } = new();

            public TokenCursor Tokens(CancellationToken cancellationToken) => tokens ??= new TokenCursor(tree.GetRoot(cancellationToken));

            /// <summary>
            /// The methods with a body of every type in the tree, nested types' included, in text order, each with its
            /// body's span: the members a call can be in for the summaries (<see cref="CandidateWalker.Member"/> of a call
            /// in a method's body is that method).
            /// </summary>
            public List<(TextSpan Body, MethodDeclarationSyntax Method)> Methods(CancellationToken cancellationToken)
            {
                if (methods is null)
                {
                    methods = new List<(TextSpan, MethodDeclarationSyntax)>();
                    Add(tree.GetRoot(cancellationToken), methods);
                }

                return methods;
            }

            private static void Add(SyntaxNode container, List<(TextSpan Body, MethodDeclarationSyntax Method)> methods)
            {
                var members = container switch
                {
                    CompilationUnitSyntax unit => unit.Members,
                    BaseNamespaceDeclarationSyntax ns => ns.Members,
                    TypeDeclarationSyntax type => type.Members,
                    _ => default,
                };
                foreach (var member in members)
                {
                    if (member is MethodDeclarationSyntax method)
                    {
                        if (((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } body)
                        {
                            methods.Add((body.Span, method));
                        }
                    }
                    else if (member is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                    {
                        Add(member, methods);
                    }
                }
            }
        }
    }
}
