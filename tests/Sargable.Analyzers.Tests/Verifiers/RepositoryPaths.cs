using System.IO;
using System.Reflection;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>Where the repository is, and which configuration these tests were built in.</summary>
    public static class RepositoryPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Configuration { get; } =
            typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        public static string Combine(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "QueryGuard.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("QueryGuard.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
