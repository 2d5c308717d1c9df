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
    /// SARG0009: moves the operator before the materialization so the database runs it:
    /// <c>q.ToList().Where(p)</c> → <c>q.Where(p).ToList()</c>, <c>q.ToList().Count(p)</c> → <c>q.Count(p)</c>,
    /// <c>(await q.ToListAsync(ct)).Count(p)</c> → <c>await q.CountAsync(p, ct)</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientSideEvaluationCodeFix))]
    [Shared]
    public sealed class ClientSideEvaluationCodeFix : SargableCodeFix
    {
        public const string EquivalenceKey = CodeFixAssembly.EquivalenceKeyPrefix + "MoveBeforeMaterialization";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ClientSideEvaluation);

        protected override string Key => EquivalenceKey;

        protected override string? Title(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
            FixSyntax.CallAt(root, diagnostic.Location.SourceSpan) is { } call && Split(call) is not null ? $"Run {call.Name()} in the database" : null;

        /// <summary>The operator's materialization: the materializing call and whether it is awaited.</summary>
        private static (InvocationExpressionSyntax Materializer, bool Awaited)? Split(InvocationExpressionSyntax call)
        {
            if (call.Member() is not { } member)
            {
                return null;
            }

            var receiver = FixSyntax.Unparenthesize(member.Expression);
            var awaited = false;
            if (receiver is AwaitExpressionSyntax awaitExpression)
            {
                awaited = true;
                receiver = FixSyntax.Unparenthesize(awaitExpression.Expression);
            }

            return receiver is InvocationExpressionSyntax materializer && materializer.Member() is not null ? (materializer, awaited) : null;
        }

        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var call = root is null ? null : FixSyntax.CallAt(root, diagnostic.Location.SourceSpan);
            if (root is null || call?.Member() is not { } member || Split(call) is not var (materializer, awaited))
            {
                return document;
            }

            // The line break before the operator's dot ends the receiver (trailing trivia of its last token): keep it there.
            var query = materializer.Member()!.Expression.WithTrailingTrivia(member.Expression.GetTrailingTrivia());
            var name = call.Name()!;
            ExpressionSyntax replacement;
            if (Sargable.Analyzers.ClientSideEvaluationRule.IsTerminal(name))
            {
                if (awaited)
                {
                    // (await q.ToListAsync(ct)).Count(p) → await q.CountAsync(p, ct)
                    var arguments = call.ArgumentList.Arguments.AddRange(materializer.ArgumentList.Arguments);
                    var asyncCall = InvocationExpression(member.WithExpression(query).WithName(IdentifierName(name + "Async")), ArgumentList(SeparatedList(arguments)));
                    replacement = FixSyntax.ParenthesizeIfNeeded(AwaitExpression(asyncCall), call);
                }
                else
                {
                    // q.ToList().Count(p) → q.Count(p)
                    replacement = call.WithExpression(member.WithExpression(query));
                }
            }
            else
            {
                // q.ToList().Where(p) → q.Where(p).ToList(); the operator keeps its own line and the materializer follows it.
                var moved = call.WithExpression(member.WithExpression(query)).WithoutTrailingTrivia();
                var materialized = materializer.WithExpression(materializer.Member()!.WithExpression(moved)).WithTrailingTrivia(call.GetTrailingTrivia());
                replacement = awaited ? ParenthesizedExpression(AwaitExpression(materialized)) : materialized;
            }

            return document.WithSyntaxRoot(root.ReplaceNode(call, replacement.WithTriviaFrom(call)));
        }
    }
}
