using Sargable.Testing;

namespace Sargable.Packaging.Tests
{
    /// <summary>
    /// A console app references Sargable.EntityFrameworkCore from the packed feed (and Npgsql's provider), runs a query that
    /// reads a whole table on a real PostgreSQL with the guard in Throw mode, and reports the InefficientQueryError it got.
    /// </summary>
    [Collection(PackagingCollection.Name)]
    public sealed class EntityFrameworkCorePackageTests : IClassFixture<PostgresDatabase>
    {
        private readonly PackedFeed feed;
        private readonly PostgresDatabase database;

        public EntityFrameworkCorePackageTests(PackedFeed feed, PostgresDatabase database)
        {
            this.feed = feed;
            this.database = database;
        }

        [Fact]
        public void An_app_using_the_packed_guard_gets_an_InefficientQueryError_with_a_SARG_rule()
        {
            feed.AssertPacked();
            var consumer = ConsumerFolder.Create(feed, "ef-consumer");
            WriteConsumer(consumer, feed.Version);

            var (buildExit, buildOutput) = DotnetCli.Run(consumer, DotnetCli.Step, "build", "-c", "Release");
            Assert.True(buildExit == 0, buildOutput);

            var (exit, output) = DotnetCli.Run(
                consumer,
                DotnetCli.Step,
                "run", "--no-build", "-c", "Release", "--", database.ConnectionString);
            Assert.True(exit == 0, output);
            Assert.Contains("caught InefficientQueryError SARG0001 on deployments", output, StringComparison.Ordinal);
            Assert.Contains("help: https://github.com/sargable/sargable/blob/main/docs/rules/SARG0001.md", output, StringComparison.Ordinal);
        }

        private static void WriteConsumer(string directory, string version)
        {
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.0" />
                    <PackageReference Include="Sargable.EntityFrameworkCore" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "Program.cs"), """
                using Microsoft.EntityFrameworkCore;
                using Sargable;

                var options = new DbContextOptionsBuilder<AppDb>()
                    .UseNpgsql(args[0])
                    .UseSargable(guard => guard.Mode(SargableMode.Throw))
                    .Options;

                await using var db = new AppDb(options);
                await db.Database.EnsureCreatedAsync();
                db.Deployments.Add(new Deployment { ProjectId = 1, Ref = "main" });
                await db.SaveChangesAsync();

                var projectId = 1L;
                var ofProject = await db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id).Take(20).ToListAsync();
                Console.WriteLine($"indexed read returned {ofProject.Count} row(s)");

                try
                {
                    await db.Deployments.ToListAsync();
                    Console.WriteLine("no error: the guard did not stop an unbounded read");
                    return 2;
                }
                catch (InefficientQueryError error)
                {
                    Console.WriteLine($"caught InefficientQueryError {error.RuleId} on {error.Finding.Table}");
                    Console.WriteLine("help: " + error.HelpLink);
                    return 0;
                }

                public sealed class Deployment
                {
                    public long Id { get; set; }
                    public long ProjectId { get; set; }
                    public string Ref { get; set; } = "";
                }

                public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options)
                {
                    public DbSet<Deployment> Deployments => Set<Deployment>();

                    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                        modelBuilder.Entity<Deployment>(d =>
                        {
                            d.ToTable("deployments");
                            d.Property(x => x.ProjectId).HasColumnName("project_id");
                            d.HasIndex(x => new { x.ProjectId, x.Id });
                        });
                }
                """);
        }
    }
}
