using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sargable.Analyzers;

namespace Sargable.FrontEnds.Tests
{
    /// <summary>The analyzers read <c>TagWith(text)</c> on a LINQ query with the same meaning as the guard and check-sql.</summary>
    public sealed class AnalyzerFrontEndTests
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

        [Theory]
        [MemberData(nameof(AllowCommentCases.All), MemberType = typeof(AllowCommentCases))]
        public async Task The_analyzers_report_the_rules_a_tag_leaves_standing(string tag, string[] expected)
        {
            var tagCall = tag.Length == 0 ? string.Empty : $".TagWith(\"{tag}\")";
            var source = $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;

                namespace Consumer
                {
                    public sealed class Deployment
                    {
                        public long Id { get; set; }
                        public long ProjectId { get; set; }
                        public DateTime UpdatedAt { get; set; }
                        public DateTime CreatedAt { get; set; }
                    }

                    public sealed class AppDb : DbContext
                    {
                        public AppDb(DbContextOptions<AppDb> options) : base(options) { }

                        public DbSet<Deployment> Deployments => Set<Deployment>();

                        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                            modelBuilder.Entity<Deployment>().HasIndex(d => new { d.ProjectId, d.UpdatedAt });
                    }

                    public static class Reports
                    {
                        public static Task<List<Deployment>> Recent(AppDb db, long projectId, DateTime before, int page) =>
                            db.Deployments{{tagCall}}
                                .Where(d => d.ProjectId == projectId && d.UpdatedAt <= before)
                                .OrderBy(d => d.CreatedAt)
                                .Skip(page * 20)
                                .Take(20)
                                .ToListAsync();
                    }
                }
                """;
            var compilation = CSharpCompilation.Create(
                "Consumer",
                new[] { CSharpSyntaxTree.ParseText(source) },
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SargableAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();

            Assert.Equal(expected, diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            // The runtime's own assemblies plus the EF Core ones this project references: what a consumer compiles against.
            var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => Path.GetFileName(path) is var name &&
                    (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll" ||
                     name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)));
            var efCore = new[]
            {
                typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location,
                typeof(Microsoft.EntityFrameworkCore.RelationalQueryableExtensions).Assembly.Location,
            };
            return platform.Concat(efCore).Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
