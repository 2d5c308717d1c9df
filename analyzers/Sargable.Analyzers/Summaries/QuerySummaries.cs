using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers.Summaries
{
    /// <summary>Where a method's query runs: the executing call (<c>FirstOrDefaultAsync</c>) and its file and line.</summary>
    internal sealed class QuerySite
    {
        public QuerySite(string call, Location location)
        {
            Call = call;
            Location = location;
        }

        public string Call { get; }

        public Location Location { get; }

        /// <summary><c>FirstOrDefaultAsync at ChapterRepository.cs:14</c>.</summary>
        public override string ToString()
        {
            var span = Location.GetLineSpan();
            var line = (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"{Call} at {Path.GetFileName(span.Path)}:{line}";
        }
    }

    /// <summary>What a one-line write wrapper does: EF's <c>Remove</c> or <c>Update</c> (<see cref="Kind"/>) through <see cref="Call"/>.</summary>
    internal sealed class WrappedWrite
    {
        public static readonly WrappedWrite None = new(string.Empty, string.Empty);

        public WrappedWrite(string kind, string call)
        {
            Kind = kind;
            Call = call;
        }

        /// <summary><c>Remove</c> or <c>Update</c>.</summary>
        public string Kind { get; }

        /// <summary>The EF call as written in the wrapper: <c>db.Events.Remove</c>.</summary>
        public string Call { get; }
    }

    /// <summary>
    /// Per-compilation summaries of which source methods execute an EF query (or SaveChanges), directly or through calls
    /// of other source methods up to <see cref="MaxDepth"/> deep, including interface and abstract methods whose
    /// implementations in the compilation all do. Computed on demand, only for methods called where it matters (in a
    /// loop), and cached; thread-safe (a summary computed twice at once is the same).
    /// </summary>
    internal sealed class QuerySummaries
    {
        /// <summary>How many calls deep a query is followed: service → repository → query is two.</summary>
        public const int MaxDepth = 3;

        /// <summary>At most this many implementations of an interface method are read; more is a plugin point, not a repository.</summary>
        private const int MaxImplementations = 4;

        private static readonly QuerySite None = new(string.Empty, Location.None);

        private readonly EfSymbols symbols;
        private readonly SyntaxQuerySites? bySyntax;
        private readonly ConcurrentDictionary<IMethodSymbol, QuerySite> cache = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, WrappedWrite> wrappers = new(SymbolEqualityComparer.Default);
        private readonly Lazy<ImmutableArray<INamedTypeSymbol>> sourceTypes;

        /// <param name="symbols">The compilation's EF symbols.</param>
        /// <param name="names">See <see cref="Names"/>.</param>
        /// <param name="bySyntax">Settles plain DbSet queries without binding; null binds every call it checks.</param>
        public QuerySummaries(EfSymbols symbols, HashSet<string> names, SyntaxQuerySites? bySyntax)
        {
            this.symbols = symbols;
            this.bySyntax = bySyntax;
            Names = names;
            sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => SourceTypes(symbols.Compilation.Assembly.GlobalNamespace));
        }

        /// <summary>Names of source methods that may execute a query (see <see cref="QueryMethodNames"/>).</summary>
        public HashSet<string> Names { get; }

        /// <summary>
        /// For a one-line wrapper (<c>void Remove(Event e) =&gt; db.Events.Remove(e);</c>,
        /// <c>void Update(Event e) =&gt; db.Events.Update(e);</c>), the EF <c>Remove</c> or <c>Update</c> it passes its one
        /// argument to; null for anything else (a body that does more than pass its argument on). Cached like the query
        /// summaries.
        /// </summary>
        public WrappedWrite? WriteWrapper(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (method.IsAbstract && Implementations(method).Take(2).ToList() is { Count: 1 } only)
            {
                method = only[0].OriginalDefinition;
            }

            if (wrappers.TryGetValue(method, out var known))
            {
                return ReferenceEquals(known, WrappedWrite.None) ? null : known;
            }

            var found = WrappedCall(method, cancellationToken) ?? WrappedWrite.None;
            wrappers.TryAdd(method, found);
            return ReferenceEquals(found, WrappedWrite.None) ? null : found;
        }

        private WrappedWrite? WrappedCall(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.Parameters.Length != 1 || method.DeclaringSyntaxReferences.Length != 1 ||
                method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                return null;
            }

            var expression = declaration.ExpressionBody?.Expression ??
                (declaration.Body is { Statements.Count: 1 } body && body.Statements[0] is ExpressionStatementSyntax statement ? statement.Expression : null);
            if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Remove" or "Update" } member } call)
            {
                return null;
            }

            var model = symbols.DeclarationModel(declaration.SyntaxTree);
            return model.GetOperation(call, cancellationToken) is IInvocationOperation { Arguments.Length: 1 } invocation &&
                (symbols.IsDbContext(invocation.TargetMethod.ContainingType) || symbols.IsDbSet(invocation.TargetMethod.ContainingType)) &&
                invocation.Arguments[0].Value.Unwrap() is IParameterReferenceOperation parameter &&
                SymbolEqualityComparer.Default.Equals(parameter.Parameter.OriginalDefinition, method.Parameters[0])
                ? new WrappedWrite(member.Name.Identifier.ValueText, member.ToString())
                : null;
        }

        /// <summary>Where the method's query runs, or null when it runs none that can be seen.</summary>
        public QuerySite? Of(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var site = Compute(method.OriginalDefinition, MaxDepth, cancellationToken, out _);
            return ReferenceEquals(site, None) ? null : site;
        }

        private QuerySite Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken, out bool truncated)
        {
            truncated = false;
            if (cache.TryGetValue(method, out var known))
            {
                return known;
            }

            if (!Names.Contains(method.Name) || !method.Locations.Any(l => l.IsInSource))
            {
                return None;
            }

            if (depth == 0)
            {
                truncated = true;
                return None;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var site = method.IsAbstract
                ? FromImplementations(method, depth, cancellationToken, out truncated)
                : FromBody(method, depth, cancellationToken, out truncated);

            // A negative answer cut short by the depth bound may be positive from a shallower caller: not cached.
            if (!ReferenceEquals(site, None) || !truncated)
            {
                cache.TryAdd(method, site);
            }

            return site;
        }

        /// <summary>An interface or abstract method queries when every implementation in the compilation does (and there is one).</summary>
        private QuerySite FromImplementations(IMethodSymbol method, int depth, CancellationToken cancellationToken, out bool truncated)
        {
            truncated = false;
            var implementations = Implementations(method).Take(MaxImplementations + 1).ToList();
            if (implementations.Count == 0 || implementations.Count > MaxImplementations)
            {
                return None;
            }

            QuerySite? first = null;
            foreach (var implementation in implementations)
            {
                var site = Compute(implementation.OriginalDefinition, depth - 1, cancellationToken, out var cut);
                truncated |= cut;
                if (ReferenceEquals(site, None))
                {
                    return None;
                }

                first ??= site;
            }

            return first!;
        }

        private IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method)
        {
            var declaring = method.ContainingType.OriginalDefinition;
            foreach (var type in sourceTypes.Value)
            {
                if (declaring.TypeKind == TypeKind.Interface)
                {
                    foreach (var implemented in type.AllInterfaces)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, declaring))
                        {
                            continue;
                        }

                        var member = implemented.GetMembers(method.Name).OfType<IMethodSymbol>()
                            .FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, method));
                        if (member is not null && type.FindImplementationForInterfaceMember(member) is IMethodSymbol { IsAbstract: false } implementation)
                        {
                            yield return implementation;
                        }
                    }
                }
                else
                {
                    foreach (var candidate in type.GetMembers(method.Name).OfType<IMethodSymbol>())
                    {
                        for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                        {
                            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                            {
                                yield return candidate;
                                break;
                            }
                        }
                    }
                }
            }
        }

        private QuerySite FromBody(IMethodSymbol method, int depth, CancellationToken cancellationToken, out bool truncated)
        {
            truncated = false;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration ||
                    ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body)
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = QueryMethodNames.CalledName(call);
                    var executes = name is not null && QueryMethodNames.IsExecutingName(name);
                    if (name is null || !(executes || Names.Contains(name)))
                    {
                        continue;
                    }

                    if (executes && bySyntax is not null && bySyntax.RunsQuery(call, cancellationToken))
                    {
                        return new QuerySite(name!, QueryChains.CallLocation(call));
                    }

                    model ??= symbols.DeclarationModel(declaration.SyntaxTree);
                    if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation || QueryChains.IsInsideExpressionTree(invocation))
                    {
                        continue;
                    }

                    if (executes && Executes(invocation, cancellationToken))
                    {
                        return new QuerySite(invocation.TargetMethod.Name, QueryChains.CallLocation(invocation));
                    }

                    var callee = Compute(invocation.TargetMethod.OriginalDefinition, depth - 1, cancellationToken, out var cut);
                    truncated |= cut;
                    if (!ReferenceEquals(callee, None))
                    {
                        return callee;
                    }
                }
            }

            return None;
        }

        /// <summary>True for a call that runs an EF query or a save by itself.</summary>
        private bool Executes(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method.Name is "SaveChanges" or "SaveChangesAsync")
            {
                return symbols.IsDbContext(method.ContainingType);
            }

            if (method.Name is "Load" or "LoadAsync" && symbols.IsNavigationEntry(method.ContainingType))
            {
                return true;
            }

            if (method.Name is "Find" or "FindAsync" && symbols.IsDbSet(method.ContainingType))
            {
                // Through a generic repository's DbSet<T> field, a Set<T>() call or a DbSet property alike.
                return true;
            }

            if (QueryChains.FromInvocation(invocation, symbols, cancellationToken) is not null)
            {
                return true;
            }

            // A generic repository's Set<T>().Where(...).ToListAsync(): the root is no DbSet of a known entity, but the
            // operator runs a database query all the same.
            return method.IsExtensionMethod && invocation.Arguments.Length > 0 && QueryChains.IsTerminalName(method.Name) &&
                (symbols.IsQueryOperator(method) || (symbols.IsEnumerableMethod(method) && QueryChains.IsMaterializing(method.Name))) &&
                symbols.QueryableElement(invocation.Arguments[0].Value.Unwrap().Type) is not null;
        }

        private static ImmutableArray<INamedTypeSymbol> SourceTypes(INamespaceSymbol global)
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(global);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
                {
                    types.Add(type);
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol nested)
                    {
                        stack.Push(nested);
                    }
                }
            }

            return types.ToImmutable();
        }
    }
}
