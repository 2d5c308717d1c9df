using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Sargable.Baselines;
using Sargable.Cli.Reports;
using Sargable.Cli.Reports.Analysis;
using Sargable.Registry;

namespace Sargable.Cli.Analyze
{
    /// <summary>
    /// <c>sargable analyze PATH [--format text|json|sarif|github] [--fail-on LEVEL] [--registry FILE] [--project NAME]...
    /// [--baseline [FILE] | --write-baseline [FILE]] [--no-restore]</c>: loads the projects of a solution, project or folder,
    /// runs the bundled analyzers, and writes one report to standard output; progress and load problems go to standard
    /// error. Exit codes as <see cref="ExitCodes"/> (docs/cli.md).
    /// </summary>
    internal sealed class AnalyzeCommand
    {
        private readonly CliConsole console;

        private readonly Argument<string> pathArgument = new("PATH")
        {
            Description = "A .sln, .slnx or .csproj file, or a folder holding one.",
            Arity = ArgumentArity.ExactlyOne,
        };

        private readonly Option<string> formatOption = new("--format")
        {
            Description = "Report format on standard output.",
            HelpName = "text|json|sarif|github",
            DefaultValueFactory = _ => "text",
        };

        private readonly Option<string> failOnOption = new("--fail-on")
        {
            Description = "Exit with code 1 when a new finding has this severity or a higher one.",
            HelpName = "info|warning|error",
            DefaultValueFactory = _ => "warning",
        };

        private readonly Option<string?> registryOption = new("--registry")
        {
            Description = "Index registry (docs/registry.md) for every project, instead of each project's own sargable.json.",
            HelpName = "FILE.json",
        };

        private readonly Option<string[]> projectOption = new("--project")
        {
            Description = "Analyze only this project (name or file name without extension); repeat for more.",
            HelpName = "NAME",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        private readonly Option<string?> baselineOption = new("--baseline")
        {
            Description = "Report only findings that are not in this baseline (default: sargable.baseline.json beside PATH).",
            HelpName = "FILE",
            Arity = ArgumentArity.ZeroOrOne,
        };

        private readonly Option<string?> writeBaselineOption = new("--write-baseline")
        {
            Description = "Record every current finding in this baseline file (default: sargable.baseline.json beside PATH).",
            HelpName = "FILE",
            Arity = ArgumentArity.ZeroOrOne,
        };

        private readonly Option<bool> noRestoreOption = new("--no-restore")
        {
            Description = "Do not run dotnet restore on projects that were never restored; report them as not loaded instead.",
        };

        public AnalyzeCommand(CliConsole console)
        {
            this.console = console;
            CliOptions.AcceptOnly(formatOption, "text", "json", "sarif", "github");
            CliOptions.AcceptOnly(failOnOption, "info", "warning", "error");
            CliOptions.BaselineFileOnly(baselineOption);
            CliOptions.BaselineFileOnly(writeBaselineOption);
        }

        public Command Build()
        {
            var command = new Command("analyze", "Run Sargable's analyzers on a solution or project without adding the package to it.")
            {
                pathArgument,
                formatOption,
                failOnOption,
                registryOption,
                projectOption,
                baselineOption,
                writeBaselineOption,
                noRestoreOption,
            };

            command.Validators.Add(result =>
            {
                if (result.GetResult(baselineOption) is not null && result.GetResult(writeBaselineOption) is not null)
                {
                    result.AddError("--baseline and --write-baseline cannot be used together: write the baseline, then compare with it.");
                }
            });

            command.SetAction((parseResult, cancellationToken) => RunAsync(
                parseResult.GetValue(pathArgument)!,
                parseResult.GetValue(formatOption)!,
                parseResult.GetValue(failOnOption)!,
                parseResult.GetValue(registryOption),
                parseResult.GetValue(projectOption) ?? [],
                parseResult.GetResult(baselineOption) is null ? null : parseResult.GetValue(baselineOption) ?? string.Empty,
                parseResult.GetResult(writeBaselineOption) is null ? null : parseResult.GetValue(writeBaselineOption) ?? string.Empty,
                !parseResult.GetValue(noRestoreOption),
                cancellationToken));
            return command;
        }

        private async Task<int> RunAsync(string path, string format, string failOnName, string? registryPath, string[] projectNames, string? baselineArgument, string? writeBaselineArgument, bool restore, CancellationToken cancellationToken)
        {
            SeverityNames.TryParse(failOnName, out var failOn);
            var files = ProjectFiles.Find(console.Resolve(path), out var problem);
            if (files is null)
            {
                return Fail(problem!);
            }

            string? registryFull = null;
            if (registryPath is not null)
            {
                registryFull = console.Resolve(registryPath);
                if (!File.Exists(registryFull))
                {
                    return Fail($"cannot read the registry '{registryPath}': the file does not exist.");
                }

                try
                {
                    RegistryJson.Parse(await File.ReadAllTextAsync(registryFull, cancellationToken).ConfigureAwait(false), registryPath);
                }
                catch (RegistryFormatException error)
                {
                    return Fail($"invalid registry: {error.Message.TrimEnd('.')}.");
                }
            }

            var baselinePath = baselineArgument is null ? null : BaselinePath(baselineArgument, files);
            BaselineFile? baseline = null;
            if (baselinePath is not null)
            {
                baseline = ReadBaseline(baselinePath, out problem);
                if (baseline is null)
                {
                    return Fail(problem!);
                }
            }

            var registration = MsBuildRegistration.EnsureRegistered(files.Directory);
            if (registration is not null)
            {
                return Fail(registration);
            }

            var progress = new AnalyzeProgress(console.Error, console.ErrorIsTerminal);
            var settings = new AnalyzeSettings { RegistryPath = registryFull, ProjectNames = projectNames, Restore = restore };
            var skipped = new List<ProjectFailure>();
            var unrestored = ProjectRestore.Unrestored(files);
            if (unrestored.Count > 0 && restore)
            {
                progress.Say($"{unrestored.Count} of {files.Projects.Count} projects were never restored; running dotnet restore {Path.GetFileName(files.Entry)} (--no-restore skips this).");
                var failed = await ProjectRestore.RunAsync(files.Entry, cancellationToken).ConfigureAwait(false);
                if (failed is not null)
                {
                    progress.Say("dotnet restore failed:" + Environment.NewLine + failed);
                }
            }
            else if (unrestored.Count > 0)
            {
                skipped.AddRange(unrestored.Select(p => new ProjectFailure(
                    p, "it has not been restored (no obj/project.assets.json).", $"Run `dotnet restore {p}`, or analyze without --no-restore.")));
            }

            var analysis = await LoadAndAnalyzeAsync(files, settings, progress, skipped.Select(s => s.Project).ToList(), cancellationToken).ConfigureAwait(false);
            progress.Clear();
            if (analysis.Problem is not null)
            {
                return Fail(analysis.Problem);
            }

            var failures = skipped.Concat(analysis.Failures).ToList();
            foreach (var failure in failures)
            {
                console.Error.WriteLine($"sargable: {failure.Project} was not analyzed: {failure.Reason} {failure.Remedy}");
            }

            var findings = analysis.Findings
                .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ToList();
            var disappeared = 0;
            if (baseline is not null)
            {
                var budget = baseline.NewBudget();
                var folder = Path.GetDirectoryName(baselinePath)!;
                foreach (var finding in findings)
                {
                    finding.BaselineState = budget.TryConsume(KeyOf(finding, folder)) ? BaselineState.Unchanged : BaselineState.New;
                }

                disappeared = budget.Unmatched;
            }

            var result = new AnalysisResult(analysis.Analyzed, findings, failures, console.WorkingDirectory)
            {
                BaselinePath = baselinePath,
                Disappeared = disappeared,
            };

            if (writeBaselineArgument is not null)
            {
                var written = WriteBaseline(BaselinePath(writeBaselineArgument, files), result);
                if (written != ExitCodes.Success)
                {
                    return written;
                }
            }

            Writer(format).Write(result, console.Output);
            console.Output.Flush();
            return writeBaselineArgument is not null ? ExitCodes.Success : ExitCodes.For(result, failOn);
        }

        /// <summary>
        /// Kept out of <see cref="RunAsync"/> and never inlined: it is the first code that touches MSBuildWorkspace types,
        /// which must not load before MSBuildLocator has registered the SDK.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private async Task<(List<AnalyzedFinding> Findings, List<ProjectFailure> Failures, List<string> Analyzed, string? Problem)> LoadAndAnalyzeAsync(
            ProjectFiles files, AnalyzeSettings settings, AnalyzeProgress progress, IReadOnlyCollection<string> skipped, CancellationToken cancellationToken)
        {
            var analysis = new WorkspaceAnalysis(settings, progress);
            var problem = await analysis.RunAsync(files, skipped, cancellationToken).ConfigureAwait(false);
            return (analysis.Findings, analysis.Failures, analysis.Analyzed, problem);
        }

