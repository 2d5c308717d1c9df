using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Sargable.Analyzers;
using Sargable.Analyzers.Baseline;
using Sargable.Baselines;

namespace Sargable.Cli.Analyze
{
    /// <summary>
    /// Loads the projects once with MSBuildWorkspace and runs the bundled Sargable analyzer on each compilation, with the
    /// project's <c>.editorconfig</c> and <c>sargable.json</c>. Only call after <see cref="MsBuildRegistration"/>.
    /// </summary>
    /// <remarks>
    /// A project's own Sargable analyzer references (the package, or project references as in the samples) are removed so
    /// the bundled analyzer runs exactly once, and its <c>sargable.baseline.json</c> AdditionalFile is removed so the
    /// command, not the analyzer, compares with the baseline. Other analyzers are not run; source generators still are.
    /// </remarks>
    internal sealed class WorkspaceAnalysis
    {
        private readonly AnalyzeSettings settings;
        private readonly AnalyzeProgress progress;

        public WorkspaceAnalysis(AnalyzeSettings settings, AnalyzeProgress progress)
        {
            this.settings = settings;
            this.progress = progress;
        }

        public List<AnalyzedFinding> Findings { get; } = [];

        public List<ProjectFailure> Failures { get; } = [];

        public List<string> Analyzed { get; } = [];

        /// <summary>Loads and analyzes; returns a usage problem (a <c>--project</c> that names nothing), or null.</summary>
        public async Task<string?> RunAsync(ProjectFiles files, IReadOnlyCollection<string> skipped, CancellationToken cancellationToken)
        {
            using var workspace = MSBuildWorkspace.Create();

            var loaded = 0;
            var loadProgress = new Progress<ProjectLoadProgress>(p =>
            {
                if (p.Operation == ProjectLoadOperation.Resolve)
                {
                    // Referenced projects load too, so the count can pass the number of projects asked for.
                    loaded++;
                    progress.Report(loaded, loaded <= files.Projects.Count ? files.Projects.Count : 0, "loaded " + Path.GetFileNameWithoutExtension(p.FilePath));
                }
            });
            progress.Report(0, files.Projects.Count, "loading " + Path.GetFileName(files.Entry));

            Solution solution;
            if (files.IsSolution)
            {
                solution = await workspace.OpenSolutionAsync(files.Entry, loadProgress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                solution = (await workspace.OpenProjectAsync(files.Entry, loadProgress, cancellationToken).ConfigureAwait(false)).Solution;
            }

            var loadDiagnostics = workspace.Diagnostics;
            var wanted = new HashSet<string>(files.Projects, StringComparer.Ordinal);
            var projects = solution.Projects
                .Where(p => p.Language == LanguageNames.CSharp && p.FilePath is not null && wanted.Contains(Path.GetFullPath(p.FilePath)))
                .ToList();

            foreach (var path in files.Projects.Where(p => !skipped.Contains(p) && !projects.Any(q => string.Equals(Path.GetFullPath(q.FilePath!), p, StringComparison.Ordinal))))
            {
                Failures.Add(LoadFailure(path, loadDiagnostics));
            }

            if (settings.ProjectNames.Count > 0)
            {
                var unknown = settings.ProjectNames.Where(n => !projects.Any(p => Matches(p, n))).ToList();
                if (unknown.Count > 0)
                {
                    var names = projects.Select(BaseName).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);
                    return $"--project {string.Join(", ", unknown)} names no loaded project; the projects are: {string.Join(", ", names)}.";
                }

                projects = projects.Where(p => settings.ProjectNames.Any(n => Matches(p, n))).ToList();
            }

            var registry = settings.RegistryPath is null ? null : await File.ReadAllTextAsync(settings.RegistryPath, cancellationToken).ConfigureAwait(false);
            var seen = new HashSet<(string, string, int, int, string)>();
            for (var i = 0; i < projects.Count; i++)
            {
                var project = Prepare(projects[i], registry);
                progress.Report(i, projects.Count, "analyzing " + project.Name);
                await AnalyzeAsync(project, seen, cancellationToken).ConfigureAwait(false);
            }

            progress.Report(projects.Count, projects.Count, "analyzed");
            return null;
        }

        private async Task AnalyzeAsync(Project project, HashSet<(string, string, int, int, string)> seen, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                Failures.Add(new ProjectFailure(project.FilePath!, "it has no C# compilation.", "Check that it is a C# project that builds with dotnet build."));
                return;
            }

