using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Sargable.Packaging.Tests
{
    /// <summary>
    /// A throwaway project references Sargable.Analyzers from the packed feed like a user would: the build reports the
    /// SARG warnings, and with -warnaserror it fails.
    /// </summary>
    [Collection(PackagingCollection.Name)]
    public sealed class AnalyzersPackageTests
    {
        private readonly PackedFeed feed;

        public AnalyzersPackageTests(PackedFeed feed)
        {
            this.feed = feed;
        }

        [Fact]
        public void The_analyzer_package_holds_analyzers_code_fixes_and_engine_and_nothing_for_run_time()
        {
            feed.AssertPacked();
            using var archive = ZipFile.OpenRead(feed.Package("Sargable.Analyzers"));
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/Sargable.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Sargable.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Sargable.Core.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            var nuspec = PackageMetadata.Nuspec(archive, "Sargable.Analyzers");
            Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
            Assert.DoesNotContain("<dependencies>", nuspec, StringComparison.Ordinal);
        }

        [Fact]
        public void Packed_analyzers_break_the_consumers_build_with_warnaserror()
        {
            feed.AssertPacked();
            var consumer = ConsumerFolder.Create(feed, "analyzer-consumer");
            WriteConsumer(consumer, feed.Version);

            var (buildExit, buildOutput) = DotnetCli.Run(consumer, DotnetCli.Step, "build");
            Assert.True(buildExit == 0, buildOutput);
            Assert.Equal(new[] { "SARG0001", "SARG0002", "SARG0009" }, Reported(buildOutput, "warning"));

            var (strictExit, strictOutput) = DotnetCli.Run(consumer, DotnetCli.Step, "build", "--no-restore", "--no-incremental", "-warnaserror");
            Assert.True(strictExit != 0, "The -warnaserror build should have failed:" + Environment.NewLine + strictOutput);
            Assert.Equal(new[] { "SARG0001", "SARG0002", "SARG0009" }, Reported(strictOutput, "error"));
        }

        private static string[] Reported(string output, string level) =>
            Regex.Matches(output, $@"\b{level} (SARG\d{{4}})\b").Select(m => m.Groups[1].Value).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

        private static void WriteConsumer(string directory, string version)
        {
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.EntityFrameworkCore" Version="10.0.15" />
                    <PackageReference Include="Sargable.Analyzers" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "Queries.cs"), """
                using Microsoft.EntityFrameworkCore;

                namespace Consumer;

                public sealed class ProjectEnvironment
                {
                    public long Id { get; set; }
                    public long ProjectId { get; set; }
                    public string Name { get; set; } = "";
                }

                public sealed class Deployment
                {
                    public long Id { get; set; }
                    public long ProjectId { get; set; }
                    public string Ref { get; set; } = "";
                }

                public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options)
                {
                    public DbSet<ProjectEnvironment> Environments => Set<ProjectEnvironment>();
                    public DbSet<Deployment> Deployments => Set<Deployment>();

                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<ProjectEnvironment>().HasIndex(e => new { e.ProjectId, e.Name }).IsUnique();
                        modelBuilder.Entity<Deployment>().HasIndex(d => d.ProjectId);
                    }
                }

                public static class Queries
                {
                    public static async Task<int> Run(AppDb db, string name, long projectId)
                    {
                        var all = await db.Deployments.ToListAsync();                              // SARG0001
                        var production = await db.Environments.FirstOrDefaultAsync(e => e.Name == name); // SARG0002
                        var count = db.Deployments.Where(d => d.ProjectId == projectId).ToList().Count(); // SARG0009
                        return all.Count + count + (production is null ? 0 : 1);
                    }
                }
                """);
        }
    }
}
