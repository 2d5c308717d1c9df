using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Sargable.Baselines;
using Sargable.Cli.Reports;
using Sargable.Registry;

namespace Sargable.Cli
{
    /// <summary>
    /// <c>sargable check-sql [--registry FILE.json | --schema FILE.sql] [--format text|json|sarif] [--fail-on info|warning|error] [--on-parse-error fail|warn] [FILES...]</c>:
    /// reads every input first (stopping with exit code 2 if any cannot be read), checks each with the engine,
    /// writes one report for all inputs to standard output and returns the exit code (docs/cli.md).
    /// </summary>
    internal sealed class CheckSqlCommand
    {
        private const string StdinArgument = "-";

        private readonly CliConsole console;
        private readonly ScriptChecker checker;

        private readonly Option<string?> registryOption = new("--registry")
        {
            Description = "Index registry in the JSON format of docs/registry.md.",
            HelpName = "FILE.json",
        };

        private readonly Option<string?> schemaOption = new("--schema")
        {
            Description = "Index registry read from DDL (CREATE TABLE / CREATE INDEX statements).",
            HelpName = "FILE.sql",
        };

        private readonly Option<string> formatOption = new("--format")
        {
            Description = "Report format on standard output.",
            HelpName = "text|json|sarif|github",
            DefaultValueFactory = _ => "text",
        };

        private readonly Option<string> failOnOption = new("--fail-on")
        {
            Description = "Exit with code 1 when a finding has this severity or a higher one.",
            HelpName = "info|warning|error",
            DefaultValueFactory = _ => "warning",
        };

        private readonly Option<string> onParseErrorOption = new("--on-parse-error")
        {
            Description = "A statement that does not parse fails the run (exit code 2), or is reported as a warning and skipped.",
            HelpName = "fail|warn",
            DefaultValueFactory = _ => "fail",
        };

        private readonly Option<string?> baselineOption = new("--baseline")
        {
            Description = "Report only findings that are not in this baseline (default: sargable.baseline.json in the working directory).",
            HelpName = "FILE",
            Arity = ArgumentArity.ZeroOrOne,
        };

        private readonly Option<string?> writeBaselineOption = new("--write-baseline")
        {
            Description = "Record every current finding in this baseline file (default: sargable.baseline.json in the working directory).",
            HelpName = "FILE",
            Arity = ArgumentArity.ZeroOrOne,
        };

