using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Sargable.Testing;

namespace Sargable.Cli.Tests.Analyze
{
    /// <summary>
    /// <c>sargable analyze</c> as a user runs it, on the Shop app (repository, unit of work, service; no Sargable
    /// reference): the findings, the baseline across edits, a normal build with the baseline, a project that fails.
    /// The project is restored and loaded once per run; the tests share one copy and reset it first.
    /// </summary>
    public sealed class AnalyzeEndToEndTests(ShopFixture shop) : IClassFixture<ShopFixture>
    {
        private static readonly string[] Expected =
        [
            "SARG0001 Shop/Orders/OrderRepository.cs:12",
            "SARG0003 Shop/Orders/OrderRepository.cs:17",
            "SARG0002 Shop/Orders/OrderRepository.cs:20",
            "SARG0004 Shop/Orders/OrderService.cs:14",
        ];

        private const string SlowProductQuery = """
            using Microsoft.EntityFrameworkCore;
            using Shop.Data;

            namespace Shop.Orders;

            public sealed class ProductCatalog(ShopDbContext db)
            {
                public Task<List<Product>> EverythingAsync() => db.Products.ToListAsync();
            }
            """;

        [Fact]
        public void Analyze_finds_the_slow_queries_of_a_project_that_never_referenced_sargable()
        {
            Assert.True(shop.FirstRun.ExitCode == 0, shop.FirstRun.ToString());

            Assert.Equal(Expected, Findings(shop.FirstRun).Select(f => $"{f.Rule} {f.Path}:{f.Line}").ToArray());
        }

