using System.Text.RegularExpressions;

namespace Sargable.Packaging.Tests
{
    /// <summary>`dotnet tool install Sargable.Cli --tool-path DIR --add-source FEED` gives a working `sargable` command.</summary>
    [Collection(PackagingCollection.Name)]
    public sealed class CliToolPackageTests
    {
        private readonly PackedFeed feed;

        public CliToolPackageTests(PackedFeed feed)
        {
            this.feed = feed;
        }

        [Fact]
        public void The_installed_tool_checks_the_sample_sql_and_exits_1_with_SARG_findings()
        {
            feed.AssertPacked();
            var tools = feed.NewFolder("tools");
            var (installExit, installOutput) = DotnetCli.Run(
                ConsumerFolder.Create(feed, "tool-install"),
                DotnetCli.Step,
                "tool", "install", "Sargable.Cli", "--tool-path", tools, "--add-source", feed.FeedDirectory, "--version", feed.Version);
            Assert.True(installExit == 0, installOutput);

            var sargable = Path.Combine(tools, OperatingSystem.IsWindows() ? "sargable.exe" : "sargable");
            var samples = Path.Combine(feed.Clone, "samples", "sql");
            var (exit, output) = DotnetCli.RunProgram(
                sargable, samples, DotnetCli.Step, environment: null, "check-sql", "--schema", "schema.sql", "queries.sql");

            Assert.True(exit == 1, output);
            var rules = Regex.Matches(output, @"^queries\.sql:\d+:\d+: warning (SARG\d{4}):", RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Contains("SARG0002", rules);
            Assert.Contains("SARG0003", rules);
            Assert.Contains("SARG0008", rules);
        }
    }
}
