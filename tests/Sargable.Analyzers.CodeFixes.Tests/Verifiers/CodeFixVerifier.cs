using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests.Verifiers
{
    /// <summary>
    /// Code-fix test: the marked-up source must report the marked diagnostics; applying the fix one diagnostic at a
    /// time, and separately with FixAll in the document, must both give the expected source, which must compile.
    /// </summary>
    public sealed class CodeFixTest
    {
        private const int MaxIterations = 12;

        public CodeFixTest(string markup, string expected, string ruleId, CodeFixProvider provider)
        {
            Markup = markup;
            Expected = expected;
            RuleId = ruleId;
            Provider = provider;
        }

        public string Markup { get; }

        public string Expected { get; }

        /// <summary>Expected FixAll output when it differs from applying fixes one by one.</summary>
        public string? ExpectedFixAll { get; init; }

        public string RuleId { get; }

        public CodeFixProvider Provider { get; }

        public List<string> Sources { get; } = new() { TestModel.Deployments };

        public Dictionary<string, string> EditorConfig { get; } = new();

        /// <summary>Extra metadata references of the test project (for example the runtime package's assembly).</summary>
        public List<MetadataReference> References { get; } = new();

        /// <summary>Set when the marked diagnostics must have no fix offered (the output must equal the input).</summary>
        public bool NoFixExpected { get; init; }

        public async Task RunAsync()
        {
            var analyzerTest = new AnalyzerTest(Markup, RuleId);
            analyzerTest.Sources.Clear();
            analyzerTest.Sources.AddRange(Sources);
            foreach (var pair in EditorConfig)
            {
                analyzerTest.EditorConfig[pair.Key] = pair.Value;
            }

            analyzerTest.References.AddRange(References);

            await analyzerTest.RunAsync();
            var (source, _) = Analyzers.Tests.Verifiers.Markup.Parse(Markup);

            var oneByOne = await ApplyOneByOneAsync(source);
            Compare("one fix at a time", NoFixExpected ? source : Expected, oneByOne.Text);
            var fixAll = await ApplyFixAllAsync(source);
            Compare("FixAll in document", NoFixExpected ? source : ExpectedFixAll ?? Expected, fixAll.Text);
            if (!NoFixExpected)
            {
                var errors = (await fixAll.Document.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, "The fixed source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }
        }

        private async Task<(Document Document, string Text)> ApplyOneByOneAsync(string source)
        {
            var document = CreateDocument(source);
            for (var i = 0; i < MaxIterations; i++)
            {
                var action = await FirstActionAsync(document);
                if (action is null)
                {
                    break;
                }

                document = await ApplyAsync(document, action);
            }

            return (document, (await document.GetTextAsync()).ToString());
        }

        private async Task<(Document Document, string Text)> ApplyFixAllAsync(string source)
        {
            var document = CreateDocument(source);
            for (var i = 0; i < MaxIterations; i++)
            {
                var first = await FirstActionAsync(document);
                if (first is null)
                {
                    break;
                }

                var provider = Provider.GetFixAllProvider();
                Assert.NotNull(provider);
                var context = new FixAllContext(document, Provider, FixAllScope.Document, first.EquivalenceKey, new[] { RuleId }, new DiagnosticProvider(this), CancellationToken.None);
                var action = await provider!.GetFixAsync(context);
                Assert.NotNull(action);
                document = await ApplyAsync(document, action!);
            }

            return (document, (await document.GetTextAsync()).ToString());
        }

        private async Task<CodeAction?> FirstActionAsync(Document document)
        {
            foreach (var diagnostic in await DiagnosticsAsync(document))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
                await Provider.RegisterCodeFixesAsync(context);
                if (actions.Count > 0)
                {
                    Assert.StartsWith(CodeFixAssembly.EquivalenceKeyPrefix, actions[0].EquivalenceKey, StringComparison.Ordinal);
                    return actions[0];
                }
            }

            return null;
        }

        private static async Task<Document> ApplyAsync(Document document, CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var apply = operations.OfType<ApplyChangesOperation>().Single();
            return apply.ChangedSolution.GetDocument(document.Id)!;
        }

        internal async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            var tree = await document.GetSyntaxTreeAsync();
            var diagnostics = await AnalyzerRunner.AnalyzeAsync(compilation, EditorConfig);
            return diagnostics.Where(d => d.Id == RuleId && d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private Document CreateDocument(string source)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp)
                    .WithParseOptions(AnalyzerRunner.ParseOptions)
                    .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                    .WithMetadataReferences(TestReferences.WithEfCore.AddRange(References)));
            var documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs");
            var n = 1;
            foreach (var other in Sources.Prepend(TestModel.GlobalUsings))
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Test{n}.cs", SourceText.From(other), filePath: $"/0/Test{n}.cs");
                n++;
            }

            return solution.GetDocument(documentId)!;
        }

        private static void Compare(string how, string expected, string actual)
        {
            expected = expected.Replace("\r\n", "\n", StringComparison.Ordinal);
            actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
            if (expected == actual)
            {
                return;
            }

            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var message = new StringBuilder($"The fixed source ({how}) differs from the expected one:").AppendLine();
            for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
            {
                var e = i < expectedLines.Length ? expectedLines[i] : null;
                var a = i < actualLines.Length ? actualLines[i] : null;
                if (e == a)
                {
                    message.Append("    ").AppendLine(e);
                }
                else
                {
                    if (e is not null)
                    {
                        message.Append("  - ").AppendLine(e);
                    }

                    if (a is not null)
                    {
                        message.Append("  + ").AppendLine(a);
                    }
                }
            }

            throw new Xunit.Sdk.XunitException(message.ToString());
        }

        private sealed class DiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly CodeFixTest test;

            public DiagnosticProvider(CodeFixTest test) => this.test = test;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                await test.DiagnosticsAsync(document);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await GetAllDiagnosticsAsync(project, cancellationToken);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                var all = new List<Diagnostic>();
                foreach (var document in project.Documents)
                {
                    all.AddRange(await test.DiagnosticsAsync(document));
                }

                return all;
            }
        }
    }
}
