using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// The cost the Sargable analyzers add to a build: compiling and analyzing each generated ~500-file EF project
    /// (<see cref="GeneratedEfProject"/>, <see cref="GeneratedRepositoryProject"/>) with every rule, against the same
    /// with an analyzer that does nothing. Target: ratio at most 1.05 for both.
    /// <c>dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- --filter '*AnalyzerOverhead*'</c>
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(CompilerWorkloadConfig))]
    public class AnalyzerOverheadBenchmarks
    {
        private GeneratedCompileWorkload? workload;
        private readonly List<(double Operation, double Own)> operations = new();
        private TimedAnalyzer? timed;
        private ImmutableArray<DiagnosticAnalyzer> queryGuard;
        private ImmutableArray<DiagnosticAnalyzer> empty;
        private ImmutableArray<DiagnosticAnalyzer> noOpModel;

        /// <summary>
        /// "services": services that query their DbContext directly (the nine slow shapes planted); "repositories":
        /// the same entities behind repositories and a unit of work, with N+1 calls the query summaries must find.
        /// </summary>
        [Params("services", "repositories")]
        public string Project { get; set; } = "services";

        /// <summary>
        /// The same work three times. BenchmarkDotNet runs the three methods of one round back to back and the rounds one
        /// after the other, so each round's ratio compares processes a few minutes apart; on the development VM the
        /// speed of the whole machine drifts by more than the 5% bound over the quarter hour a run takes (see
        /// <see cref="CompilerWorkloadConfig"/>), and one ratio per round shows how far.
        /// </summary>
        [Params(1, 2, 3)]
        public int Round { get; set; } = 1;

        [GlobalSetup]
        public void Setup()
        {
            workload = GeneratedCompileWorkload.For(Project);
            timed = new TimedAnalyzer(new Sargable.Analyzers.SargableAnalyzer());
            queryGuard = ImmutableArray.Create<DiagnosticAnalyzer>(timed);
            empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
            noOpModel = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpSemanticModelAnalyzer());
        }

        [Benchmark(Baseline = true, Description = "compile + empty analyzer")]
        public Task<int> EmptyAnalyzer() => RunAsync(empty);

        /// <summary>
        /// Not the target's baseline, a reference point: what the analyzer driver costs for any analyzer that registers
        /// one semantic-model action (as Sargable does) and does nothing in it. The gap between this row and Sargable's
        /// is the analyzers' own work.
        /// </summary>
        [Benchmark(Description = "compile + no-op semantic-model analyzer")]
        public Task<int> NoOpSemanticModelAnalyzer() => RunAsync(noOpModel);

        /// <summary>
        /// Also records how long Sargable's own actions took within the operation (<see cref="TimedAnalyzer"/>), for the
        /// "Own time" column (<see cref="AnalyzerTimeDiagnoser"/>): unlike the ratio, it does not depend on how fast the
        /// machine ran each process.
        /// </summary>
        [Benchmark(Description = "compile + Sargable analyzers")]
        public async Task<int> SargableAnalyzers()
        {
            timed!.Reset();
            var clock = Stopwatch.StartNew();
            var count = await RunAsync(queryGuard).ConfigureAwait(false);
            operations.Add((clock.Elapsed.TotalSeconds, timed.Elapsed.TotalSeconds));
            return count;
        }

        [GlobalCleanup]
        public void WriteOwnTimes()
        {
            if (operations.Count > 0 && Environment.GetEnvironmentVariable(AnalyzerTimeDiagnoser.FolderVariable) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllLines(
                    AnalyzerTimeDiagnoser.FileFor(folder, Project, Round),
                    operations.Select(op => string.Create(CultureInfo.InvariantCulture, $"{op.Operation:R} {op.Own:R}")));
            }
        }

        private Task<int> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers) => workload!.RunAsync(analyzers);
    }

    /// <summary>The baseline: an analyzer that registers nothing, so only the compiler and the analyzer driver run.</summary>
    /// <remarks>It is only ever instantiated in this process, never shipped: the analyzer-authoring rules do not apply.</remarks>
#pragma warning disable RS1036, RS1041, RS2008 // Not a shipped analyzer: no extended rules, release tracking or netstandard target needed.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH0000", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }

    /// <summary>Registers what Sargable registers (one semantic-model action per compilation) and does nothing in it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoOpSemanticModelAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterSemanticModelAction(_ => { }));
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
