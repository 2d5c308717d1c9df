using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// Adds the columns the analyzer suites measure inside their operations: "Own time" (<see cref="AnalyzerOverheadBenchmarks"/>),
    /// the analyzers' own time (<see cref="TimedAnalyzer"/>) as a share of the rest of the same operation; and "Paired
    /// ratio" with its 95% interval (<see cref="PairedAnalyzerOverheadBenchmarks"/>). Both are medians over the measured
    /// iterations. The benchmark process writes one line per operation to a file named after its parameters in a folder
    /// this host process names; this diagnoser reads it when the case ends and moves it to the results folder
    /// (<c>analyzer-times-*.txt</c>, all operations, warm-ups first).
    /// </summary>
    public sealed class AnalyzerTimeDiagnoser : IDiagnoser
    {
        /// <summary>The environment variable naming the folder; benchmark processes inherit it from the host.</summary>
        public const string FolderVariable = "SARGABLE_BENCH_ANALYZER_TIMES";

        private readonly string folder = Path.Combine(Path.GetTempPath(), "sargable-analyzer-times-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        /// <summary>
        /// Names the folder to the benchmark processes. BenchmarkDotNet copies the host's environment into a process's
        /// start info before it signals diagnosers, so this happens when the config is built; the folder itself is created
        /// by the first benchmark process that writes to it, so listing or running other suites leaves nothing behind.
        /// </summary>
        public AnalyzerTimeDiagnoser() => Environment.SetEnvironmentVariable(FolderVariable, folder);

        public IEnumerable<string> Ids => new[] { nameof(AnalyzerTimeDiagnoser) };

        public IEnumerable<IExporter> Exporters => Array.Empty<IExporter>();

        public IEnumerable<IAnalyser> Analysers => Array.Empty<IAnalyser>();

        /// <summary>The file a benchmark process writes its operations to.</summary>
        public static string FileFor(string folder, string project, int round) =>
            Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{project}-{round}.txt"));

        /// <summary>The file a paired benchmark process writes its pairs to.</summary>
        public static string PairsFileFor(string folder, string project) =>
            Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{project}-paired.txt"));

        public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

        public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => false;

        public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
        {
        }

        public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
        {
            var method = results.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var project = results.BenchmarkCase.Parameters["Project"] as string;
            if (project is null)
            {
                return Array.Empty<Metric>();
            }

            // The last lines of a file are the measured iterations; the ones before are the jitting and warm-up operations.
            var measured = results.BenchmarkCase.Job.Run.IterationCount;
            var keep = Path.Combine(results.BenchmarkCase.Config.ArtifactsPath, "results");
            if (method == nameof(PairedAnalyzerOverheadBenchmarks.EmptyAndSargable))
            {
                // Each line: the empty analyzer's seconds, Sargable's, and which ran first. Consecutive pairs alternate
                // the order; the geometric mean of two of them cancels what running first costs.
                var balanced = BalancedRatios.Of(ReadOperations(PairsFileFor(folder, project), "paired compile times", measured, keep));
                var (low, high) = MedianInterval.Ranks(balanced.Count);
                return new[]
                {
                    new Metric(RatioDescriptor.Median, MedianInterval.Median(balanced)),
                    new Metric(RatioDescriptor.Low, balanced[low]),
                    new Metric(RatioDescriptor.High, balanced[high]),
                };
            }

            if (method == nameof(AnalyzerOverheadBenchmarks.SargableAnalyzers) && results.BenchmarkCase.Parameters["Round"] is int round)
            {
                // Each line: the operation's seconds and the analyzers' seconds within it.
                var shares = ReadOperations(FileFor(folder, project, round), "analyzer times", measured, keep)
                    .Select(op => op.Second / (op.First - op.Second))
                    .OrderBy(share => share)
                    .ToList();
                return new[] { new Metric(OwnTimeDescriptor.Instance, 100 * MedianInterval.Median(shares)) };
            }

            return Array.Empty<Metric>();
        }

        /// <summary>
        /// The measured operations of a case. The file moves to <paramref name="keep"/> (BenchmarkDotNet's results folder),
        /// so every ratio in a report can be traced to its raw seconds.
        /// </summary>
        private static List<(double First, double Second)> ReadOperations(string file, string what, int measured, string keep)
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"The benchmark process wrote no {what} to {file}.");
            }

            var operations = File.ReadAllLines(file)
                .Select(line => line.Split(' '))
                .Select(parts => (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)))
                .TakeLast(measured)
                .ToList();
            Directory.CreateDirectory(keep);
            var kept = Path.Combine(keep, "analyzer-times-" + Path.GetFileName(file));
            File.Delete(kept);
            File.Move(file, kept);
            if (operations.Count == 0)
            {
                throw new InvalidOperationException($"The benchmark process wrote an empty list of {what} to {file}.");
            }

            return operations;
        }

        /// <summary>Called once at the end of the run: every case has read and moved its file, so the folder goes too.</summary>
        public void DisplayResults(ILogger logger)
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => Array.Empty<ValidationError>();

        private sealed class RatioDescriptor : IMetricDescriptor
        {
            public static readonly RatioDescriptor Median = new("SargablePairedRatio", "Paired ratio", "Sargable's compile over the empty analyzer's, geometric mean of two consecutive pairs (one of each order), median over the measured pairs", 0);

            public static readonly RatioDescriptor Low = new("SargablePairedRatioLow", "Ratio CI low", "Lower end of the distribution-free 95% interval of the paired ratio's median", 1);

            public static readonly RatioDescriptor High = new("SargablePairedRatioHigh", "Ratio CI high", "Upper end of the distribution-free 95% interval of the paired ratio's median", 2);

            private RatioDescriptor(string id, string displayName, string legend, int priority)
            {
                Id = id;
                DisplayName = displayName;
                Legend = legend;
                PriorityInCategory = priority;
            }

            public string Id { get; }

            public string DisplayName { get; }

            public string Legend { get; }

            public string NumberFormat => "0.000";

            public UnitType UnitType => UnitType.Dimensionless;

            public string Unit => string.Empty;

            public bool TheGreaterTheBetter => false;

            public int PriorityInCategory { get; }

            public bool GetIsAvailable(Metric metric) => true;
        }

        private sealed class OwnTimeDescriptor : IMetricDescriptor
        {
            public static readonly OwnTimeDescriptor Instance = new();

            public string Id => "SargableOwnTime";

            public string DisplayName => "Own time";

            public string Legend => "Sargable's actions (with the binding they cause) over the rest of the same compile, median of the measured operations";

            public string NumberFormat => "0.0'%'";

            public UnitType UnitType => UnitType.Dimensionless;

            public string Unit => "%";

            public bool TheGreaterTheBetter => false;

            public int PriorityInCategory => 0;

            public bool GetIsAvailable(Metric metric) => true;
        }
    }
}