        private readonly Argument<string[]> filesArgument = new("FILES")
        {
            Description = "SQL files to check; none, or '-', reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public CheckSqlCommand(CliConsole console, ScriptChecker checker)
        {
            this.console = console;
            this.checker = checker;
            AcceptOnly(formatOption, "text", "json", "sarif", "github");
            AcceptOnly(failOnOption, "info", "warning", "error");
            AcceptOnly(onParseErrorOption, "fail", "warn");
            CliOptions.BaselineFileOnly(baselineOption);
            CliOptions.BaselineFileOnly(writeBaselineOption);
        }

        public Command Build()
        {
            var command = new Command("check-sql", "Check SQL statements for slow query shapes against an index registry.")
            {
                registryOption,
                schemaOption,
                formatOption,
                failOnOption,
                onParseErrorOption,
                baselineOption,
                writeBaselineOption,
                filesArgument,
            };

            command.Validators.Add(result =>
            {
                if (result.GetResult(baselineOption) is not null && result.GetResult(writeBaselineOption) is not null)
                {
                    result.AddError("--baseline and --write-baseline cannot be used together: write the baseline, then compare with it.");
                }

                if (result.GetResult(registryOption) is not null && result.GetResult(schemaOption) is not null)
                {
                    result.AddError("--registry and --schema cannot be used together; give the index registry one way.");
                }

                var files = result.GetValue(filesArgument) ?? [];
                if (files.Count(f => f == StdinArgument) > 1)
                {
                    result.AddError("'-' (standard input) can be given only once.");
                }

                // Unknown options would otherwise be taken for file names.
                foreach (var option in files.Where(f => f.Length > 1 && f[0] == '-'))
                {
                    result.AddError($"'{option}' is not an option of check-sql (to check a file whose name starts with '-', write ./{option}).");
                }
            });

            command.SetAction(parseResult => Run(
                parseResult.GetValue(registryOption),
                parseResult.GetValue(schemaOption),
                parseResult.GetValue(formatOption)!,
                parseResult.GetValue(failOnOption)!,
                parseResult.GetValue(onParseErrorOption) == "warn" ? Severity.Warning : Severity.Error,
                parseResult.GetValue(filesArgument) ?? [],
                parseResult.GetResult(baselineOption) is null ? null : parseResult.GetValue(baselineOption) ?? string.Empty,
                parseResult.GetResult(writeBaselineOption) is null ? null : parseResult.GetValue(writeBaselineOption) ?? string.Empty));
            return command;
        }

        private int Run(string? registryPath, string? schemaPath, string format, string failOnName, Severity parseErrorSeverity, string[] paths, string? baselineArgument = null, string? writeBaselineArgument = null)
        {
            if (!SeverityNames.TryParse(failOnName, out var failOn))
            {
                // The option's validator already admits only these three names.
                return Fail($"--fail-on must be info, warning or error, not '{failOnName}'.");
            }

            if (paths.Length == 0 && console.InputIsTerminal)
            {
                return Fail("no input: pass SQL files, or pipe SQL into standard input (use '-' to read a terminal).");
            }

            var registry = LoadRegistry(registryPath, schemaPath);
            if (registry is null)
            {
                return ExitCodes.Failure;
            }

            var inputs = ReadInputs(paths);
            if (inputs is null)
            {
                return ExitCodes.Failure;
            }

            var checkedFiles = new List<CheckedFile>(inputs.Count);
            foreach (var (path, text) in inputs)
            {
                IReadOnlyList<StatementVerdict> verdicts;
                try
                {
                    verdicts = checker(registry, text);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    return Fail($"could not check {Describe(path)}: the rules engine failed ({error.GetType().Name}: {error.Message.TrimEnd('.')}).");
                }

                checkedFiles.Add(new CheckedFile(path, text, verdicts, parseErrorSeverity));
            }

            if (writeBaselineArgument is not null)
            {
                return WriteBaseline(BaselinePath(writeBaselineArgument), checkedFiles);
            }

            if (baselineArgument is not null)
            {
                var baselinePath = BaselinePath(baselineArgument);
                BaselineFile baseline;
                try
                {
                    baseline = BaselineFile.Parse(File.ReadAllText(baselinePath), baselinePath);
                }
                catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
                {
                    return Fail($"the baseline '{baselinePath}' does not exist; create it with --write-baseline.");
                }
                catch (BaselineFormatException error)
                {
                    return Fail($"invalid baseline: {error.Message.TrimEnd('.')}.");
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    return Fail($"cannot read the baseline '{baselinePath}': {error.Message.TrimEnd('.')}.");
                }

                checkedFiles = CheckSqlBaseline.Filter(checkedFiles, baseline, Path.GetDirectoryName(baselinePath)!, console.WorkingDirectory, out var baselined, out var gone);
                console.Error.WriteLine($"sargable: {baselined} findings are in the baseline and not reported; {gone} baseline entries matched nothing (fixed or changed).");
            }

            IReportWriter writer = format switch
            {
                "github" => new GitHubReportWriter(console.WorkingDirectory),
                "json" => new JsonReportWriter(),
                "sarif" => new SarifReportWriter(console.WorkingDirectory),
                _ => new TextReportWriter(registry),
            };
            writer.Write(checkedFiles, console.Output);
            console.Output.Flush();

            return ExitCodes.For(checkedFiles, failOn);
        }

        private string BaselinePath(string argument) =>
            argument.Length == 0 ? Path.Combine(console.WorkingDirectory, RuleIdFormat.BaselineFileName) : console.Resolve(argument);

        /// <summary>Writes every finding to the baseline; refused when a statement failed to parse, since its findings would be missing.</summary>
        private int WriteBaseline(string path, IReadOnlyList<CheckedFile> files)
        {
            var summary = ReportSummary.Of(files);
            if (summary.ParseErrors > 0)
            {
                return Fail($"the baseline was not written: {summary.ParseErrors} statements could not be parsed, and their findings would be missing from it.");
            }

            var folder = Path.GetDirectoryName(path)!;
            var baseline = new BaselineFile(files.SelectMany(f => CheckSqlBaseline.Keys(f, folder, console.WorkingDirectory)));
            try
            {
                File.WriteAllText(path, baseline.ToJson());
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot write the baseline '{path}': {error.Message.TrimEnd('.')}.");
            }

            console.Error.WriteLine($"sargable: wrote {path} with {baseline.Total} findings.");
            return ExitCodes.Success;
        }

        private IndexRegistry? LoadRegistry(string? registryPath, string? schemaPath)
        {
            if (registryPath is not null)
            {
                var json = ReadFile(registryPath, "registry");
                if (json is null)
                {
                    return null;
                }

                try
                {
                    return RegistryJson.Parse(json, registryPath);
                }
                catch (RegistryFormatException error)
                {
                    Fail($"invalid registry: {error.Message}.");
                    return null;
                }
            }

            if (schemaPath is not null)
            {
                var ddl = ReadFile(schemaPath, "schema");
                if (ddl is null)
                {
                    return null;
                }

                try
                {
                    return DdlRegistryLoader.Load(ddl);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    // SqlParseException, RegistryFormatException, or a loader that is not there yet: all mean no registry.
                    Fail($"cannot load the schema '{schemaPath}': {error.Message.TrimEnd('.')}.");
                    return null;
                }
            }

            // No registry: every table is unknown to the rules (docs/cli.md).
            return IndexRegistry.Empty;
        }

        /// <summary>Reads every input before checking any, so an unreadable file stops the run with nothing half-reported.</summary>
        private List<(string? Path, string Text)>? ReadInputs(string[] paths)
        {
            var inputs = new List<(string? Path, string Text)>();
            if (paths.Length == 0)
            {
                inputs.Add((null, console.Input.ReadToEnd()));
                return inputs;
            }

            var failed = false;
            foreach (var path in paths)
            {
                if (path == StdinArgument)
                {
                    inputs.Add((null, console.Input.ReadToEnd()));
                    continue;
                }

                var text = ReadFile(path, "SQL file");
                if (text is null)
                {
                    failed = true;
                    continue;
                }

                inputs.Add((path, text));
            }

            return failed ? null : inputs;
        }

        /// <summary>Reads a file named on the command line; on failure writes one sentence to standard error and returns null.</summary>
        private string? ReadFile(string path, string what)
        {
            string full;
            try
            {
                full = console.Resolve(path);
            }
            catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
            {
                Fail($"cannot read the {what} '{path}': it is not a valid path.");
                return null;
            }

            if (Directory.Exists(full))
            {
                Fail($"cannot read the {what} '{path}': it is a directory, not a file.");
                return null;
            }

            try
            {
                return File.ReadAllText(full);
            }
            catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
            {
                Fail($"cannot read the {what} '{path}': the file does not exist.");
            }
            catch (UnauthorizedAccessException)
            {
                Fail($"cannot read the {what} '{path}': permission denied.");
            }
            catch (IOException error)
            {
                Fail($"cannot read the {what} '{path}': {error.Message.TrimEnd('.')}.");
            }

            return null;
        }

        /// <summary>Like AcceptOnlyFromAmong, but the error is one sentence that names the option.</summary>
        private static void AcceptOnly(Option<string> option, params string[] values)
        {
            option.CompletionSources.Add(values);
            option.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string>();
                if (Array.IndexOf(values, value) < 0)
                {
                    result.AddError($"{option.Name} must be {string.Join(", ", values.Take(values.Length - 1))} or {values[^1]}, not '{value}'.");
                }
            });
        }

        private static string Describe(string? path) => path is null ? "standard input" : $"'{path}'";

        private int Fail(string sentence)
        {
            // Sentences can quote the schema's text (a parser's "found ..."), so they are escaped like the report.
            console.Error.WriteLine("sargable: " + TerminalText.Escape(sentence));
            return ExitCodes.Failure;
        }
    }
}
