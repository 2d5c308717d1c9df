using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers
{
    /// <summary>
    /// Code that runs once per item: a loop statement (<c>for</c>, <c>foreach</c>, <c>await foreach</c>, <c>while</c>,
    /// <c>do</c>) or a lambda run per element — <c>List&lt;T&gt;.ForEach</c>, <c>Parallel.For/ForEach(Async)</c> and the
    /// in-memory LINQ operators (<c>Enumerable.Select</c>, <c>SelectMany</c>, <c>Where</c>, <c>ToDictionary</c>...: their
    /// lambdas run per element of a materialized list, an <c>AsEnumerable()</c> or an in-memory <c>GroupBy</c>).
    /// </summary>
    internal enum RepeatKind
    {
        None,
        Loop,
        Lambda,
    }

    internal sealed class Repetition
    {
        /// <summary>Names of methods whose lambda argument may run per element: a syntax filter before binding.</summary>
        private static readonly HashSet<string> PerElementNames = new(System.StringComparer.Ordinal)
        {
            "ForEach", "ForEachAsync", "For", "Select", "SelectMany", "Where", "ToDictionary", "ToLookup", "ToHashSet", "GroupBy",
            "Any", "All", "Count", "Sum", "Min", "Max", "Average", "First", "FirstOrDefault", "Single", "SingleOrDefault", "OrderBy",
            "OrderByDescending", "ThenBy", "ThenByDescending", "Aggregate", "TakeWhile", "SkipWhile",
        };

        private Repetition(ILoopOperation? loop, IAnonymousFunctionOperation? lambda, string? call)
        {
            Loop = loop;
            Lambda = lambda;
            Call = call;
        }

        /// <summary>The loop statement, or null for a per-element lambda.</summary>
        public ILoopOperation? Loop { get; }

        /// <summary>The per-element lambda, or null for a loop statement.</summary>
        public IAnonymousFunctionOperation? Lambda { get; }

        private string? Call { get; }

        private IOperation Operation => (IOperation?)Loop ?? Lambda!;

        /// <summary>Syntax only: may the node run per item, inside a loop statement or inside a lambda passed to a per-element method?</summary>
        public static RepeatKind MayRepeat(SyntaxNode node)
        {
            var kind = RepeatKind.None;
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                        return RepeatKind.Loop;
                    case AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation } }
                        when Summaries.QueryMethodNames.CalledName(invocation) is { } name && PerElementNames.Contains(name):
                        kind = RepeatKind.Lambda;
                        break;
                    case MemberDeclarationSyntax:
                        return kind;
                }
            }

            return kind;
        }

        /// <summary>The nearest repetition around the operation; local functions and other lambdas end the search.</summary>
        public static Repetition? Enclosing(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return PerElementCall(lambda) is { } call ? new Repetition(null, lambda, call) : null;
                    case ILocalFunctionOperation:
                        return null;
                    case ILoopOperation loop when child == loop.Body || Loops.IsInBody(loop, child):
                        return new Repetition(loop, null, null);
                }
            }

            return null;
        }

        /// <summary>The repetition around this one.</summary>
        public Repetition? Outer() => Enclosing(Operation);

        /// <summary>Values that differ per item: the loop's item locals, or the lambda's parameters (not a CancellationToken) and locals.</summary>
        public HashSet<ISymbol> Items()
        {
            var items = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (Loop is not null)
            {
                items.UnionWith(Loops.ItemLocals(Loop));
                return items;
            }

            items.UnionWith(Lambda!.Symbol.Parameters.Where(p => p.Type.Name != "CancellationToken"));
            foreach (var declared in Lambda.Body.Descendants().OfType<IVariableDeclaratorOperation>())
            {
                items.Add(declared.Symbol);
            }

            return items;
        }

        public static bool ReferencesAny(IOperation operation, HashSet<ISymbol> symbols) =>
            operation.DescendantsAndSelf().Any(o => o switch
            {
                ILocalReferenceOperation local => symbols.Contains(local.Local),
                IParameterReferenceOperation parameter => symbols.Contains(parameter.Parameter),
                _ => false,
            });

        /// <summary>"the foreach over chapters (line 12)" or "the Select lambda (line 12)".</summary>
        public string Describe()
        {
            if (Loop is not null)
            {
                return Loops.Describe(Loop);
            }

            var line = Lambda!.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            return $"the {Call} lambda (line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }

        /// <summary>"List.ForEach", "Parallel.ForEachAsync" or "Select" when the lambda runs per element of that call.</summary>
        private static string? PerElementCall(IAnonymousFunctionOperation lambda)
        {
            var parent = lambda.Parent;
            if (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return null;
            }

            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            var ns = type?.ContainingNamespace?.ToDisplayString();
            return (type?.Name, ns) switch
            {
                ("List", "System.Collections.Generic") when method.Name == "ForEach" => "List.ForEach",
                ("Parallel", "System.Threading.Tasks") when method.Name is "For" or "ForEach" or "ForEachAsync" or "ForAsync" => "Parallel." + method.Name,
                ("Enumerable", "System.Linq") when PerElementNames.Contains(method.Name) => method.Name,
                _ => null,
            };
        }
    }
}
