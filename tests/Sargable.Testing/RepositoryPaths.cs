using System;
using System.IO;

namespace Sargable.Testing
{
    /// <summary>Where the repository is, for tests that read its samples or run its built tools.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> RootPath = new(() =>
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "QueryGuard.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("QueryGuard.sln was not found above " + AppContext.BaseDirectory);
        });

        /// <summary>The folder that holds QueryGuard.sln.</summary>
        public static string Root => RootPath.Value;

        /// <summary>The build configuration the tests were built in (Release or Debug), for finding sibling build outputs.</summary>
        public static string Configuration =>
            AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
    }
}
