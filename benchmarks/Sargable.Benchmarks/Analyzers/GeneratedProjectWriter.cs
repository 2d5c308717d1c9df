using System.IO;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// Writes <see cref="GeneratedEfProject"/> to disk as a buildable project with no Sargable reference, for
    /// benchmarks/analyze-vs-build.sh (a <c>dotnet build</c> of it against <c>sargable analyze</c> of it).
    /// </summary>
    internal static class GeneratedProjectWriter
    {
        public static int Write(string folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var (path, text) in GeneratedEfProject.Sources())
            {
                var target = Path.Combine(folder, path.TrimStart('/').Replace("generated/", string.Empty, System.StringComparison.Ordinal));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }

            // Outside the repository: no Directory.*.props apply, so the project names its own versions.
            File.WriteAllText(Path.Combine(folder, "Generated.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="10.0.15" />
                  </ItemGroup>
                </Project>
                """);
            return 0;
        }
    }
}
