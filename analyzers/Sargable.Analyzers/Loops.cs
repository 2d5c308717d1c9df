using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers
{
    /// <summary>Loop facts for the code-flow rules: the enclosing loop of an operation and the values that change per iteration.</summary>
    internal static class Loops
    {
        /// <summary>The nearest loop whose body contains the operation, without crossing a lambda or local function.</summary>
        /// <summary>Syntax only: is the node inside a loop statement of its member (lambdas and local functions included)?</summary>
        public static bool HasLoopAncestor(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                        return true;
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        public static ILoopOperation? Enclosing(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                    case ILoopOperation loop when child == loop.Body || IsInBody(loop, child):
                        return loop;
                }
            }

            return null;
        }

        /// <summary>The condition of a do loop runs with each iteration, as its body does.</summary>
        internal static bool IsInBody(ILoopOperation loop, IOperation child) =>
            loop is IWhileLoopOperation { Condition: { } condition } && child == condition && loop.Syntax is DoStatementSyntax;

        /// <summary>
        /// Locals that take a new value for each item: foreach and for variables and locals declared in the body.
        /// (Locals only assigned in the body, like the cursor of a keyset loop, are not per-item values.)
        /// </summary>
        public static HashSet<ILocalSymbol> ItemLocals(ILoopOperation loop)
        {
            var locals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (var local in loop.Locals)
            {
                locals.Add(local);
            }

            if (loop is IForEachLoopOperation forEach && forEach.LoopControlVariable is IVariableDeclaratorOperation declarator)
            {
                locals.Add(declarator.Symbol);
            }

            foreach (var operation in loop.Body.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declared)
                {
                    locals.Add(declared.Symbol);
                }
            }

            return locals;
        }

        /// <summary>Locals the loop advances: for variables and locals incremented or assigned in the body or the for's step.</summary>
        public static HashSet<ILocalSymbol> AdvancedLocals(ILoopOperation loop)
        {
            var locals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (var local in loop.Locals)
            {
                locals.Add(local);
            }

            foreach (var operation in loop.DescendantsAndSelf())
            {
                var target = operation switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IIncrementOrDecrementOperation increment => increment.Target,
                    _ => null,
                };
                if (target is ILocalReferenceOperation local)
                {
                    locals.Add(local.Local);
                }
            }

            return locals;
        }

        public static bool ReferencesAny(IOperation operation, HashSet<ILocalSymbol> locals) =>
            operation.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation reference && locals.Contains(reference.Local));

        /// <summary>"the foreach over environments (line 12)" style description of a loop.</summary>
        public static string Describe(ILoopOperation loop)
        {
            var line = loop.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var text = loop.Syntax switch
            {
                ForEachStatementSyntax forEach => $"the foreach over {Shorten(forEach.Expression.ToString())}",
                ForEachVariableStatementSyntax forEachVariable => $"the foreach over {Shorten(forEachVariable.Expression.ToString())}",
                ForStatementSyntax => "the for loop",
                WhileStatementSyntax => "the while loop",
                DoStatementSyntax => "the do loop",
                _ => "the loop",
            };
            return text + " (line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        }

        private static string Shorten(string text)
        {
            text = string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= 40 ? text : text.Substring(0, 37) + "...";
        }
    }
}