        private int WriteBaseline(string path, AnalysisResult result)
        {
            if (result.Failures.Count > 0)
            {
                return Fail($"the baseline was not written: {result.Failures.Count} projects were not analyzed, and their findings would be missing from it.");
            }

            var folder = Path.GetDirectoryName(path)!;
            var file = new BaselineFile(result.Findings.Select(f => KeyOf(f, folder)));
            try
            {
                File.WriteAllText(path, file.ToJson());
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot write the baseline '{path}': {error.Message.TrimEnd('.')}.");
            }

            foreach (var finding in result.Findings)
            {
                finding.BaselineState = BaselineState.Unchanged;
            }

            console.Error.WriteLine($"sargable: wrote {path} with {result.Findings.Count} findings.");
            return ExitCodes.Success;
        }

        private static BaselineKey KeyOf(AnalyzedFinding finding, string baselineFolder) =>
            new(finding.RuleId, BaselineFingerprint.RelativePath(baselineFolder, finding.Path), finding.Fingerprint);

        private string BaselinePath(string argument, ProjectFiles files) =>
            argument.Length == 0 ? Path.Combine(files.Directory, RuleIdFormat.BaselineFileName) : console.Resolve(argument);

        private static BaselineFile? ReadBaseline(string path, out string? problem)
        {
            problem = null;
            try
            {
                return BaselineFile.Parse(File.ReadAllText(path), path);
            }
            catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
            {
                problem = $"the baseline '{path}' does not exist; create it with --write-baseline.";
            }
            catch (BaselineFormatException error)
            {
                problem = $"invalid baseline: {error.Message.TrimEnd('.')}.";
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot read the baseline '{path}': {error.Message.TrimEnd('.')}.";
            }

            return null;
        }

        private static IAnalysisReportWriter Writer(string format) => format switch
        {
            "json" => new AnalysisJsonWriter(),
            "sarif" => new AnalysisSarifWriter(),
            "github" => new AnalysisGitHubWriter(),
            _ => new AnalysisTextWriter(),
        };

        private int Fail(string sentence)
        {
            console.Error.WriteLine("sargable: " + sentence);
            return ExitCodes.Failure;
        }
    }
}
