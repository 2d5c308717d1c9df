using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Sargable.Testing
{
    /// <summary>Where the repository is (the directory holding the solution file), and which configuration the tests were built in.</summary>
    public static class RepositoryPaths
    {
        /// <summary>The solution file that marks the repository root.</summary>
        public const string SolutionFile = "QueryGuard.sln";

        private static readonly Lazy<string> LazyRoot = new(FindRoot);

        public static string Root => LazyRoot.Value;

        public static string Configuration { get; } =
            typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        /// <summary>A path under the repository root: <c>Combine("docs", "rules")</c>.</summary>
        public static string Combine(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException(SolutionFile + " was not found above " + AppContext.BaseDirectory);
        }
    }
}
