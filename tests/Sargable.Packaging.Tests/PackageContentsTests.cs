using System.IO.Compression;

namespace Sargable.Packaging.Tests
{
    /// <summary>What `dotnet pack QueryGuard.sln` produces from a fresh tree, and the metadata each package carries.</summary>
    [Collection(PackagingCollection.Name)]
    public sealed class PackageContentsTests
    {
        private readonly PackedFeed feed;

        public PackageContentsTests(PackedFeed feed)
        {
            this.feed = feed;
        }

        public static TheoryData<string> Packages => new(PackedFeed.PackageIds);

        public static TheoryData<string> LibraryAndToolPackages => new("Sargable.Core", "Sargable.EntityFrameworkCore", "Sargable.Cli");

        [Fact]
        public void Packing_the_solution_from_a_fresh_tree_gives_exactly_the_four_products()
        {
            feed.AssertPacked();
            var packages = Directory.GetFiles(feed.FeedDirectory, "*.nupkg")
                .Select(p => Path.GetFileName(p)[..^(feed.Version.Length + ".nupkg".Length + 1)])
                .OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(PackedFeed.PackageIds, packages);
        }

        [Theory]
        [MemberData(nameof(Packages))]
        public void Each_package_has_description_license_readme_repository_and_tags(string id)
        {
            feed.AssertPacked();
            using var archive = ZipFile.OpenRead(feed.Package(id));
            var nuspec = PackageMetadata.Nuspec(archive, id);

            Assert.True((PackageMetadata.Element(nuspec, "description") ?? string.Empty).Length > 40, nuspec);
            Assert.Equal("MIT", PackageMetadata.Element(nuspec, "license"));
            Assert.Equal("expression", PackageMetadata.Attribute(nuspec, "license", "type"));
            Assert.Equal("README.md", PackageMetadata.Element(nuspec, "readme"));
            Assert.NotNull(archive.GetEntry("README.md"));
            Assert.StartsWith("https://github.com/", PackageMetadata.Attribute(nuspec, "repository", "url"), StringComparison.Ordinal);
            Assert.Contains("efcore", PackageMetadata.Element(nuspec, "tags") ?? string.Empty, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(LibraryAndToolPackages))]
        public void Libraries_and_the_tool_come_with_a_symbols_package(string id)
        {
            feed.AssertPacked();
            using var symbols = ZipFile.OpenRead(feed.Package(id, ".snupkg"));
            Assert.Contains(symbols.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("Sargable.Core", "lib/netstandard2.0/Sargable.Core.xml")]
        [InlineData("Sargable.EntityFrameworkCore", "lib/net10.0/Sargable.EntityFrameworkCore.xml")]
        public void Libraries_ship_their_xml_documentation(string id, string documentation)
        {
            feed.AssertPacked();
            using var archive = ZipFile.OpenRead(feed.Package(id));
            Assert.NotNull(archive.GetEntry(documentation));
        }

        [Fact]
        public void The_guard_package_depends_on_the_core_package_of_the_same_version()
        {
            feed.AssertPacked();
            using var archive = ZipFile.OpenRead(feed.Package("Sargable.EntityFrameworkCore"));
            var nuspec = PackageMetadata.Nuspec(archive, "Sargable.EntityFrameworkCore");
            Assert.Contains($"<dependency id=\"Sargable.Core\" version=\"{feed.Version}\"", nuspec, StringComparison.Ordinal);
        }
    }
}
