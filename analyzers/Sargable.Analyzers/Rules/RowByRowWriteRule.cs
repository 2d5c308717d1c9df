using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sargable.Analyzers.Query;
using Sargable.Analyzers.Summaries;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0005: rows loaded and written back one at a time — <c>Remove</c> per item of a loop, <c>RemoveRange</c> of a
    /// loaded query, and load-modify-save loops that give every row the same change (saved by <c>SaveChanges</c>, or
    /// written back with <c>Update</c> per item or <c>UpdateRange</c> after the loop).
    /// </summary>
    internal static class RowByRowWriteRule
    {
        /// <summary>Diagnostic property: "delete" or "update", the set-based statement a fix writes.</summary>
        public const string FixProperty = "Sargable.SetBased";

        /// <summary>Every called name <see cref="IsCandidate"/> accepts (and <c>foreach</c>, for the statements).</summary>
        internal static IEnumerable<string> CandidateNames { get; } = new[] { "Remove", "RemoveRange", "foreach" };

        internal static bool IsCandidate(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText is "Remove" or "RemoveRange",
            ForEachStatementSyntax loop => BodyOnlyChangesOrUpdates(loop),
            _ => false,
        };

        // A method of its own, not a lambda in IsCandidate: the walker asks IsCandidate of every node, and a lambda that
        // captures the loop made the compiler allocate its closure on every call (4 MB per compile of a 500-file project).
        private static bool BodyOnlyChangesOrUpdates(ForEachStatementSyntax loop)
        {
            var item = loop.Identifier.ValueText;
            if (loop.Statement is not BlockSyntax block)
            {
                return IsChangeOrUpdate(loop.Statement, item);
            }

            if (block.Statements.Count == 0)
            {
                return false;
            }

            foreach (var statement in block.Statements)
            {
                if (!IsChangeOrUpdate(statement, item))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Names whose calls make a member worth walking for this rule, beyond the EF names every member is checked for.</summary>
        internal static readonly string[] RelevantNames = { "Update", "UpdateRange" };

        /// <summary>
        /// Syntax only: a statement <see cref="AnalyzeForEach"/> can accept, so a loop of anything else is never bound. An
        /// assignment must be a plain <c>=</c> to a member or element (<c>total += x</c> and <c>local = x</c> change no row)
        /// whose value does not read the item (<c>item.Name = Normalize(item.Name)</c> differs per row).
        /// </summary>
        private static bool IsChangeOrUpdate(StatementSyntax statement, string item) => statement switch
        {
            ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Update" } } } => true,
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } =>
                assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left is not IdentifierNameSyntax && !ReadsItem(assignment.Right, item),
            _ => false,
        };

        /// <summary>
        /// Syntax only: <c>item.Member</c> in the value, outside any lambda, query or <c>nameof</c> (where the name could be
        /// another variable's): the value then reads the loop's item, which the rule never reports.
        /// </summary>
        private static bool ReadsItem(ExpressionSyntax value, string item) =>
            value.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or QueryExpressionSyntax or InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }))
                .Any(n => n is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax name } && name.Identifier.ValueText == item);

        internal static void AnalyzeInvocation(NodeContext context, EfSymbols symbols, QuerySummaries summaries)
        {
            var syntax = (InvocationExpressionSyntax)context.Node;
            var name = ((MemberAccessExpressionSyntax)syntax.Expression).Name.Identifier.ValueText;

            if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation || invocation.Arguments.Length != 1)
            {
                return;
            }

            // Remove on the context or a DbSet, or on a repository whose Remove only passes its argument to one of them.
            string? wrapped = null;
            if (!(symbols.IsDbContext(invocation.TargetMethod.ContainingType) || symbols.IsDbSet(invocation.TargetMethod.ContainingType)))
            {
                if (name != "Remove" || summaries.WriteWrapper(invocation.TargetMethod, context.CancellationToken) is not { Kind: "Remove" } inner)
                {
                    return;
                }

                wrapped = $"{invocation.TargetMethod.ContainingType.Name}.Remove (which calls {inner.Call})";
            }

            var argument = invocation.Arguments[0].Value.Unwrap();
            if (name == "RemoveRange")
            {
                AnalyzeRemoveRange(context, symbols, invocation, argument);
                return;
            }

            // Remove(item), or Remove(item.Navigation), inside a foreach over the items.
            var loop = Loops.Enclosing(invocation) as IForEachLoopOperation;
            if (loop is null || ItemOf(argument) is not { } item || !loop.Locals.Contains(item.Local, SymbolEqualityComparer.Default))
            {
                return;
            }

            var source = LoadedQuery(loop.Collection.Unwrap(), symbols, context.CancellationToken, out var directSource);
            var onlyStatement = loop.Body is IBlockOperation { Operations.Length: 1 } block && block.Operations[0] is IExpressionStatementOperation { Operation: var op } && op == invocation ||
                loop.Body is IExpressionStatementOperation { Operation: var single } && single == invocation;
            var fix = source is not null && directSource && onlyStatement && wrapped is null && argument is ILocalReferenceOperation
                ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "delete")
                : null;
            var what = argument is ILocalReferenceOperation
                ? source is not null ? $"the rows of the {source.Root.Syntax} query" : "the loaded rows"
                : $"the {Describe(argument)} of each item";
            var through = wrapped is null ? string.Empty : $" through {wrapped}";
            var described = Loops.Describe(loop);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RowByRowWrite,
                QueryChains.CallLocation(invocation),
                fix,
                $"{char.ToUpperInvariant(described[0])}{described.Substring(1)} deletes {what} one by one{through} (one DELETE per row after loading them all); " +
                "delete them with one ExecuteDeleteAsync on a query that selects them, or let a foreign-key cascade do it."));
        }

        private static void AnalyzeRemoveRange(NodeContext context, EfSymbols symbols, IInvocationOperation invocation, IOperation argument)
        {
            if (argument is IArrayCreationOperation)
            {
                return;
            }

            var loaded = LoadedQuery(argument, symbols, context.CancellationToken, out var direct);
            if (loaded is null)
            {
                return;
            }

            // A list the code changed after loading holds the rows it chose, not every row of the query.
            if (argument is ILocalReferenceOperation list && ChangedAfterLoading(list))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RowByRowWrite,
                    QueryChains.CallLocation(invocation),
                    $"RemoveRange deletes the rows left in {list.Local.Name} one statement per row (loaded from the {loaded.Root.Syntax} query, then changed); " +
                    "when the rows to delete can be written as a filter, delete them with one ExecuteDeleteAsync on that query."));
                return;
            }

            var properties = direct && invocation.Parent is IExpressionStatementOperation ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "delete") : null;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RowByRowWrite,
                QueryChains.CallLocation(invocation),
                properties,
                $"RemoveRange loads every row of the {loaded.Root.Syntax} query and deletes them one statement per row; delete them with one ExecuteDeleteAsync on the query."));
        }

        /// <summary>True when the list local is added to, removed from or reassigned anywhere in its method.</summary>
        private static bool ChangedAfterLoading(ILocalReferenceOperation list)
        {
            foreach (var operation in list.Root().Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation { Instance: ILocalReferenceOperation receiver } call
                        when SymbolEqualityComparer.Default.Equals(receiver.Local, list.Local) &&
                             call.TargetMethod.Name is "Remove" or "RemoveAll" or "RemoveAt" or "RemoveRange" or "Clear" or "Add" or "AddRange" or "Insert" or "InsertRange" or "RemoveWhere":
                        return true;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, list.Local) && assignment.Parent is not IVariableInitializerOperation:
                        return true;
                }
            }

            return false;
        }

        /// <summary>The loop item an argument is, or whose navigation it is (<c>item</c>, <c>item.Block</c>, <c>item.Block.Owner</c>).</summary>
        private static ILocalReferenceOperation? ItemOf(IOperation argument)
        {
            var current = argument;
            while (current is IPropertyReferenceOperation { Instance: { } instance })
            {
                current = instance.Unwrap();
            }

            return current as ILocalReferenceOperation;
        }

        private static string Describe(IOperation navigation) => navigation is IPropertyReferenceOperation property ? property.Property.Name : navigation.Syntax.ToString();

        internal static void AnalyzeForEach(NodeContext context, EfSymbols symbols, QuerySummaries summaries)
        {
            var syntax = (ForEachStatementSyntax)context.Node;

            if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IForEachLoopOperation loop || loop.Locals.Length != 1)
            {
                return;
            }

            var item = loop.Locals[0];
            var items = Loops.ItemLocals(loop);
            var statements = loop.Body is IBlockOperation block ? block.Operations : ImmutableArray.Create(loop.Body);
            var throughNavigation = false;
            var changes = 0;
            string? updatedWith = null;
            foreach (var statement in statements)
            {
                // Update(item) or Update(item.Navigation), on EF or through a one-line wrapper: the row written back.
                if (statement is IExpressionStatementOperation { Operation: IInvocationOperation call } && UpdateCall(call, symbols, summaries, context.CancellationToken) is { } how)
                {
                    if (ItemOf(call.Arguments[0].Value.Unwrap()) is not { } updated || !SymbolEqualityComparer.Default.Equals(updated.Local, item))
                    {
                        return;
                    }

                    updatedWith ??= how;
                    continue;
                }

                // Every other statement: item.Property (or item.Navigation.Property) = value that is the same for every
                // row: it reads nothing of the item or of the iteration, and changes nothing as it is computed.
                if (statement is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } } assignment } ||
                    ItemOf(instance.Unwrap()) is not { } target || !SymbolEqualityComparer.Default.Equals(target.Local, item) ||
                    Loops.ReferencesAny(assignment.Value, items) || VariesPerRow(assignment.Value))
                {
                    return;
                }

                changes++;
                throughNavigation |= instance.Unwrap() is not ILocalReferenceOperation;
            }

            // An Update with no change in the loop writes back values set elsewhere, maybe different per row: no claim.
            if (changes == 0)
            {
                return;
            }

            var source = LoadedQuery(loop.Collection.Unwrap(), symbols, context.CancellationToken, out var direct);
            var rangeAfter = updatedWith is null ? UpdateRangeAfter(loop, symbols) : null;
            if (updatedWith is null && rangeAfter is null && (source is null || !SavedAfter(loop, symbols)))
            {
                return;
            }

            var rows = source is not null ? $"every row of the {source.Root.Syntax} query" : $"each item of {syntax.Expression}";
            var instead = source is not null ? "run one ExecuteUpdateAsync on the query instead" : "when the rows can be selected by a filter, run one ExecuteUpdateAsync on a query that selects them";
            var message = (updatedWith, rangeAfter) switch
            {
                ({ } update, _) => $"This loop gives {rows} the same change and writes each back with {update}, one UPDATE per row; {instead}.",
                (_, { } range) => $"This loop gives {rows} the same change and {range} writes them back, one UPDATE per row; {instead}.",
                _ => $"This loop loads every row of the {source!.Root.Syntax} query and gives each the same change, so SaveChanges sends one UPDATE per row; run one ExecuteUpdateAsync on the query instead.",
            };

            var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.ForEachKeyword.SpanStart, syntax.CloseParenToken.Span.End));
            var properties = direct && !throughNavigation && updatedWith is null && rangeAfter is null ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "update") : null;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RowByRowWrite, location, properties, message));
        }

        /// <summary>
        /// How a one-argument <c>Update</c> call writes its entity back: <c>db.Blocks.Update</c> on the context or a DbSet,
        /// or <c>EventRepository.Update (which calls db.Events.Update)</c> through a one-line wrapper; null for anything else.
        /// </summary>
        private static string? UpdateCall(IInvocationOperation call, EfSymbols symbols, QuerySummaries summaries, CancellationToken cancellationToken)
        {
            if (call.TargetMethod.Name != "Update" || call.Arguments.Length != 1 || call.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
            {
                return null;
            }

            if (symbols.IsDbContext(call.TargetMethod.ContainingType) || symbols.IsDbSet(call.TargetMethod.ContainingType))
            {
                return member.ToString();
            }

            return summaries.WriteWrapper(call.TargetMethod, cancellationToken) is { Kind: "Update" } inner
                ? $"{call.TargetMethod.ContainingType.Name}.Update (which calls {inner.Call})"
                : null;
        }

        /// <summary>True when computing the value changes something (<c>rank++</c>, <c>x = ...</c>) or awaits: a value per row.</summary>
        private static bool VariesPerRow(IOperation value) =>
            value.DescendantsAndSelf().Any(o => o is IIncrementOrDecrementOperation or IAssignmentOperation or IAwaitOperation);

        /// <summary><c>db.UpdateRange(items)</c> of the loop's own collection after the loop, as written; null when there is none.</summary>
        private static string? UpdateRangeAfter(IForEachLoopOperation loop, EfSymbols symbols)
        {
            var collection = Symbol(loop.Collection.Unwrap());
            if (collection is null)
            {
                return null;
            }

            var end = loop.Syntax.Span.End;
            foreach (var operation in loop.Root().Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "UpdateRange", Arguments.Length: 1 } range && range.Syntax.SpanStart >= end &&
                    (symbols.IsDbContext(range.TargetMethod.ContainingType) || symbols.IsDbSet(range.TargetMethod.ContainingType)) &&
                    SymbolEqualityComparer.Default.Equals(Symbol(range.Arguments[0].Value.Unwrap()), collection) &&
                    range.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
                {
                    return member.ToString();
                }
            }

            return null;

            static ISymbol? Symbol(IOperation operation) => operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
        }

        /// <summary>True when SaveChanges(Async) runs after the loop in the same method (or inside it).</summary>
        private static bool SavedAfter(IForEachLoopOperation loop, EfSymbols symbols)
        {
            var start = loop.Syntax.SpanStart;
            foreach (var operation in loop.Root().Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "SaveChanges" or "SaveChangesAsync" } save && symbols.IsDbContext(save.TargetMethod.ContainingType) &&
                    save.Syntax.SpanStart > start)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The EF query whose rows the value holds: <c>query</c>, <c>query.ToList()</c>, <c>await query.ToListAsync()</c>,
        /// or a local assigned once from one of them (then <paramref name="direct"/> is false).
        /// </summary>
        internal static QueryChain? LoadedQuery(IOperation value, EfSymbols symbols, CancellationToken cancellationToken, out bool direct)
        {
            direct = true;
            var current = value.Unwrap();
            if (current is ILocalReferenceOperation local && QueryChains.SingleValue(local) is { } assigned && symbols.QueryableElement(local.Type) is null)
            {
                direct = false;
                current = assigned.Unwrap();
            }

            if (current is IAwaitOperation awaited)
            {
                current = awaited.Operation.Unwrap();
            }

            if (current is IInvocationOperation invocation && QueryChains.IsMaterializing(invocation.TargetMethod.Name))
            {
                var chain = QueryChains.FromInvocation(invocation, symbols, cancellationToken);
                return chain is { Kind: ExecutionKind.Enumerate } ? chain : null;
            }

            if (symbols.QueryableElement(current.Type) is not null && QueryChains.TryWalk(current, symbols, out var root, out var entity, out var operators, cancellationToken))
            {
                return new QueryChain(root!, entity!, operators, current, null, ExecutionKind.Enumerate);
            }

            return null;
        }
    }
}