            var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SargableAnalyzer()), options);
            var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.DefaultSeverity == DiagnosticSeverity.Error && !IsSargable(d.Id)).ToList();
            if (errors.Count > 0)
            {
                var first = errors[0];
                var where = first.Location.IsInSource ? $" at {first.Location.GetMappedLineSpan().Path}:{first.Location.GetMappedLineSpan().StartLinePosition.Line + 1}" : string.Empty;
                Failures.Add(new ProjectFailure(
                    project.FilePath!,
                    $"it does not compile ({errors.Count} errors; the first: {first.Id}{where}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}).",
                    "Make `dotnet build` succeed for it (a missing restore shows up as missing types: run dotnet restore), then run analyze again."));
                return;
            }

            Analyzed.Add(project.Name);
            foreach (var diagnostic in diagnostics.Where(d => IsSargable(d.Id)))
            {
                var span = diagnostic.Location.GetMappedLineSpan();
                var path = span.Path ?? project.FilePath!;
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                if (!seen.Add((diagnostic.Id, path, span.StartLinePosition.Line, span.StartLinePosition.Character, message)))
                {
                    // The same file in another target framework of a multi-targeted project.
                    continue;
                }

                // The analyzers attach it only when a baseline AdditionalFile made them compute it; otherwise it is computed here.
                var fingerprint = diagnostic.Properties.TryGetValue(CodeFingerprint.Property, out var value) && value is not null
                    ? value
                    : (diagnostic.Location.SourceTree is { } tree && compilation.ContainsSyntaxTree(tree)
                        ? CodeFingerprint.Of(diagnostic.Location, compilation.GetSemanticModel(tree), cancellationToken)
                        : null) ?? BaselineFingerprint.CodePrefix + BaselineFingerprint.Hash(diagnostic.Id + "\n" + message);
                Findings.Add(new AnalyzedFinding(
                    diagnostic.Id,
                    ToSeverity(diagnostic.Severity),
                    message,
                    project.Name,
                    path,
                    span.StartLinePosition.Line + 1,
                    span.StartLinePosition.Character + 1,
                    span.EndLinePosition.Line + 1,
                    span.EndLinePosition.Character + 1,
                    fingerprint));
            }
        }

        private static Project Prepare(Project project, string? registry)
        {
            foreach (var reference in project.AnalyzerReferences.Where(IsSargableReference).ToList())
            {
                project = project.RemoveAnalyzerReference(reference);
            }

            foreach (var document in project.AdditionalDocuments.Where(d => d.FilePath is not null && CodeBaseline.IsBaselineFile(d.FilePath)).ToList())
            {
                project = project.RemoveAdditionalDocument(document.Id);
            }

            var folder = Path.GetDirectoryName(project.FilePath!)!;
            var registryDocuments = project.AdditionalDocuments.Where(d => d.FilePath is not null && IsRegistryFile(d.FilePath)).ToList();
            if (registry is not null)
            {
                foreach (var document in registryDocuments)
                {
                    project = project.RemoveAdditionalDocument(document.Id);
                }

                // The analyzers read the registry by its file name; the --registry file was validated before loading.
                project = project.AddAdditionalDocument(RuleIdFormat.RegistryFileName, registry, filePath: Path.Combine(folder, RuleIdFormat.RegistryFileName)).Project;
            }
            else if (registryDocuments.Count == 0 && File.Exists(Path.Combine(folder, RuleIdFormat.RegistryFileName)))
            {
                var path = Path.Combine(folder, RuleIdFormat.RegistryFileName);
                project = project.AddAdditionalDocument(RuleIdFormat.RegistryFileName, File.ReadAllText(path), filePath: path).Project;
            }

            return project;
        }

        private ProjectFailure LoadFailure(string path, IReadOnlyList<WorkspaceDiagnostic> diagnostics)
        {
            if (!File.Exists(path))
            {
                return new ProjectFailure(path, "the project file does not exist.", "Fix the project's path in the solution, or remove it from the solution.");
            }

            var reason = diagnostics.FirstOrDefault(d => d.Kind == WorkspaceDiagnosticKind.Failure && d.Message.Contains(path, StringComparison.Ordinal))?.Message
                ?? diagnostics.FirstOrDefault(d => d.Kind == WorkspaceDiagnosticKind.Failure)?.Message
                ?? "MSBuild could not load it.";
            var remedy = settings.Restore
                ? "Check that `dotnet build` succeeds for it and that the SDK it asks for is installed (dotnet --list-sdks)."
                : "Run `dotnet restore` on it (or analyze without --no-restore), then run analyze again.";
            return new ProjectFailure(path, "it did not load: " + reason.Trim().TrimEnd('.') + ".", remedy);
        }

        private static bool Matches(Project project, string name) =>
            string.Equals(project.Name, name, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(BaseName(project), name, StringComparison.OrdinalIgnoreCase);

        /// <summary>The project's file name without extension (multi-targeted projects are named "App(net8.0)").</summary>
        private static string BaseName(Project project) => Path.GetFileNameWithoutExtension(project.FilePath ?? project.Name);

        private static bool IsSargable(string id) => id.StartsWith(RuleIdFormat.Prefix, StringComparison.OrdinalIgnoreCase);

        private static bool IsRegistryFile(string path) => string.Equals(Path.GetFileName(path), RuleIdFormat.RegistryFileName, StringComparison.OrdinalIgnoreCase);

        private static bool IsSargableReference(AnalyzerReference reference)
        {
            var name = Path.GetFileNameWithoutExtension(reference.FullPath ?? reference.Display ?? string.Empty);
            return name is not null && (name.StartsWith("Sargable.Analyzers", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Sargable.Core", StringComparison.OrdinalIgnoreCase));
        }

        private static Severity ToSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => Severity.Error,
            DiagnosticSeverity.Warning => Severity.Warning,
            _ => Severity.Info,
        };
    }
}
