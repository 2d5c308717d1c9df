namespace Sargable.Packaging.Tests
{
    /// <summary>
    /// A folder outside the repository set up like a user's project: the machine's NuGet sources plus the packed feed,
    /// its own packages folder (a broken package cannot hide behind a cached one), and none of the repository's build
    /// settings. Packages the machine has already downloaded are read from its cache as a fallback, so no restore goes
    /// further than the configured source would anyway.
    /// </summary>
    internal static class ConsumerFolder
    {
        public static string Create(PackedFeed feed, string name)
        {
            var directory = feed.NewFolder(name);
            var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
                  </config>
                  <packageSources>
                    <add key="sargable-test-feed" value="{feed.FeedDirectory}" />
                  </packageSources>
                  <fallbackPackageFolders>
                    <add key="machine" value="{machinePackages}" />
                  </fallbackPackageFolders>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
            return directory;
        }
    }
}
