using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sargable.Analyzers.Model;
using Sargable.Analyzers.Query;
using Sargable.Shapes;

namespace Sargable.Analyzers
{
    /// <summary>
    /// SARG0001, SARG0002, SARG0003, SARG0006, SARG0007, SARG0008: each executed EF query becomes a core <see cref="QueryShape"/>
    /// and the EF model in the compilation an <see cref="Registry.IndexRegistry"/>; the core engine decides, this
    /// analyzer only maps findings back to the LINQ call that best shows them.
    /// </summary>
    internal static class QueryShapeRules
    {
        /// <summary>Diagnostic property: the order a SARG0003 fix writes ("UpdatedAt,Id").</summary>
        public const string OrderByProperty = "Sargable.OrderBy";

        /// <summary>Diagnostic property: the key a SARG0007 fix appends ("Id").</summary>
        public const string ThenByProperty = "Sargable.ThenBy";

        /// <summary>Diagnostic property: "true" when the fix's order keys are descending.</summary>
        public const string DescendingProperty = "Sargable.Descending";

        /// <summary>
        /// Diagnostic property on SARG0001: "foreach" when the loop has the form the EachBatchAsync fix rewrites (a plain
        /// foreach over the query in an async method); the fix is offered only where EachBatchAsync resolves.
        /// </summary>
        public const string BatchProperty = "Sargable.Batch";

        /// <summary>Diagnostic property on every shape finding: what the table-size judgement rested on (<see cref="Registry.TableSizeBasis"/>).</summary>
        public const string SizeBasisProperty = "Sargable.SizeBasis";

        /// <summary>Diagnostic property on every shape finding: the size knowledge in words ("inferred lookup table (seeded with HasData)").</summary>
        public const string SizeKnowledgeProperty = "Sargable.SizeKnowledge";

        /// <summary>Diagnostic property on every shape finding: the existing index that came closest, when there is one.</summary>
        public const string ClosestIndexProperty = "Sargable.ClosestIndex";

        /// <summary>
        /// Diagnostic property on SARG0010: "any" when the count is compared to mean "at least one row"
        /// (<c>Count() &gt; 0</c>, <c>&gt;= 1</c>, <c>!= 0</c>), "none" for <c>Count() == 0</c>; the fix writes Any() / !Any().
        /// </summary>
        public const string ExistenceProperty = "Sargable.Existence";

        internal static void ReportInvalidRegistry(AdditionalFileAnalysisContext context, CompilationState state)
        {
            if (!CompilationState.IsRegistryFile(context.AdditionalFile.Path) || state.ReadRegistryFile(context.CancellationToken).Error is not { } error)
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            var location = Location.None;
            if (text is not null && error.Line > 0 && error.Line <= text.Lines.Count)
            {
                var line = text.Lines[error.Line - 1];
                var start = Math.Min(line.Start + Math.Max(0, error.Column - 1), line.End);
                var span = TextSpan.FromBounds(start, line.End);
                location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidRegistry, location, error.Message + " The analyzers use only the EF model until it is fixed."));
        }

        /// <summary>Every called name <see cref="IsCandidate"/> accepts (and <c>foreach</c>, for the statements).</summary>
        internal static IEnumerable<string> CandidateNames => QueryChains.TerminalNames.Concat(new[] { "foreach" });

