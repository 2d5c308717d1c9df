using System;
using System.CommandLine;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Sargable.Registry;

namespace Sargable.Cli.RegistryPull
{
    /// <summary>
    /// <c>sargable registry pull --connection "..." [--provider postgresql|sqlite] [--output sargable.json]</c>: reads the
    /// indexes and row estimates a live database has (<see cref="DatabaseCatalogRegistry"/>) and writes them in the
    /// registry format of docs/registry.md, sorted and newline-terminated so the file can be committed and diffed.
    /// Every failure is one sentence on standard error and exit code 2.
    /// </summary>
    internal sealed class RegistryPullCommand
    {
        private const string StdoutArgument = "-";

        private readonly CliConsole console;

        private readonly Option<string> connectionOption = new("--connection")
        {
            Description = "Connection string of the database to read (PostgreSQL or SQLite).",
            HelpName = "CONNECTION-STRING",
            Required = true,
        };

        private readonly Option<string?> providerOption = new("--provider")
        {
            Description = "Database kind; inferred from the connection string's keywords when left out (Host= is PostgreSQL, Data Source= is SQLite).",
            HelpName = "postgresql|sqlite",
        };

        private readonly Option<string> outputOption = new("--output")
        {
            Description = "Registry file to write ('-' writes to standard output).",
            HelpName = "FILE.json",
            DefaultValueFactory = _ => RuleIdFormat.RegistryFileName,
        };

        public RegistryPullCommand(CliConsole console)
        {
            this.console = console;
            providerOption.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string?>();
                if (value is not null && Array.IndexOf(CatalogProviders.Names, value) < 0)
                {
                    result.AddError($"--provider must be postgresql or sqlite, not '{value}'.");
                }
            });
        }

        /// <summary>The <c>registry</c> command with its <c>pull</c> subcommand.</summary>
        public Command Build()
        {
            var pull = new Command("pull", "Write the indexes and row estimates of a live database as a registry file.")
            {
                connectionOption,
                providerOption,
                outputOption,
            };
            pull.SetAction((parseResult, cancellationToken) => RunAsync(
                parseResult.GetValue(connectionOption)!,
                parseResult.GetValue(providerOption),
                parseResult.GetValue(outputOption)!,
                cancellationToken));

            return new Command("registry", "Work with index registry files (docs/registry.md).") { pull };
        }

        private async Task<int> RunAsync(string connectionString, string? providerName, string output, CancellationToken cancellationToken)
        {
            CatalogProvider provider;
            try
            {
                provider = providerName is not null ? CatalogProviders.Parse(providerName)
                    : CatalogProviders.Infer(connectionString) ?? throw new FormatException();
            }
            catch (ArgumentException)
            {
                return Fail("the connection string is not valid: it must be keyword=value pairs separated by ';'.");
            }
            catch (FormatException)
            {
                return Fail("cannot tell the database kind from the connection string; pass --provider postgresql or --provider sqlite.");
            }

            var target = CatalogProviders.Target(provider, connectionString);
            IndexRegistry registry;
            try
            {
                await using var connection = CatalogProviders.Create(provider, connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                registry = await DatabaseCatalogRegistry.ReadAsync(connection, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException error)
            {
                // Connection-string builders name the keyword they reject, never its value.
                return Fail($"the connection string is not valid for {CatalogProviders.DisplayName(provider)}: {error.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}.");
            }
            catch (Exception error) when (error is DbException or TimeoutException or InvalidOperationException or IOException)
            {
                return Fail(CatalogProblems.Describe(error, provider, target));
            }

            string json;
            try
            {
                json = RegistryJson.Write(registry);
            }
            catch (ArgumentException error)
            {
                return Fail($"the catalog of {target} cannot be written as a registry: {error.Message.TrimEnd('.')}.");
            }

            json = json.EndsWith('\n') ? json : json + "\n";
            return output == StdoutArgument ? await WriteStdoutAsync(json).ConfigureAwait(false) : Write(console.Resolve(output), json, registry);
        }

        private async Task<int> WriteStdoutAsync(string json)
        {
            await console.Output.WriteAsync(json).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        private int Write(string path, string json, IndexRegistry registry)
        {
            // Written beside the target and moved over it, so a failure never leaves half a registry behind.
            var temporary = path + ".tmp";
            try
            {
                File.WriteAllText(temporary, json);
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
                return Fail($"could not write {path}: {error.Message.TrimEnd('.')}.");
            }

            console.Error.WriteLine($"sargable: wrote {registry.Tables.Count} tables to {path}.");
            return ExitCodes.Success;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the error already reported is the one that matters.
            }
        }

        private int Fail(string sentence)
        {
            console.Error.WriteLine("sargable: " + sentence);
            return ExitCodes.Failure;
        }
    }
}
