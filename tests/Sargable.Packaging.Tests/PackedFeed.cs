using System.Globalization;
using Sargable.Testing;

namespace Sargable.Packaging.Tests
{
    /// <summary>
    /// Copies the working tree without bin/obj (a fresh clone as far as the build can tell), runs
    /// <c>dotnet pack QueryGuard.sln -c Release -o feed</c> in the copy with a version unique to this run, and keeps the
    /// feed for every test of the run. The unique version means no NuGet cache can answer with an older build.
    /// </summary>
    public sealed class PackedFeed : IDisposable
    {
        /// <summary>The packages `dotnet pack QueryGuard.sln` must produce, no more, no fewer.</summary>
        public static readonly string[] PackageIds = { "Sargable.Analyzers", "Sargable.Cli", "Sargable.Core", "Sargable.EntityFrameworkCore" };

        private static readonly string[] SkippedFolders = { ".git", "bin", "obj", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", ".pg-test", ".vs", ".idea" };

        public PackedFeed()
        {
            Work = Directory.CreateTempSubdirectory("sargable-packaging-").FullName;
            Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            Clone = Path.Combine(Work, "clone");
            CopyTree(new DirectoryInfo(RepositoryPaths.Root), Directory.CreateDirectory(Clone));
            FeedDirectory = Directory.CreateDirectory(Path.Combine(Work, "feed")).FullName;
            var (exit, output) = DotnetCli.Run(
                Clone,
                DotnetCli.LongStep,
                "pack", RepositoryPaths.SolutionFile, "-c", "Release", "-o", FeedDirectory, "-p:PackageVersion=" + Version);
            PackOutput = output;
            PackExitCode = exit;
        }

        /// <summary>The temporary folder holding the copy, the feed and whatever the tests build from it.</summary>
        public string Work { get; }

        /// <summary>The copy of the working tree that was packed.</summary>
        public string Clone { get; }

        /// <summary>The feed folder with the .nupkg and .snupkg files.</summary>
        public string FeedDirectory { get; }

        /// <summary>The version every package of this run carries.</summary>
        public string Version { get; }

        /// <summary>The exit code of `dotnet pack`.</summary>
        public int PackExitCode { get; }

        /// <summary>What `dotnet pack` printed.</summary>
        public string PackOutput { get; }

        /// <summary>Fails the calling test with pack's output when the pack failed.</summary>
        public void AssertPacked() => Assert.True(PackExitCode == 0, "dotnet pack QueryGuard.sln failed:" + Environment.NewLine + PackOutput);

        /// <summary>The path of a package in the feed.</summary>
        public string Package(string id, string extension = ".nupkg") => Path.Combine(FeedDirectory, id + "." + Version + extension);

        /// <summary>A new empty folder for one test's consumer project or tool.</summary>
        public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Work, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Work, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temp folder is cleaned by the OS later.
            }
            catch (UnauthorizedAccessException)
            {
                // Same: left to the OS's temp cleanup.
            }
        }

        private static void CopyTree(DirectoryInfo from, DirectoryInfo to)
        {
            foreach (var file in from.EnumerateFiles())
            {
                file.CopyTo(Path.Combine(to.FullName, file.Name));
            }

            foreach (var folder in from.EnumerateDirectories())
            {
                if (Array.IndexOf(SkippedFolders, folder.Name) < 0 && (folder.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    CopyTree(folder, to.CreateSubdirectory(folder.Name));
                }
            }
        }
    }
}
