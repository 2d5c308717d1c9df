using System.IO.Compression;
using System.Text.RegularExpressions;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Packaging
{
    /// <summary>
    /// Packs Sargable.Analyzers, then builds a throwaway project that references the package like a user would:
    /// the build reports the SARG warnings, and with -warnaserror it fails. The consumer restores into its own packages
    /// folder with a unique package version, so no NuGet cache can hand it a stale copy.
    /// </summary>
    public sealed class PackageConsumerTests : IDisposable
    {
        private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);
        private readonly string work = Directory.CreateTempSubdirectory("sargable-consumer-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temp folder is cleaned by the OS later.
            }
        }

        [Fact]
        public void Packed_analyzers_break_the_consumers_build_with_warn_as_error()
        {
            var version = "0.1.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
            var (packExit, packOutput) = DotnetCli.Run(
                RepositoryPaths.Root,
                Step,
                "pack", RepositoryPaths.Combine("analyzers", "Sargable.Analyzers", "Sargable.Analyzers.csproj"),
                "-c", RepositoryPaths.Configuration, "-o", feed, "-p:PackageVersion=" + version, "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(packExit == 0, packOutput);

            var package = Path.Combine(feed, $"Sargable.Analyzers.{version}.nupkg");
            AssertLayout(package);

            var consumer = Directory.CreateDirectory(Path.Combine(work, "consumer")).FullName;
            WriteConsumer(consumer, feed, version);

            var (buildExit, buildOutput) = DotnetCli.Run(consumer, Step, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(buildExit == 0, buildOutput);
            var warnings = Reported(buildOutput, "warning");
            Assert.Equal(new[] { "SARG0001", "SARG0002", "SARG0009" }, warnings);

            var (strictExit, strictOutput) = DotnetCli.Run(consumer, Step, "build", "--no-restore", "--no-incremental", "-warnaserror", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(strictExit != 0, "The -warnaserror build should have failed:" + Environment.NewLine + strictOutput);
            Assert.Equal(new[] { "SARG0001", "SARG0002", "SARG0009" }, Reported(strictOutput, "error"));
        }

        private static string[] Reported(string output, string level) =>
            Regex.Matches(output, $@"\b{level} (SARG\d{{4}})\b").Select(m => m.Groups[1].Value).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

        private static void AssertLayout(string package)
        {
            using var archive = ZipFile.OpenRead(package);
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/Sargable.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Sargable.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Sargable.Core.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            using var reader = new StreamReader(archive.GetEntry("Sargable.Analyzers.nuspec")!.Open());
            var nuspec = reader.ReadToEnd();
            Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
            Assert.DoesNotContain("<dependencies>", nuspec, StringComparison.Ordinal);
        }

        private static void WriteConsumer(string directory, string feed, string version)
        {
            var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
                  </config>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <fallbackPackageFolders>
                    <add key="machine" value="{globalPackages}" />
                  </fallbackPackageFolders>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.EntityFrameworkCore" Version="10.0.14" />
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
