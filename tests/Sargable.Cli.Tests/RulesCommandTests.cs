using System;
using System.Linq;
using System.Threading.Tasks;

namespace Sargable.Cli.Tests
{
    public sealed class RulesCommandTests
    {
        [Fact]
        public async Task Lists_every_rule_with_severity_title_and_help_link()
        {
            using var cli = new CliRun();

            Assert.Equal(0, await cli.Run(engine: null, "rules"));

            var lines = cli.Stdout.TrimEnd('\n').Split('\n');
            Assert.Matches("^ID +SEVERITY +TITLE +HELP$", lines[0]);
            Assert.Equal(RuleCatalog.All.Count, lines.Length - 1);
            foreach (var (rule, line) in RuleCatalog.All.Zip(lines.Skip(1)))
            {
                Assert.Matches($"^{rule.Id} +{rule.DefaultSeverity.ToString().ToLowerInvariant()} ", line);
                Assert.Contains(rule.Title, line, StringComparison.Ordinal);
                Assert.EndsWith(rule.HelpLink, line, StringComparison.Ordinal);
            }

            Assert.Equal(string.Empty, cli.Stderr);
        }
    }
}