        [Fact]
        public void The_written_baseline_counts_each_finding_by_rule_path_and_fingerprint_sorted_and_newline_terminated()
        {
            using var json = JsonDocument.Parse(shop.Baseline);
            var entries = json.RootElement.GetProperty("findings").EnumerateArray().ToList();

            Assert.Equal(4, entries.Count);
            Assert.All(entries, e => Assert.Equal(1, e.GetProperty("count").GetInt32()));
            Assert.Equal(new[] { "Orders/OrderRepository.cs", "Orders/OrderRepository.cs", "Orders/OrderRepository.cs", "Orders/OrderService.cs" }, entries.Select(e => e.GetProperty("path").GetString()!).ToArray());
            Assert.All(entries, e => Assert.StartsWith("cs:", e.GetProperty("fingerprint").GetString(), StringComparison.Ordinal));
            Assert.EndsWith("}\n", shop.Baseline, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Analyze_with_the_baseline_just_written_reports_nothing_new()
        {
            shop.Reset();

            var run = await AnalyzeWithBaseline();

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.All(Findings(run), f => Assert.Equal("unchanged", f.State));
            using var json = JsonDocument.Parse(run.Stdout);
            var summary = json.RootElement.GetProperty("summary");
            Assert.Equal((0, 4, 0), (summary.GetProperty("findings").GetInt32(), summary.GetProperty("baselined").GetInt32(), summary.GetProperty("goneFromBaseline").GetInt32()));
        }

        [Fact]
        public async Task Code_moved_down_the_file_is_still_baselined()
        {
            shop.Reset();
            var source = shop.Source("Orders/OrderRepository.cs");
            shop.Write("Orders/OrderRepository.cs", source.Replace(
                "public sealed class OrderRepository(ShopDbContext db)\n{\n",
                "public sealed class OrderRepository(ShopDbContext db)\n{\n    public const int PageSize = 50;\n\n    public string Describe() => nameof(OrderRepository);\n\n\n",
                StringComparison.Ordinal));

            var run = await AnalyzeWithBaseline();

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(17, Findings(run).Single(f => f.Rule == RuleIds.UnboundedRead).Line);
            Assert.All(Findings(run), f => Assert.Equal("unchanged", f.State));
        }

        [Fact]
        public async Task Reformatted_queries_are_still_baselined()
        {
            shop.Reset();
            var source = shop.Source("Orders/OrderRepository.cs");
            shop.Write("Orders/OrderRepository.cs", source
                .Replace("db.Orders.Where(o => o.Status == status).OrderBy(o => o.Id).Take(50).ToListAsync();", "db.Orders\n            .Where(o=>o.Status==status)\n            .OrderBy( o => o.Id )\n            .Take(50)\n            .ToListAsync();", StringComparison.Ordinal)
                .Replace("db.Customers.FirstOrDefaultAsync(c => c.Email == email);", "db.Customers.FirstOrDefaultAsync(\n            c => c.Email == email);", StringComparison.Ordinal));

            var run = await AnalyzeWithBaseline();

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(4, Findings(run).Count(f => f.State == "unchanged"));
        }

        [Fact]
        public async Task Renamed_locals_and_lambda_parameters_are_still_baselined()
        {
            shop.Reset();
            var source = shop.Source("Orders/OrderService.cs");
            shop.Write("Orders/OrderService.cs", source
                .Replace("var customers =", "var tenantCustomers =", StringComparison.Ordinal)
                .Replace("in customers)", "in tenantCustomers)", StringComparison.Ordinal)
                .Replace("foreach (var customer in", "foreach (var buyer in", StringComparison.Ordinal)
                .Replace("o => o.CustomerId == customer.Id", "order => order.CustomerId == buyer.Id", StringComparison.Ordinal)
                .Replace("totals[customer.Id]", "totals[buyer.Id]", StringComparison.Ordinal));

            var run = await AnalyzeWithBaseline();

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("unchanged", Findings(run).Single(f => f.Rule == RuleIds.QueryInLoop).State);
            Assert.All(Findings(run), f => Assert.Equal("unchanged", f.State));
        }

        [Fact]
        public async Task One_added_slow_query_is_the_only_new_finding_and_exits_1()
        {
            shop.Reset();
            shop.Write("Orders/ProductCatalog.cs", SlowProductQuery);

            var run = await AnalyzeWithBaseline();

            Assert.True(run.ExitCode == 1, run.ToString());
            var added = Assert.Single(Findings(run), f => f.State == "new");
            Assert.Equal($"{RuleIds.UnboundedRead} Shop/Orders/ProductCatalog.cs:8", $"{added.Rule} {added.Path}:{added.Line}");
        }

        [Fact]
        public async Task A_build_with_the_baseline_as_additional_file_reports_only_findings_not_in_it()
        {
            shop.Reset();
            shop.Write("Orders/ProductCatalog.cs", SlowProductQuery);
            var analyzers = Path.Combine(RepositoryPaths.Root, "analyzers", "Sargable.Analyzers", "bin", RepositoryPaths.Configuration, "netstandard2.0");
            shop.Write("Directory.Build.props", $"""
                <Project>
                  <ItemGroup>
                    <Analyzer Include="{analyzers}/Sargable.Analyzers.dll;{analyzers}/Sargable.Core.dll" />
                    <AdditionalFiles Include="$(MSBuildThisFileDirectory){RuleIdFormat.BaselineFileName}" />
                  </ItemGroup>
                </Project>
                """);

            var build = await SargableProcess.Exec(shop.Project, "dotnet", "build", "--no-restore", "-nologo", "-clp:NoSummary", "-p:UseSharedCompilation=false");

            Assert.True(build.ExitCode == 0, build.ToString());
            var reported = build.Stdout.Split('\n').Where(l => l.Contains("warning SARG", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
            var only = Assert.Single(reported);
            Assert.Contains("Orders/ProductCatalog.cs(8,", only.Replace('\\', '/'), StringComparison.Ordinal);
            Assert.Contains("warning SARG0001", only, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_project_that_fails_to_load_is_named_with_the_reason_and_the_others_are_analyzed()
        {
            shop.Reset();
            var broken = Path.Combine(shop.Root, "Broken");
            Directory.CreateDirectory(broken);
            File.WriteAllText(Path.Combine(broken, "Broken.csproj"), "<Project Sdk=\"Sargable.Sdk.ThatDoesNotExist/1.0.0\">\n</Project>\n");
            File.WriteAllText(Path.Combine(shop.Root, "Shop.slnx"), "<Solution>\n  <Project Path=\"Shop/Shop.csproj\" />\n  <Project Path=\"Broken/Broken.csproj\" />\n</Solution>\n");

            var run = await SargableProcess.Run(shop.Root, "analyze", "Shop.slnx", "--format", "json");

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Equal(Expected, Findings(run).Select(f => $"{f.Rule} {f.Path}:{f.Line}").ToArray());
            using var json = JsonDocument.Parse(run.Stdout);
            var failure = Assert.Single(json.RootElement.GetProperty("failures").EnumerateArray());
            Assert.EndsWith("Broken.csproj", failure.GetProperty("project").GetString(), StringComparison.Ordinal);
            Assert.Contains("Broken.csproj was not analyzed", run.Stderr, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("remedy").GetString()));
        }

        private Task<ChildProcessResult> AnalyzeWithBaseline() =>
            SargableProcess.Run(shop.Root, "analyze", "Shop", "--format", "json", "--baseline", Path.Combine("Shop", RuleIdFormat.BaselineFileName));

        private static (string Rule, string Path, int Line, string? State)[] Findings(ChildProcessResult run)
        {
            using var json = JsonDocument.Parse(run.Stdout);
            return json.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => (
                    f.GetProperty("rule").GetString()!,
                    f.GetProperty("path").GetString()!,
                    f.GetProperty("line").GetInt32(),
                    f.TryGetProperty("baselineState", out var state) ? state.GetString() : null))
                .ToArray();
        }
    }
}
