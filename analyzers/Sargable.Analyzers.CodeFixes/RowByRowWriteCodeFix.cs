using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Sargable.Analyzers.CodeFixes
{
    /// <summary>
    /// SARG0005: replaces a remove loop, a <c>RemoveRange</c> of a loaded query, or a load-modify-save loop with one
    /// <c>ExecuteDeleteAsync</c> / <c>ExecuteUpdateAsync</c> on the query (synchronous forms stay synchronous).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RowByRowWriteCodeFix))]
    [Shared]
    public sealed class RowByRowWriteCodeFix : SargableCodeFix
    {
        public const string EquivalenceKey = CodeFixAssembly.EquivalenceKeyPrefix + "SetBasedWrite";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RowByRowWrite);

        protected override string Key => EquivalenceKey;

        protected override string? Title(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(RowByRowWriteRule.FixProperty, out var kind) || kind is null || Plan(root, diagnostic) is not { } plan)
            {
                return null;
            }

            return kind == "update" ? $"Update all rows with one {plan.Method}" : $"Delete all rows with one {plan.Method}";
        }

        private sealed class FixPlan
        {
            public FixPlan(StatementSyntax statement, ExpressionSyntax query, bool isAsync, SeparatedSyntaxList<ArgumentSyntax> extraArguments, string method, ForEachStatementSyntax? updateLoop)
            {
                Statement = statement;
                Query = query;
                Async = isAsync;
                ExtraArguments = extraArguments;
                Method = method;
                UpdateLoop = updateLoop;
            }

            public StatementSyntax Statement { get; }

            public ExpressionSyntax Query { get; }

            public bool Async { get; }

            public SeparatedSyntaxList<ArgumentSyntax> ExtraArguments { get; }

            public string Method { get; }

            public ForEachStatementSyntax? UpdateLoop { get; }
        }

        private static FixPlan? Plan(SyntaxNode root, Diagnostic diagnostic)
        {
            var kind = diagnostic.Properties[RowByRowWriteRule.FixProperty];
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (kind == "update")
            {
                var loop = node.AncestorsAndSelf().OfType<ForEachStatementSyntax>().FirstOrDefault();
                return loop is null ? null : PlanFor(loop, loop.Expression, "ExecuteUpdate", loop);
            }

            var call = FixSyntax.CallAt(root, diagnostic.Location.SourceSpan);
            if (call is null)
            {
                return null;
            }

            if (call.Name() == "RemoveRange" && call.Parent is ExpressionStatementSyntax statement && call.ArgumentList.Arguments.Count == 1)
            {
                return PlanFor(statement, call.ArgumentList.Arguments[0].Expression, "ExecuteDelete", null);
            }

            var removeLoop = call.Ancestors().OfType<ForEachStatementSyntax>().FirstOrDefault();
            return removeLoop is null ? null : PlanFor(removeLoop, removeLoop.Expression, "ExecuteDelete", null);
        }

        private static FixPlan? PlanFor(StatementSyntax statement, ExpressionSyntax loaded, string method, ForEachStatementSyntax? updateLoop)
        {
            var expression = FixSyntax.Unparenthesize(loaded);
            if (expression is AwaitExpressionSyntax awaited && FixSyntax.Unparenthesize(awaited.Expression) is InvocationExpressionSyntax asyncLoad &&
                asyncLoad.Name() is { } asyncName && asyncName.EndsWith("Async", System.StringComparison.Ordinal))
            {
                return new FixPlan(statement, asyncLoad.Member()!.Expression, true, asyncLoad.ArgumentList.Arguments, method + "Async", updateLoop);
            }

            if (expression is InvocationExpressionSyntax load && load.Name() is "ToList" or "ToArray" or "AsEnumerable")
            {
                return new FixPlan(statement, load.Member()!.Expression, false, default, method, updateLoop);
            }

            // The query itself (foreach over an IQueryable, RemoveRange(query)).
            return new FixPlan(statement, expression, false, default, method, updateLoop);
        }

        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || Plan(root, diagnostic) is not { } plan)
            {
                return document;
            }

            var arguments = new List<ArgumentSyntax>();
            if (plan.UpdateLoop is { } loop)
            {
                // s => s.SetProperty(d => d.Status, value).SetProperty(...)
                var item = loop.Identifier.ValueText;
                ExpressionSyntax setters = IdentifierName("s");
                foreach (var assignment in ((BlockSyntax)loop.Statement).Statements.Cast<ExpressionStatementSyntax>().Select(s => (AssignmentExpressionSyntax)s.Expression))
                {
                    var property = ((MemberAccessExpressionSyntax)assignment.Left).Name.Identifier.ValueText;
                    setters = FixSyntax.Call(setters, "SetProperty", Argument(FixSyntax.PropertyLambda(item, property)), Argument(assignment.Right.WithoutTrivia()));
                }

                arguments.Add(Argument(SimpleLambdaExpression(Parameter(Identifier("s")), setters)));
            }

            arguments.AddRange(plan.ExtraArguments);
            ExpressionSyntax call = FixSyntax.Call(plan.Query.WithoutTrivia(), plan.Method, arguments.ToArray());
            if (plan.Async)
            {
                call = AwaitExpression(call);
            }

            var replacement = ExpressionStatement(call).WithTriviaFrom(plan.Statement);
            return document.WithSyntaxRoot(root.ReplaceNode(plan.Statement, replacement));
        }
    }
}
