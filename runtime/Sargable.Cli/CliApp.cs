using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Threading;
using System.Threading.Tasks;
using Sargable.Registry;

namespace Sargable.Cli
{
    /// <summary>Checks one SQL script against a registry: the engine's <c>CheckScript</c>, replaceable in tests.</summary>
    internal delegate IReadOnlyList<StatementVerdict> ScriptChecker(IndexRegistry registry, string script);

    /// <summary>
    /// The <c>sargable</c> command tree. Everything it reads and writes goes through a <see cref="CliConsole"/>,
    /// and the rules engine through a <see cref="ScriptChecker"/>, so tests can run it in-process.
    /// </summary>
    internal sealed class CliApp
    {
        private readonly CliConsole console;
        private readonly ScriptChecker checker;

        public CliApp(CliConsole console, ScriptChecker? checker = null)
        {
            this.console = console ?? throw new ArgumentNullException(nameof(console));
            this.checker = checker ?? EngineCheck;
        }

        /// <summary>Runs <c>sargable</c> on the process's own console.</summary>
        public static Task<int> RunAsync(string[] args) => new CliApp(CliConsole.FromSystem()).InvokeAsync(args);

        public RootCommand Build()
        {
            var root = new RootCommand("Sargable: catches slow query shapes before they reach production.");
            root.Subcommands.Add(new CheckSqlCommand(console, checker).Build());
            root.Subcommands.Add(RulesCommand.Build(console));
            root.Subcommands.Add(new Analyze.AnalyzeCommand(console).Build());
            root.Subcommands.Add(new RegistryPull.RegistryPullCommand(console).Build());
            return root;
        }

        /// <summary>Parses and runs one command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
        public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(args);
            var parseResult = Build().Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                // Usage errors are exit code 2 (System.CommandLine's default is 1, which means "findings" here).
                foreach (var error in parseResult.Errors)
                {
                    await console.Error.WriteLineAsync($"sargable: {error.Message}").ConfigureAwait(false);
                }

                var command = parseResult.CommandResult.Command;
                var name = command is RootCommand ? "sargable" : "sargable " + command.Name;
                await console.Error.WriteLineAsync($"Run '{name} --help' for usage.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var configuration = new InvocationConfiguration
            {
                Output = console.Output,
                Error = console.Error,
                // Commands report their own failures with exit code 2; an escaped exception is a bug, not "findings" (1).
                EnableDefaultExceptionHandler = false,
            };

            try
            {
                return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                await console.Error.WriteLineAsync($"sargable: internal error: {error.GetType().Name}: {error.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }

        private static IReadOnlyList<StatementVerdict> EngineCheck(IndexRegistry registry, string script) =>
            new SargableEngine(registry, RuleOptions.Default).CheckScript(script);
    }
}
