using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Metadata references for test compilations, all offline: the .NET 10 reference assemblies embedded in
    /// Basic.Reference.Assemblies.Net100 plus the EF Core, ASP.NET Core Identity (its EF stores) and Microsoft.Extensions
    /// assemblies this test project itself references, taken from its output directory.
    /// </summary>
    public static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> EfCore = new(LoadEfCore);

        /// <summary>
        /// The framework's reference set: no package, no assembly name to look up, so <c>ResolveAsync</c> resolves nothing
        /// and never reaches for NuGet (its presets download Microsoft.NETCore.App.Ref versions the registry does not serve).
        /// Every reference is added explicitly through <see cref="WithEfCore"/> or <see cref="WithoutEfCore"/>.
        /// </summary>
        public static ReferenceAssemblies None { get; } = new("net10.0");

        public static ImmutableArray<MetadataReference> WithoutEfCore { get; } =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

        public static ImmutableArray<MetadataReference> WithEfCore => WithoutEfCore.AddRange(EfCore.Value);

        private static ImmutableArray<MetadataReference> LoadEfCore()
        {
            // The EF assemblies this project references must be among them, whatever else the directory holds.
            var required = new[]
            {
                typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location,
                typeof(Microsoft.EntityFrameworkCore.RelationalQueryableExtensions).Assembly.Location,
                typeof(Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext).Assembly.Location,
                typeof(Microsoft.AspNetCore.Identity.IdentityUser).Assembly.Location,
            };
            return Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
                .Where(p => Path.GetFileName(p) is var name &&
                    (name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ||
                     name.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)))
                .Concat(required)
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }
    }
}
