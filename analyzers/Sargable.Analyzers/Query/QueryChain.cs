using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers.Query
{
    /// <summary>How a query chain is executed.</summary>
    internal enum ExecutionKind
    {
        /// <summary><c>foreach</c>, <c>ToList</c>, <c>AsEnumerable</c>...: every selected row is fetched.</summary>
        Enumerate,

        /// <summary><c>First</c>, <c>Single</c>, <c>Last</c>, <c>ElementAt</c>: one row.</summary>
        Element,

        /// <summary><c>Count</c>, <c>Sum</c>, <c>Min</c>...: one aggregated value.</summary>
        Aggregate,

        /// <summary><c>Any</c>, <c>All</c>, <c>Contains</c>: stops at the first row.</summary>
        Exists,

        /// <summary><c>Find</c>/<c>FindAsync</c>: a primary-key lookup.</summary>
        Find,

        Delete,
        Update,
    }

    /// <summary>
    /// An executed EF query: a DbSet, the LINQ operators applied to it, and the operation that runs it. The chain may
    /// pass through locals assigned once (<c>var q = db.Deployments.Where(...); q.ToList()</c>) and, for an executed
    /// query, through locals composed across statements (<c>if (name is not null) q = q.Where(...)</c>,
    /// <see cref="QueryComposition"/>); operators appended only on some paths are <see cref="Optional"/>.
    /// </summary>
    internal sealed class QueryChain
    {
        public QueryChain(IOperation root, INamedTypeSymbol entity, ImmutableArray<IInvocationOperation> operators, IOperation execution, IInvocationOperation? terminal, ExecutionKind kind, ImmutableHashSet<IInvocationOperation>? optional = null)
        {
            Root = root;
            Entity = entity;
            Operators = operators;
            Execution = execution;
            Terminal = terminal;
            Kind = kind;
            Optional = optional ?? ImmutableHashSet<IInvocationOperation>.Empty;
        }

        /// <summary>The DbSet reference (<c>db.Deployments</c>, <c>db.Set&lt;T&gt;()</c>).</summary>
        public IOperation Root { get; }

        public INamedTypeSymbol Entity { get; }

        /// <summary>Query operators from the DbSet outwards, not including the terminal call.</summary>
        public ImmutableArray<IInvocationOperation> Operators { get; }

        /// <summary>The terminal call, or the collection of a <c>foreach</c>.</summary>
        public IOperation Execution { get; }

        public IInvocationOperation? Terminal { get; }

        public ExecutionKind Kind { get; }

        /// <summary>
        /// Operators appended under an <c>if</c>, <c>switch</c>, <c>?:</c> or loop that does not enclose the execution:
        /// they may or may not be part of the executed query.
        /// </summary>
        public ImmutableHashSet<IInvocationOperation> Optional { get; }

        /// <summary>The query as executed when none of the <see cref="Optional"/> operators was appended.</summary>
        public QueryChain WithoutOptional() =>
            new(Root, Entity, Operators.Where(o => !Optional.Contains(o)).ToImmutableArray(), Execution, Terminal, Kind);

        /// <summary>Where a finding about the execution is reported: the terminal call (name and arguments) or the foreach collection.</summary>
        public Location ExecutionLocation => Terminal is not null ? QueryChains.CallLocation(Terminal) : Execution.Syntax.GetLocation();
    }

    internal static class QueryChains
    {
        private static readonly Dictionary<string, ExecutionKind> Terminals = Build();

        /// <summary>Method names that can execute a query; a cheap syntax filter before any binding.</summary>
        public static bool IsTerminalName(string name) => Terminals.ContainsKey(name) || name is "Find" or "FindAsync";

        /// <summary>Every name <see cref="IsTerminalName"/> accepts.</summary>
        public static IEnumerable<string> TerminalNames => Terminals.Keys.Concat(new[] { "Find", "FindAsync" });

        public static bool IsMaterializing(string name) => name is "ToList" or "ToListAsync" or "ToArray" or "ToArrayAsync" or "AsEnumerable" or "ToHashSet" or "ToHashSetAsync"
            or "ToDictionary" or "ToDictionaryAsync" or "ToLookup" or "AsAsyncEnumerable";

        /// <summary>The query chain a terminal call executes, or null when it does not execute an EF query rooted in a DbSet.</summary>
        public static QueryChain? FromInvocation(IInvocationOperation invocation, EfSymbols ef, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method.Name is "Find" or "FindAsync")
            {
                if (invocation.Instance is { } set && ef.IsDbSet(set.Type) && TryWalk(set, ef, out var root, out var entity, out var operators, cancellationToken) && operators.Length == 0)
                {
                    return new QueryChain(root!, entity!, operators, invocation, invocation, ExecutionKind.Find);
                }

                return null;
            }

            if (method.Name == "AsAsyncEnumerable" && !method.IsExtensionMethod && invocation.Instance is { } dbSet && ef.IsDbSet(dbSet.Type))
            {
                // DbSet<T>.AsAsyncEnumerable() is an instance method.
                return TryWalk(dbSet, ef, out var setRoot, out var setEntity, out var none, cancellationToken)
                    ? new QueryChain(setRoot!, setEntity!, none, invocation, invocation, ExecutionKind.Enumerate)
                    : null;
            }

            if (!Terminals.TryGetValue(method.Name, out var kind) || !method.IsExtensionMethod || invocation.Arguments.Length == 0)
            {
                return null;
            }

            if (!ef.IsQueryOperator(method) && !(ef.IsEnumerableMethod(method) && IsMaterializing(method.Name)))
            {
                return null;
            }

            var source = invocation.Arguments[0].Value;
            if (ef.QueryableElement(source.Unwrap().Type) is null)
            {
                return null;
            }

            return TryWalkComposed(source, ef, out var r, out var e, out var ops, out var optional, cancellationToken) ? new QueryChain(r!, e!, ops, invocation, invocation, kind, optional) : null;
        }

        /// <summary>The query a <c>foreach</c>/<c>await foreach</c> enumerates, if it is an EF query.</summary>
        public static QueryChain? FromForEach(IForEachLoopOperation loop, EfSymbols ef, CancellationToken cancellationToken)
        {
            var collection = loop.Collection.Unwrap();
            if (ef.QueryableElement(collection.Type) is null)
            {
                return null;
            }

            return TryWalkComposed(collection, ef, out var root, out var entity, out var operators, out var optional, cancellationToken)
                ? new QueryChain(root!, entity!, operators, collection, null, ExecutionKind.Enumerate, optional)
                : null;
        }

        /// <summary>Walks from an IQueryable expression down to its DbSet, collecting operators.</summary>
        public static bool TryWalk(IOperation source, EfSymbols ef, out IOperation? root, out INamedTypeSymbol? entity, out ImmutableArray<IInvocationOperation> operators, CancellationToken cancellationToken) =>
            TryWalk(source, ef, null, out root, out entity, out operators, cancellationToken);

        /// <summary>
        /// <see cref="TryWalk(IOperation, EfSymbols, out IOperation?, out INamedTypeSymbol?, out ImmutableArray{IInvocationOperation}, CancellationToken)"/>
        /// that also follows locals composed across statements to the query executed here; <paramref name="optional"/>
        /// holds the operators appended only on some paths.
        /// </summary>
        public static bool TryWalkComposed(IOperation source, EfSymbols ef, out IOperation? root, out INamedTypeSymbol? entity, out ImmutableArray<IInvocationOperation> operators, out ImmutableHashSet<IInvocationOperation> optional, CancellationToken cancellationToken)
        {
            var found = new HashSet<IInvocationOperation>();
            var walked = TryWalk(source, ef, found, out root, out entity, out operators, cancellationToken);
            optional = found.ToImmutableHashSet();
            return walked;
        }

        private static bool TryWalk(IOperation source, EfSymbols ef, HashSet<IInvocationOperation>? optional, out IOperation? root, out INamedTypeSymbol? entity, out ImmutableArray<IInvocationOperation> operators, CancellationToken cancellationToken)
        {
            var list = new List<IInvocationOperation>();
            var current = source.Unwrap();
            root = null;
            entity = null;
            operators = ImmutableArray<IInvocationOperation>.Empty;
            for (var depth = 0; depth < 64; depth++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (current)
                {
                    case IPropertyReferenceOperation property when ef.IsDbSet(property.Type):
                    case IFieldReferenceOperation field when ef.IsDbSet(field.Type):
                    case IInvocationOperation { TargetMethod.Name: "Set" } set when ef.IsDbSet(set.Type) && ef.IsDbContext(set.TargetMethod.ContainingType):
                        root = current;
                        entity = ((INamedTypeSymbol)current.Type!).TypeArguments[0] as INamedTypeSymbol;
                        list.Reverse();
                        operators = list.ToImmutableArray();
                        return entity is not null;
                    case IInvocationOperation { TargetMethod.Name: "AsQueryable", TargetMethod.IsExtensionMethod: false, Instance: { } set } when ef.IsDbSet(set.Type):
                        // DbSet<T>.AsQueryable() is an instance method that changes nothing in the query.
                        current = set.Unwrap();
                        continue;
                    case IInvocationOperation invocation when invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && ef.IsQueryOperator(invocation.TargetMethod):
                        list.Add(invocation);
                        current = invocation.Arguments[0].Value.Unwrap();
                        continue;
                    case ILocalReferenceOperation local when SingleValue(local) is { } value:
                        current = value.Unwrap();
                        continue;
                    case ILocalReferenceOperation local when optional is not null && QueryComposition.Of(local, ef, cancellationToken) is { Initial: { } initial } composition:
                        foreach (var (call, isOptional) in composition.Operators)
                        {
                            list.Add(call);
                            if (isOptional)
                            {
                                optional.Add(call);
                            }
                        }

                        current = initial.Unwrap();
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The value of a local that is assigned exactly once, at its declaration.</summary>
        public static IOperation? SingleValue(ILocalReferenceOperation reference)
        {
            IOperation? value = null;
            var local = reference.Local;
            foreach (var operation in reference.Root().Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        value = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (value is null)
                        {
                            return null;
                        }

                        break;
                    case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                        return null;
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None } argument when argument.Value is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        return null;
                }
            }

            return value;
        }

        /// <summary>The span from a call's method name to its closing parenthesis: <c>db.Deployments.[|Where(d => ...)|]</c>.</summary>
        public static Location CallLocation(IInvocationOperation invocation) =>
            invocation.Syntax is InvocationExpressionSyntax syntax ? CallLocation(syntax) : invocation.Syntax.GetLocation();

        /// <inheritdoc cref="CallLocation(IInvocationOperation)"/>
        public static Location CallLocation(InvocationExpressionSyntax syntax)
        {
            SyntaxNode name = syntax.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => syntax.Expression,
            };
            return Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(name.SpanStart, syntax.Span.End));
        }

        /// <summary>True when the operation sits inside a lambda that becomes an expression tree (a subquery, not an execution).</summary>
        public static bool IsInsideExpressionTree(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation && current.Parent is { } parent && (parent is IConversionOperation || parent is IDelegateCreationOperation) &&
                    parent.Type is INamedTypeSymbol { Name: "Expression", Arity: 1 } type && type.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions")
                {
                    return true;
                }
            }

            return false;
        }

        private static Dictionary<string, ExecutionKind> Build()
        {
            var map = new Dictionary<string, ExecutionKind>(StringComparer.Ordinal);
            void Add(ExecutionKind kind, params string[] names)
            {
                foreach (var name in names)
                {
                    map[name] = kind;
                    map[name + "Async"] = kind;
                }
            }

            Add(ExecutionKind.Enumerate, "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup", "AsEnumerable", "Load", "ForEach");
            map["AsAsyncEnumerable"] = ExecutionKind.Enumerate;
            Add(ExecutionKind.Element, "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault");
            Add(ExecutionKind.Aggregate, "Count", "LongCount", "Sum", "Min", "Max", "Average", "MinBy", "MaxBy");
            Add(ExecutionKind.Exists, "Any", "All", "Contains");
            Add(ExecutionKind.Delete, "ExecuteDelete");
            Add(ExecutionKind.Update, "ExecuteUpdate");
            return map;
        }
    }
}
