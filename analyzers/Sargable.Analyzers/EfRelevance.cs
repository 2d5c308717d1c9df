using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers
{
    /// <summary>
    /// Finds the nodes worth reading. The walk is syntax-only and enters a member only when its text mentions something
    /// EF as a whole word (a DbSet property name of a context in the compilation
    /// or its references, <c>Set</c>, <c>Entry</c>, <c>DbSet</c>, <c>IQueryable</c>, <c>Remove</c>, <c>SaveChanges</c>...).
    /// One semantic-model action per tree also avoids the driver's per-node callback cost.
    /// </summary>
    internal sealed class EfRelevance
    {
        private static readonly string[] Always =
        {
            "Set", "Entry", "DbSet", "IQueryable", "Remove", "RemoveRange", "SaveChanges", "SaveChangesAsync", "Find", "FindAsync", "AsQueryable",
        };

        /// <summary>The flag of the EF names in <see cref="WordsWith"/>; flags from 4 up are free for its callers.</summary>
        public const int MentionFlag = 1;

        private const int CandidateFlag = 2;

        private readonly WordSet words;

        private EfRelevance(WordSet words, Dictionary<string, INamedTypeSymbol?> dbSets, bool hasOperatorLookalikes)
        {
            this.words = words;
            DbSets = dbSets;
            HasOperatorLookalikes = hasOperatorLookalikes;
        }

        /// <summary>
        /// True when the compilation or an EF-based reference declares an extension method named like a LINQ operator
        /// the syntax reader reads (<c>Where</c>, <c>ToListAsync</c>...): such a call may not be the operator its name
        /// says, so no finding is reported from syntax alone in this compilation.
        /// </summary>
        public bool HasOperatorLookalikes { get; }

        /// <summary>
        /// Names of DbSet properties and fields (of contexts in the compilation and its EF-based references, and of any
        /// source type) with their entity; null when one name stands for different entities.
        /// </summary>
        public Dictionary<string, INamedTypeSymbol?> DbSets { get; }

        public static EfRelevance Create(EfSymbols symbols, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(Always, StringComparer.Ordinal);
            var lookalikes = false;
            var dbSets = new Dictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
            void AddSet(string name, ITypeSymbol type)
            {
                var entity = ((INamedTypeSymbol)type).TypeArguments[0] as INamedTypeSymbol;
                names.Add(name);
                dbSets[name] = dbSets.TryGetValue(name, out var existing) && !SymbolEqualityComparer.Default.Equals(existing, entity) ? null : entity;
            }

            var compilation = symbols.Compilation;
            var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                // Only assemblies built against EF Core can declare a DbContext; EF itself, its providers and the
                // framework declare none an application queries, and walking their thousands of types is not free.
                var name = assembly.Identity.Name;
                if (!name.StartsWith("Microsoft.", StringComparison.Ordinal) && !name.StartsWith("System.", StringComparison.Ordinal) &&
                    !name.StartsWith("Npgsql", StringComparison.Ordinal) && !name.StartsWith("Pomelo.", StringComparison.Ordinal) &&
                    assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == "Microsoft.EntityFrameworkCore")))
                {
                    assemblies.Add(assembly);
                }
            }

            foreach (var assembly in assemblies)
            {
                var stack = new Stack<INamespaceOrTypeSymbol>();
                stack.Push(assembly.GlobalNamespace);
                while (stack.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (stack.Pop())
                    {
                        case INamespaceSymbol ns:
                            foreach (var member in ns.GetMembers())
                            {
                                stack.Push(member);
                            }

                            break;
                        case INamedTypeSymbol type:
                            var inSource = SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly);
                            if (!lookalikes && type.MightContainExtensionMethods)
                            {
                                lookalikes = type.GetMembers().Any(m => m is IMethodSymbol { IsExtensionMethod: true } method && Query.SyntaxShapeReader.IsReadName(method.Name));
                            }

                            if (type.TypeKind == TypeKind.Class && (inSource || symbols.IsDbContext(type)))
                            {
                                foreach (var member in type.GetMembers())
                                {
                                    if (member is IPropertySymbol property && symbols.IsDbSet(property.Type))
                                    {
                                        AddSet(property.Name, property.Type);
                                    }
                                    else if (member is IFieldSymbol { IsImplicitlyDeclared: false } field && symbols.IsDbSet(field.Type))
                                    {
                                        AddSet(field.Name, field.Type);
                                    }
                                }
                            }

                            foreach (var nested in type.GetTypeMembers())
                            {
                                stack.Push(nested);
                            }

                            break;
                    }
                }
            }

            return new EfRelevance(new WordSet(Entries(names, MentionFlag)), dbSets, lookalikes);
        }

        /// <summary>
        /// One pass over the tree's text: where it mentions an EF name (<paramref name="mentions"/>, in order) and where it
        /// names a candidate call or a <c>foreach</c> (<paramref name="candidates"/>, in order).
        /// </summary>
        public void Scan(string text, out int[] mentions, out List<int> candidates, CancellationToken cancellationToken)
        {
            var positions = new List<int>();
            var ids = new List<int>();
            words.Scan(text, MentionFlag | CandidateFlag, positions, ids, cancellationToken);
            var mentioned = new List<int>();
            candidates = new List<int>();
            for (var i = 0; i < positions.Count; i++)
            {
                var flags = words.FlagsOf(ids[i]);
                if ((flags & MentionFlag) != 0)
                {
                    mentioned.Add(positions[i]);
                }

                if ((flags & CandidateFlag) != 0 && (words.WordOf(ids[i]) == "foreach" || MayBeCalled(text, positions[i] + words.WordOf(ids[i]).Length)))
                {
                    candidates.Add(positions[i]);
                }
            }

            mentions = mentioned.ToArray();
        }

        /// <summary>
        /// A relevance that also enters members mentioning <paramref name="more"/> (the names of methods that execute a
        /// query, so a loop calling a repository is walked although it mentions nothing of EF), and that finds the calls
        /// named <paramref name="candidateNames"/> (and <c>foreach</c> statements) by their name in the text.
        /// </summary>
        public EfRelevance With(IEnumerable<string> more, IEnumerable<string> candidateNames) => new(
            new WordSet(Enumerable.Range(0, words.Count).Select(id => new KeyValuePair<string, int>(words.WordOf(id), words.FlagsOf(id))).Concat(Entries(more, MentionFlag)).Concat(Entries(candidateNames, CandidateFlag))),
            DbSets,
            HasOperatorLookalikes);

        /// <summary>The EF names (flag <see cref="MentionFlag"/>) and <paramref name="more"/>, as one set to scan the text for.</summary>
        public WordSet WordsWith(IEnumerable<KeyValuePair<string, int>> more) =>
            new(Enumerable.Range(0, words.Count).Select(id => new KeyValuePair<string, int>(words.WordOf(id), words.FlagsOf(id))).Concat(more));

        /// <summary>
        /// Text only: can the name ending at <paramref name="end"/> be the called name of an invocation? It must be
        /// followed by its argument list or type arguments; a comment or a directive in between is left to the tree.
        /// Most names that are not called are properties (<c>list.Count</c>), and they need no token lookup.
        /// </summary>
        public static bool MayBeCalled(string text, int end)
        {
            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            return end < text.Length && text[end] is '(' or '<' or '/' or '#';
        }

        /// <summary>True when one of <paramref name="mentions"/> lies inside the node; only such members are walked and bound.</summary>
        public static bool IsRelevant(SyntaxNode member, int[] mentions)
        {
            var span = member.Span;
            var index = Array.BinarySearch(mentions, span.Start);
            if (index < 0)
            {
                index = ~index;
            }

            return index < mentions.Length && mentions[index] < span.End;
        }

        private static IEnumerable<KeyValuePair<string, int>> Entries(IEnumerable<string> names, int flag) => names.Select(n => new KeyValuePair<string, int>(n, flag));
    }
}
