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
    /// Adds the "Own time" column: the analyzers' own time (<see cref="TimedAnalyzer"/>) as a share of the rest of the same
    /// operation, median over the measured iterations. The benchmark process writes one line per operation to a file
    /// named after its parameters in a folder this host process names, and this diagnoser reads it when the case ends.
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

        public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

        public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => false;

        public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
        {
        }

        public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
        {
            var project = results.BenchmarkCase.Parameters["Project"] as string;
            var round = results.BenchmarkCase.Parameters["Round"] as int?;
            if (project is null || round is null || results.BenchmarkCase.Descriptor.WorkloadMethod.Name != nameof(AnalyzerOverheadBenchmarks.SargableAnalyzers))
            {
                yield break;
            }

            var file = FileFor(folder, project, round.Value);
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"The benchmark process wrote no analyzer times to {file}.");
            }

            // Each line: the operation's seconds and the analyzers' seconds within it. The last lines are the measured
            // iterations; the ones before are the jitting and warm-up operations.
            var shares = File.ReadAllLines(file)
                .Select(line => line.Split(' '))
                .Select(parts => (Operation: double.Parse(parts[0], CultureInfo.InvariantCulture), Own: double.Parse(parts[1], CultureInfo.InvariantCulture)))
                .TakeLast(CompilerWorkloadConfig.Iterations)
                .Select(op => op.Own / (op.Operation - op.Own))
                .OrderBy(share => share)
                .ToList();
            File.Delete(file);
            if (shares.Count == 0)
            {
                throw new InvalidOperationException($"The benchmark process wrote an empty list of analyzer times to {file}.");
            }

            yield return new Metric(OwnTimeDescriptor.Instance, 100 * shares[shares.Count / 2]);
        }

        /// <summary>Called once at the end of the run: every case has read and deleted its file, so the folder goes too.</summary>
        public void DisplayResults(ILogger logger)
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => Array.Empty<ValidationError>();

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
