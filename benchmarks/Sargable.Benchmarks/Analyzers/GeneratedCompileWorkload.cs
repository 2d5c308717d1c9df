using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// One operation of the analyzer benchmarks: compile a generated ~500-file project from scratch and run the given
    /// analyzers over it, on one thread (see <see cref="CompilerWorkloadConfig"/>). Shared by the suites so that every
    /// ratio compares exactly the same work.
    /// </summary>
    public sealed class GeneratedCompileWorkload
    {
        private readonly ImmutableArray<SyntaxTree> trees;
        private readonly ImmutableArray<MetadataReference> references;

        private GeneratedCompileWorkload(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        {
            this.trees = trees;
            this.references = references;
        }

        /// <summary>
        /// "services": services that query their DbContext directly (the nine slow shapes planted); "repositories": the
        /// same entities behind repositories and a unit of work, with N+1 calls the query summaries must find.
        /// </summary>
        public static GeneratedCompileWorkload For(string project) => new(
            GeneratedEfProject.Parse(project switch
            {
                "services" => GeneratedEfProject.Sources(500),
                "repositories" => GeneratedRepositoryProject.Sources(500),
                _ => throw new System.ArgumentException($"Unknown generated project '{project}'; expected 'services' or 'repositories'.", nameof(project)),
            }),
            GeneratedEfProject.References(typeof(Microsoft.EntityFrameworkCore.DbContext), typeof(Microsoft.EntityFrameworkCore.RelationalQueryableExtensions)));

        /// <summary>Compiles and analyzes; returns the number of diagnostics, so the work cannot be optimized away.</summary>
        public async Task<int> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            // A fresh compilation each time: nothing bound by an earlier operation is reused.
            var compilation = GeneratedEfProject.Compile(trees, references);
            compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync().ConfigureAwait(false);
            return diagnostics.Length;
        }
    }
}