        internal static bool IsCandidate(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax invocation => invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => QueryChains.IsTerminalName(member.Name.Identifier.ValueText),
                MemberBindingExpressionSyntax binding => QueryChains.IsTerminalName(binding.Name.Identifier.ValueText),
                _ => false,
            },
            ForEachStatementSyntax or ForEachVariableStatementSyntax => true,
            _ => false,
        };

        internal static void AnalyzeInvocation(NodeContext context, CompilationState state, bool reportFromSyntax)
        {
            var syntax = (InvocationExpressionSyntax)context.Node;
            if (!MayBeQuery(syntax, state, context))
            {
                return;
            }

            var read = SyntaxShapeReader.TryRead(syntax, state.GetModel(context.CancellationToken), state.GetDbSets(context.CancellationToken));
            if (read is not null && DecidedBySyntax(context, state, read, reportFromSyntax, batchFix: false))
            {
                return;
            }

            if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation || QueryChains.IsInsideExpressionTree(invocation))
            {
                return;
            }

            var chain = QueryChains.FromInvocation(invocation, state.Symbols, context.CancellationToken);
            if (chain is not null)
            {
                Analyze(context, state, chain, batchFix: false);
            }
        }

        internal static void AnalyzeForEach(NodeContext context, CompilationState state, bool reportFromSyntax)
        {
            var statement = context.Node as CommonForEachStatementSyntax;
            var collection = statement?.Expression;
            if (statement is null || collection is null || !MayBeQuery(collection, state, context))
            {
                return;
            }

            var read = SyntaxShapeReader.TryReadCollection(collection, state.GetModel(context.CancellationToken), state.GetDbSets(context.CancellationToken));
            var syntaxBatchFix = (statement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword) || IsInAsyncMethod(statement)) && statement is ForEachStatementSyntax;
            if (read is not null && DecidedBySyntax(context, state, read, reportFromSyntax, syntaxBatchFix))
            {
                return;
            }

            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IForEachLoopOperation loop)
            {
                return;
            }

            var chain = QueryChains.FromForEach(loop, state.Symbols, context.CancellationToken);
            if (chain is not null)
            {
                var asyncContext = loop.IsAsynchronous || IsInAsyncMethod(context.Node);
                Analyze(context, state, chain, batchFix: asyncContext && context.Node is ForEachStatementSyntax);
            }
        }

        /// <summary>
        /// True when the syntax reading settles the query without binding: the engine finds nothing in it, or it finds
        /// something, the reading is certain and the DbSet is confirmed from declarations (then it is reported here).
        /// False sends the query to the binding reader.
        /// </summary>
        private static bool DecidedBySyntax(NodeContext context, CompilationState state, SyntaxRead read, bool reportFromSyntax, bool batchFix)
        {
            var cancellationToken = context.CancellationToken;
            var engine = state.GetEngine(EditorConfigOptions.Read(context.Options, context.Node.SyntaxTree), cancellationToken);
            var findings = engine.Evaluate(read.Shape.Shape);
            if (findings.Count == 0)
            {
                return true;
            }

            // Inside a lambda the query may be part of an expression tree; a Skip in a loop may be SARG0001's paging loop.
            // Both need the code flow that only binding shows.
            if (!reportFromSyntax || !read.Reportable || state.GetRelevance(cancellationToken).HasOperatorLookalikes ||
                context.Node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or QueryExpressionSyntax) ||
                (read.Shape.SkipCall is not null && Loops.HasLoopAncestor(context.Node)))
            {
                return false;
            }

            if (!DbSetRootResolver.Confirms(read, state.GetModel(cancellationToken), context.SemanticModel, state.Symbols, cancellationToken))
            {
                return false;
            }

            Report(context, read.Shape, engine, findings, batchFix);
            return true;
        }

        /// <summary>
        /// Syntax-only: can this expression be an EF query the binding reader would follow? Its receiver chain must start
        /// at a DbSet member (<c>db.Deployments</c>, <c>_deployments</c>), at <c>Set&lt;T&gt;()</c>, or at a local whose
        /// initializer does and is not awaited (a query, not its loaded rows). Anything else needs no binding.
        /// </summary>
        private static bool MayBeQuery(ExpressionSyntax expression, CompilationState state, NodeContext context)
        {
            var names = state.GetRelevance(context.CancellationToken).DbSets;
            for (var depth = 0; depth < 8; depth++)
            {
                var root = ChainRoot(expression);
                switch (root)
                {
                    case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name }:
                        return names.ContainsKey(name.Identifier.ValueText);
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Set" } } or GenericNameSyntax { Identifier.ValueText: "Set" } }:
                        return true;
                    case IdentifierNameSyntax identifier when names.ContainsKey(identifier.Identifier.ValueText):
                        return true;
                    case IdentifierNameSyntax identifier:
                        var scope = root.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() is { } member
                            ? member is GlobalStatementSyntax ? member.Parent : member
                            : null;
                        var declarator = scope is null ? null : context.Locals.First(scope, identifier.Identifier.ValueText, root.SpanStart);
                        if (declarator?.Initializer?.Value is not { } initializer || initializer is AwaitExpressionSyntax)
                        {
                            return false;
                        }

                        expression = initializer;
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Where a receiver chain starts: down through calls (but not <c>Set&lt;T&gt;()</c>), parentheses and casts.</summary>
        internal static ExpressionSyntax ChainRoot(ExpressionSyntax expression)
        {
            var current = expression.WithoutParenthesesOrCasts();
            while (true)
            {
                switch (current)
                {
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } member }:
                        current = member.Expression.WithoutParenthesesOrCasts();
                        continue;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } member } when generic.Identifier.ValueText != "Set":
                        current = member.Expression.WithoutParenthesesOrCasts();
                        continue;
                    default:
                        return current;
                }
            }
        }

        private static bool IsInAsyncMethod(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                }
            }

            return false;
        }

        /// <summary>
        /// Reports the findings of a bound query. A query composed across statements is judged as executed: when some of
        /// its operators were appended only on some paths (<see cref="QueryChain.Optional"/>), only the findings of both
        /// the query with all of them and the query with none (same rule, same place) are reported, so what is reported
        /// holds whichever branches ran.
        /// </summary>
        private static void Analyze(NodeContext context, CompilationState state, QueryChain chain, bool batchFix)
        {
            var diagnostics = Diagnose(context, state, chain, batchFix);
            if (chain.Optional.Count > 0 && diagnostics.Count > 0)
            {
                var withAll = new HashSet<(string, TextSpan)>(diagnostics.Select(d => (d.Id, d.Location.SourceSpan)));
                diagnostics = Diagnose(context, state, chain.WithoutOptional(), batchFix).Where(d => withAll.Contains((d.Id, d.Location.SourceSpan))).ToList();
            }

            foreach (var diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static List<Diagnostic> Diagnose(NodeContext context, CompilationState state, QueryChain chain, bool batchFix)
        {
            var cancellationToken = context.CancellationToken;
            var model = state.GetModel(cancellationToken);
            var shape = ShapeBuilder.Build(chain, model, state.Symbols, cancellationToken);
            if (shape is null)
            {
                return new List<Diagnostic>();
            }

            var options = EditorConfigOptions.Read(context.Options, context.Node.SyntaxTree);
            var engine = state.GetEngine(options, cancellationToken);
            return Diagnose(context, shape, engine, engine.Evaluate(shape.Shape), batchFix);
        }

        private static void Report(NodeContext context, LinqShape shape, SargableEngine engine, IReadOnlyList<Finding> findings, bool batchFix)
        {
            foreach (var diagnostic in Diagnose(context, shape, engine, findings, batchFix))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static List<Diagnostic> Diagnose(NodeContext context, LinqShape shape, SargableEngine engine, IReadOnlyList<Finding> findings, bool batchFix)
        {
            var diagnostics = new List<Diagnostic>();
            var reported = new HashSet<(string, TextSpan)>();
            foreach (var finding in findings)
            {
                if (!Descriptors.ShapeRules.TryGetValue(finding.RuleId, out var descriptor) ||
                    (finding.RuleId == RuleIds.UnboundedRead && FeedsRemoveRange(context.Node)))
                {
                    continue;
                }

                var location = LocationOf(finding, shape);
                if (!reported.Add((finding.RuleId, location.SourceSpan)))
                {
                    continue;
                }

                var properties = FixProperties(finding, shape, batchFix);
                diagnostics.Add(Diagnostic.Create(descriptor, location, properties, finding.Message));
            }

            if (PagingLoop(shape, engine, findings) is { } pagingLoop)
            {
                diagnostics.Add(pagingLoop);
            }

            return diagnostics;
        }

        /// <summary>
        /// <c>RemoveRange(await q.ToListAsync())</c>: reading every row only to delete them is SARG0005's finding (with
        /// the ExecuteDelete fix); SARG0001 on the same read would be the same problem reported twice.
        /// </summary>
        private static bool FeedsRemoveRange(SyntaxNode execution)
        {
            var node = execution.Parent;
            while (node is AwaitExpressionSyntax or ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            return node is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RemoveRange" } } };
        }

        private static Location LocationOf(Finding finding, LinqShape shape)
        {
            var execution = shape.ExecutionLocation;
            return finding.RuleId switch
            {
                RuleIds.UnboundedRead or RuleIds.WholeTableAggregate => execution,
                RuleIds.FilterOrderMismatch or RuleIds.NoUniqueTieBreaker when shape.OrderCall is not null => QueryChains.CallLocation(shape.OrderCall),
                RuleIds.LargeOffset when shape.SkipCall is not null => QueryChains.CallLocation(shape.SkipCall),
                _ => shape.Find(finding.Location) ?? execution,
            };
        }

        /// <summary>
        /// What the code fix needs and why the finding fired, as diagnostic properties. The fix order comes from the
        /// finding (<see cref="Finding.SuggestedOrder"/>): the core computed it once, this only checks that the fix can
        /// write it (the order call exists, every key is a property of the entity).
        /// </summary>
        private static ImmutableDictionary<string, string?> FixProperties(Finding finding, LinqShape shape, bool batchFix)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(SizeBasisProperty, finding.SizeBasis.ToString())
                .Add(SizeKnowledgeProperty, finding.SizeNote)
                .Add(ClosestIndexProperty, finding.ClosestIndex);
            var access = finding.AccessId is { } id ? shape.Shape.Accesses[id] : null;
            var order = finding.SuggestedOrder;
            switch (finding.RuleId)
            {
                case RuleIds.UnboundedRead when batchFix && !shape.HasTerminal:
                    return properties.Add(BatchProperty, "foreach");
                case RuleIds.FilterOrderMismatch when access is { Id: 0 } && shape.OrderCall is not null && order is { Count: > 0 } && order.All(o => shape.Entities[0].HasProperty(o.Column)):
                    return properties
                        .Add(OrderByProperty, string.Join(",", order.Select(o => o.Column)))
                        .Add(DescendingProperty, order[0].Descending ? "true" : "false");
                case RuleIds.NoUniqueTieBreaker when access is { Id: 0 } && shape.LastOrderCall is not null && shape.Order.Count > 0 && order is not null && order.Count > access.OrderBy.Count:
                    {
                        var key = order.Skip(access.OrderBy.Count).Select(o => o.Column).ToList();
                        if (!key.All(shape.Entities[0].HasProperty))
                        {
                            return properties;
                        }

                        return properties
                            .Add(ThenByProperty, string.Join(",", key))
                            .Add(DescendingProperty, order[order.Count - 1].Descending ? "true" : "false");
                    }

                case RuleIds.WholeTableAggregate when WholeTableAggregateExistence.Of(shape) is { } existence:
                    return properties.Add(ExistenceProperty, existence);
                default:
                    return properties;
            }
        }

        /// <summary>
        /// SARG0001's loop form: Skip(page * n).Take(n) in a loop whose page advances reads the same rows as one unbounded
        /// read, cut into pages that each re-read everything before them. The engine judges the read without the paging.
        /// </summary>
        private static Diagnostic? PagingLoop(LinqShape shape, SargableEngine engine, IReadOnlyList<Finding> findings)
        {
            var chain = shape.Chain;
            var skip = chain is null || shape.SkipCall is null ? null
                : chain.Terminal?.Syntax == shape.SkipCall ? chain.Terminal : chain.Operators.FirstOrDefault(o => o.Syntax == shape.SkipCall);
            var first = shape.Shape.Accesses[0];
            if (chain is null || skip is null || first.Offset is not { Kind: not RowCountKind.Constant } || first.Limit is null || findings.Any(f => f.RuleId == RuleIds.UnboundedRead))
            {
                return null;
            }

            var loop = Loops.Enclosing(chain.Execution);
            if (loop is null || !Loops.ReferencesAny(skip.Arguments[skip.Arguments.Length - 1].Value, Loops.AdvancedLocals(loop)))
            {
                return null;
            }

            var unpaged = shape.Shape.Accesses.Select(access => access.Id != 0 ? access : access.WithoutPaging()).ToList();

            var whole = engine.Evaluate(new QueryShape(shape.Shape.Kind, unpaged, shape.Shape.Suppressions)).FirstOrDefault(f => f.RuleId == RuleIds.UnboundedRead);
            if (whole is null)
            {
                return null;
            }

            var described = Loops.Describe(loop);
            var message = $"{char.ToUpperInvariant(described[0])}{described.Substring(1)} pages through {first.Table} with Skip/Take, and each page re-reads every row before it. {whole.Message}";
            return Diagnostic.Create(Descriptors.UnboundedRead, shape.ExecutionLocation, message);
        }
    }
}
