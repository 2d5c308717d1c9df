using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Sargable.Cli.Tests
{
    /// <summary>
    /// docs/cli.md shows real output: every fenced block marked <c>output-of=ARGS</c> is what <c>sargable ARGS</c> prints,
    /// run over the blocks marked <c>file=NAME</c> of the same page.
    /// </summary>
    public sealed class CliDocsExamplesTests : IDisposable
    {
        private static readonly Regex FencedBlock = new(@"^```(?<lang>\w*) (?<kind>file|output-of)=(?<arg>[^\n]+)\n(?<body>.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline);

        private readonly CliRun cli = new();

        public void Dispose() => cli.Dispose();

        public static TheoryData<string> Commands() => new(Blocks("output-of").Select(b => b.Arg));

        [Theory]
        [MemberData(nameof(Commands))]
        public async Task The_output_shown_in_cli_md_is_what_the_command_prints(string command)
        {
            foreach (var (name, body) in Blocks("file"))
            {
                cli.File(name, body + "\n");
            }

            await cli.Run(engine: null, command.Split(' '));

            var shown = Blocks("output-of").Single(b => b.Arg == command).Body;
            Assert.Equal(shown, cli.Stdout.TrimEnd('\n'));
        }

        [Fact]
        public void Cli_md_has_examples_of_text_and_json_output()
        {
            Assert.Contains(Blocks("output-of"), b => !b.Arg.Contains("--format", StringComparison.Ordinal));
            Assert.Contains(Blocks("output-of"), b => b.Arg.Contains("--format json", StringComparison.Ordinal));
        }

        private static List<(string Arg, string Body)> Blocks(string kind) =>
            FencedBlock.Matches(File.ReadAllText(Path.Combine(Sargable.Testing.RepositoryPaths.Root, "docs", "cli.md")).Replace("\r\n", "\n", StringComparison.Ordinal))
                .Where(m => m.Groups["kind"].Value == kind)
                .Select(m => (m.Groups["arg"].Value.Trim(), m.Groups["body"].Value))
                .ToList();
    }
}
