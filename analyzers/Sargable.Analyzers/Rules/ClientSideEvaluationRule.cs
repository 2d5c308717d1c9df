using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Query;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0009: a LINQ operator the database could run (Where, Count, Any, First, OrderBy, Take, Sum...) applied in memory
    /// right after an EF query was materialized (<c>ToList()</c>, <c>AsEnumerable()</c>, <c>await ToListAsync()</c>).
    /// Operators whose lambdas EF could not translate (C# methods, tuples or objects from memory, unmapped properties) are not
    /// reported: that is the legitimate "rest in memory" form (<see cref="TranslatableLambda"/>).
    /// </summary>
    internal static class ClientSideEvaluationRule
    {
        /// <summary>Diagnostic property: the materializing method the operator follows (ToList, ToListAsync, AsEnumerable...).</summary>
        public const string MaterializerProperty = "Sargable.Materializer";

        private static readonly HashSet<string> Operators = new(System.StringComparer.Ordinal)
        {
            "Where", "Count", "LongCount", "Any", "All", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault",
            "Take", "Skip", "OrderBy", "OrderByDescending", "Sum", "Min", "Max", "Average", "Distinct",
        };

        /// <summary>Every called name <see cref="IsCandidate"/> accepts.</summary>
        internal static IEnumerable<string> CandidateNames => Operators;

        internal static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } && Operators.Contains(member.Name.Identifier.ValueText);

        internal static void Analyze(NodeContext context, EfSymbols symbols)
        {
            var syntax = (InvocationExpressionSyntax)context.Node;
            var member = (MemberAccessExpressionSyntax)syntax.Expression;

            // Cheap syntax check first: the receiver must itself be a call (x.ToList()) or an awaited one ((await x.ToListAsync())).
            var receiver = member.Expression;
            while (receiver is ParenthesizedExpressionSyntax parenthesized)
            {
                receiver = parenthesized.Expression;
            }

            if (receiver is AwaitExpressionSyntax awaitSyntax)
            {
                receiver = awaitSyntax.Expression;
            }

            if (receiver is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } || !QueryChains.IsMaterializing(inner.Name.Identifier.ValueText))
            {
                return;
            }

            if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation ||
                !symbols.IsEnumerableMethod(invocation.TargetMethod) || invocation.Arguments.Length == 0 || QueryChains.IsInsideExpressionTree(invocation))
            {
                return;
            }

            var source = invocation.Arguments[0].Value.Unwrap();
            var awaited = false;
            if (source is IAwaitOperation awaitOperation)
            {
                awaited = true;
                source = awaitOperation.Operation.Unwrap();
            }

            if (source is not IInvocationOperation materializer || QueryChains.FromInvocation(materializer, symbols, context.CancellationToken) is not { Kind: ExecutionKind.Enumerate })
            {
                return;
            }

            // The operator's lambdas must be translatable: a C# method call on the row stays in memory on purpose.
            foreach (var argument in invocation.Arguments.Skip(1))
            {
                var lambda = argument.Value.AsLambda();
                if (argument.Value.Unwrap() is IMethodReferenceOperation || (lambda is not null && !TranslatableLambda.Check(lambda, symbols)))
                {
                    return;
                }
            }

            var name = invocation.TargetMethod.Name;
            var materializerName = materializer.TargetMethod.Name;
            var what = name is "Count" or "LongCount" or "Sum" or "Min" or "Max" or "Average" ? "counts or aggregates" : name is "Where" ? "filters" : "runs";
            var instead = awaited && IsTerminal(name) ? $"{name}Async on the query" : $"{name} before {materializerName}";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(MaterializerProperty, materializerName);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ClientSideEvaluation,
                QueryChains.CallLocation(invocation),
                properties,
                $"{name} {what} in memory after {materializerName} loaded every row of the query; call {instead} so the database does it."));
        }

        internal static bool IsTerminal(string name) => name is not ("Where" or "Take" or "Skip" or "OrderBy" or "OrderByDescending" or "Distinct");
    }
}
