using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers.Query
{
    /// <summary>
    /// A query composed across statements: an <c>IQueryable</c> local or parameter extended in place
    /// (<c>q = q.Where(...)</c>, under <c>if</c>s or not) before it is executed at one reference. Only self-extensions are
    /// followed; any other write, a write in a lambda or local function, after the reference, or in a loop that also
    /// holds the reference makes the value unknown (<see cref="Of"/> returns null).
    /// </summary>
    internal sealed class QueryComposition
    {
        /// <summary>More assignments than this and the local is not followed (the work stays bounded).</summary>
        private const int MaxAssignments = 32;

        private QueryComposition(IOperation? initial, List<(IInvocationOperation Call, bool Optional)> operators)
        {
            Initial = initial;
            Operators = operators;
        }

        /// <summary>The local's initializer; null for a parameter (its value is the caller's).</summary>
        public IOperation? Initial { get; }

        /// <summary>
        /// The operators the assignments append, outermost (last applied) first; optional when the assignment runs only on
        /// some paths to the reference (under an <c>if</c>, <c>switch</c>, <c>?:</c> or a loop that does not enclose it).
        /// </summary>
        public List<(IInvocationOperation Call, bool Optional)> Operators { get; }

        /// <summary>
        /// The composition of the local or parameter read at <paramref name="reference"/>, or null when it is not an
        /// <c>IQueryable</c> built only by self-extensions before the reference. A local never reassigned is a composition
        /// without operators.
        /// </summary>
        public static QueryComposition? Of(IOperation reference, EfSymbols ef, CancellationToken cancellationToken)
        {
            ISymbol? symbol = reference switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is null || ef.QueryableElement(reference.Type) is null)
            {
                return null;
            }

            IOperation? initial = null;
            var declared = symbol is IParameterSymbol;
            var assignments = new List<ISimpleAssignmentOperation>();
            var function = EnclosingFunction(reference);
            foreach (var operation in reference.Root().Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                        initial = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (initial is null)
                        {
                            return null;
                        }

                        declared = true;
                        break;
                    case ILocalReferenceOperation or IParameterReferenceOperation when Refers(operation, symbol):
                        switch (operation.Parent)
                        {
                            case ISimpleAssignmentOperation assignment when assignment.Target == operation:
                                if (assignments.Count == MaxAssignments || !ReferenceEquals(EnclosingFunction(assignment), function) ||
                                    assignment.Syntax.SpanStart >= reference.Syntax.SpanStart || assignment.Syntax.Span.Contains(reference.Syntax.Span))
                                {
                                    return null;
                                }

                                assignments.Add(assignment);
                                break;
                            case IAssignmentOperation compound when compound.Target == operation:
                                return null;
                            case IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                            case ITupleOperation:
                                return null;
                        }

                        break;
                }
            }

            if (!declared || assignments.Any(assignment => InLoopWith(assignment, reference, initial)))
            {
                return null;
            }

            var operators = new List<(IInvocationOperation, bool)>();
            for (var i = assignments.Count - 1; i >= 0; i--)
            {
                var assignment = assignments[i];
                var optional = !RunsBefore(assignment, reference);
                if (assignment.Value.Unwrap() is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
                {
                    if (!Extends(whenFalse, symbol, ef, operators, optional: true) || !Extends(conditional.WhenTrue, symbol, ef, operators, optional: true))
                    {
                        return null;
                    }
                }
                else if (!Extends(assignment.Value, symbol, ef, operators, optional))
                {
                    return null;
                }
            }

            return new QueryComposition(initial, operators);
        }

        private static bool Refers(IOperation operation, ISymbol symbol) => operation switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
            _ => false,
        };

        /// <summary>Appends the operators of <c>value</c> (outermost first) when it is the symbol itself extended by query operators.</summary>
        private static bool Extends(IOperation value, ISymbol symbol, EfSymbols ef, List<(IInvocationOperation, bool)> operators, bool optional)
        {
            var current = value.Unwrap();
            for (var depth = 0; depth < 64; depth++)
            {
                switch (current)
                {
                    case var reference when Refers(reference, symbol):
                        return true;
                    case IInvocationOperation invocation when invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && ef.IsQueryOperator(invocation.TargetMethod):
                        operators.Add((invocation, optional));
                        current = invocation.Arguments[0].Value.Unwrap();
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the assignment runs on every path to the reference: its statement sits directly in a block that also
        /// holds the reference (it is before it, checked by the caller).
        /// </summary>
        private static bool RunsBefore(IOperation assignment, IOperation reference) =>
            assignment.Syntax.Parent is ExpressionStatementSyntax { Parent: BlockSyntax block } && block.Span.Contains(reference.Syntax.Span);

        /// <summary>
        /// True when a loop holds both the assignment and the reference but not the declaration: the assignment may then
        /// run after the reference, in the next iteration. A local declared in the loop starts afresh in each one.
        /// </summary>
        private static bool InLoopWith(IOperation assignment, IOperation reference, IOperation? initial)
        {
            for (var current = assignment.Parent; current is not null; current = current.Parent)
            {
                if (current is ILoopOperation && current.Syntax.Span.Contains(reference.Syntax.Span) && (initial is null || !current.Syntax.Span.Contains(initial.Syntax.Span)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lambda or local function an operation belongs to, or null for the member body itself.</summary>
        private static IOperation? EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }
    }
}
