using System;
using System.IO;
using System.Threading.Tasks;
using Sargable.Testing;

namespace Sargable.Cli.Tests.Analyze
{
    /// <summary>
    /// The Shop app (Fixtures/Shop: EF Core, no Sargable reference) copied once to a temporary folder and analyzed once
    /// with <c>--write-baseline</c>, which also restores it. Tests reset its sources, change them and analyze again.
    /// </summary>
    public sealed class ShopFixture : IAsyncLifetime
    {
        public ShopFixture()
        {
            Root = Directory.CreateTempSubdirectory("sargable-analyze-").FullName;
            Project = Path.Combine(Root, "Shop");
        }

        /// <summary>The temporary folder; the Shop project is in its Shop/ subfolder.</summary>
        public string Root { get; }

        public string Project { get; }

        public static string Template => Path.Combine(RepositoryPaths.Root, "tests", "Sargable.Cli.Tests", "Fixtures", "Shop");

        public string BaselinePath => Path.Combine(Project, RuleIdFormat.BaselineFileName);

        /// <summary>The first run: <c>analyze Shop --format json --write-baseline</c>.</summary>
        public ChildProcessResult FirstRun { get; private set; } = new(-1, string.Empty, string.Empty, string.Empty);

        /// <summary>The baseline the first run wrote.</summary>
        public string Baseline { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            CopyTemplate();
            FirstRun = await SargableProcess.Run(Root, "analyze", "Shop", "--format", "json", "--write-baseline");
            Baseline = File.Exists(BaselinePath) ? await File.ReadAllTextAsync(BaselinePath) : string.Empty;
        }

        /// <summary>Puts back the template's sources and the first baseline, and removes what a test added.</summary>
        public void Reset()
        {
            CopyTemplate();
            File.WriteAllText(BaselinePath, Baseline);
            File.Delete(Path.Combine(Project, "Directory.Build.props"));
            File.Delete(Path.Combine(Project, "Orders", "ProductCatalog.cs"));
        }

        public string Source(string relative) => File.ReadAllText(Path.Combine(Project, relative));

        public void Write(string relative, string text) => File.WriteAllText(Path.Combine(Project, relative), text);

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the folder is in the temp directory.
            }

            return Task.CompletedTask;
        }

        private void CopyTemplate()
        {
            foreach (var file in Directory.GetFiles(Template, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Template, file);
                if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.Combine(Project, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }
}
