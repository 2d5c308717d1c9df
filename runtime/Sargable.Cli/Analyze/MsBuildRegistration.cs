using System;
using System.Linq;
using Microsoft.Build.Locator;

namespace Sargable.Cli.Analyze
{
    /// <summary>
    /// Registers the .NET SDK's MSBuild with <see cref="MSBuildLocator"/>. It must run before any MSBuild or
    /// MSBuildWorkspace type is loaded, so the code that touches them lives in other classes called after it.
    /// </summary>
    internal static class MsBuildRegistration
    {
        private static readonly object Gate = new();

        /// <summary>The SDK folder in use after a successful registration.</summary>
        public static string? SdkPath { get; private set; }

        /// <summary>Registers the SDK that <c>dotnet</c> picks in <paramref name="workingDirectory"/> (global.json honoured); returns the problem, or null.</summary>
        public static string? EnsureRegistered(string workingDirectory)
        {
            lock (Gate)
            {
                if (MSBuildLocator.IsRegistered)
                {
                    return null;
                }

                var instances = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = workingDirectory,
                }).ToList();
                if (instances.Count == 0)
                {
                    return "no .NET SDK was found (dotnet --list-sdks lists none, or global.json asks for one that is not installed); install the SDK the projects need.";
                }

                var instance = instances[0];
                MSBuildLocator.RegisterInstance(instance);
                SdkPath = instance.MSBuildPath;
                return null;
            }
        }

        /// <summary>The <c>dotnet</c> executable that owns the registered SDK.</summary>
        public static string DotNetExecutable()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host))
            {
                return host;
            }

            if (SdkPath is not null)
            {
                var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(SdkPath, "..", ".."));
                var candidate = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                if (System.IO.File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return "dotnet";
        }
    }
}
