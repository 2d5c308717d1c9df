using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Sargable.Testing
{
    /// <summary>Where the repository is (the folder holding QueryGuard.sln above the test binaries), and which configuration the tests were built in.</summary>
    public static class RepositoryRoot
    {
        /// <summary>The solution file that marks the repository root.</summary>
        public const string SolutionFile = "QueryGuard.sln";

        /// <summary>The repository root's full path.</summary>
        public static string Path { get; } = Find();

        /// <summary>The build configuration of the calling test assembly (Debug or Release).</summary>
        public static string Configuration(Assembly testAssembly) =>
            (testAssembly ?? throw new ArgumentNullException(nameof(testAssembly))).GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        /// <summary>A path under the repository root.</summary>
        public static string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException(SolutionFile + " was not found above " + AppContext.BaseDirectory);
        }
    }
}
