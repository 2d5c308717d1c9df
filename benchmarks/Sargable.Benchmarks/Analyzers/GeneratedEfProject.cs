using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// A generated EF Core application of about 500 files: entities, a DbContext with fluent indexes, and services whose
    /// methods mix ordinary code, well-shaped queries and (in one method of most services) one of the nine slow shapes.
    /// Shared by the analyzer benchmark and the analyzer tests (no analyzer may throw on it).
    /// </summary>
    public static class GeneratedEfProject
    {
        public const int EntityCount = 20;

        public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

        /// <summary>The sources: EntityCount entity files, one DbContext, and services up to <paramref name="files"/> files.</summary>
        public static IReadOnlyList<(string Path, string Text)> Sources(int files = 500)
        {
            var sources = new List<(string, string)>();
            for (var k = 0; k < EntityCount; k++)
            {
                sources.Add(($"/generated/Entities/Entity{k}.cs", Entity(k)));
            }

            sources.Add(("/generated/AppDbContext.cs", Context()));
            for (var i = 0; sources.Count < files; i++)
            {
                sources.Add(($"/generated/Services/Service{i}.cs", Service(i)));
            }

            return sources;
        }

        public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<(string Path, string Text)> sources) =>
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToImmutableArray();

        public static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
            CSharpCompilation.Create(
                "Generated",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));

        /// <summary>The runtime's platform assemblies plus EF Core's, as metadata references.</summary>
        public static ImmutableArray<MetadataReference> References(params Type[] efTypes)
        {
            var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p =>
                {
                    var name = Path.GetFileNameWithoutExtension(p);
                    return name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard" ||
                        name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
                })
                .Concat(efTypes.Select(t => t.Assembly.Location))
                .Distinct(StringComparer.Ordinal);
            return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        }

        internal static string Entity(int k) => $$"""
            using System;
            using System.Collections.Generic;

            namespace Generated.Model
            {
                public sealed class Entity{{k}}
                {
                    public long Id { get; set; }
                    public long TenantId { get; set; }
                    public string Name { get; set; } = string.Empty;
                    public string Code { get; set; } = string.Empty;
                    public int Rank { get; set; }
                    public bool Active { get; set; }
                    public DateTime CreatedAt { get; set; }
                    public DateTime UpdatedAt { get; set; }
                    public DateTime? ClosedAt { get; set; }
                    public long Entity{{(k + 1) % EntityCount}}Id { get; set; }
                    public Entity{{(k + 1) % EntityCount}} Entity{{(k + 1) % EntityCount}} { get; set; } = null!;
                    public List<Entity{{(k + EntityCount - 1) % EntityCount}}> Children { get; } = new();
                }
            }
            """;

        internal static string Context()
        {
            var sets = new StringBuilder();
            var config = new StringBuilder();
            for (var k = 0; k < EntityCount; k++)
            {
                var next = (k + 1) % EntityCount;
                sets.AppendLine(CultureInfo.InvariantCulture, $"        public DbSet<Entity{k}> Entity{k}s => Set<Entity{k}>();");
                config.AppendLine(CultureInfo.InvariantCulture, $$"""
                            modelBuilder.Entity<Entity{{k}}>(entity =>
                            {
                                entity.ToTable("entity{{k}}s");
                                entity.HasOne(e => e.Entity{{next}}).WithMany(e => e.Children).HasForeignKey(e => e.Entity{{next}}Id);
                                entity.HasIndex(e => new { e.TenantId, e.Name }).IsUnique();
                                entity.HasIndex(e => new { e.TenantId, e.UpdatedAt, e.Id });
                                entity.HasIndex(e => e.CreatedAt);
                            });
                    """);
            }

            return $$"""
                using Microsoft.EntityFrameworkCore;
                using Generated.Model;

                namespace Generated
                {
                    public sealed class AppDbContext : DbContext
                    {
                        public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }

                {{sets}}
                        protected override void OnModelCreating(ModelBuilder modelBuilder)
                        {
                {{config}}
                        }
                    }
                }
                """;
        }

        private static string Service(int i)
        {
            var a = i % EntityCount;
            var b = (i * 7 + 3) % EntityCount;
            var slow = (i % 10) switch
            {
                1 => $$"""
                        public void ExportAll()
                        {
                            foreach (var row in db.Entity{{a}}s)
                            {
                                Sink(row.Name);
                            }
                        }

                        public Task<int> TotalAsync(CancellationToken ct) => db.Entity{{a}}s.CountAsync(ct);
                """,
                2 => $$"""
                        public Task<Entity{{a}}?> ByNameAsync(string name, CancellationToken ct) => db.Entity{{a}}s.FirstOrDefaultAsync(e => e.Name == name, ct);
                """,
                3 => $$"""
                        public Task<List<Entity{{a}}>> StaleAsync(long tenantId, DateTime before, CancellationToken ct) =>
                            db.Entity{{a}}s.Where(e => e.TenantId == tenantId && e.UpdatedAt <= before).OrderBy(e => e.Id).Take(100).ToListAsync(ct);
                """,
                4 => $$"""
                        public async Task<int> PerParentAsync(List<Entity{{b}}> parents, CancellationToken ct)
                        {
                            var total = 0;
                            foreach (var parent in parents)
                            {
                                total += await db.Entity{{a}}s.CountAsync(e => e.TenantId == parent.TenantId && e.Rank == parent.Rank, ct);
                            }

                            return total;
                        }
                """,
                5 => $$"""
                        public async Task PurgeAsync(long tenantId, CancellationToken ct)
                        {
                            db.Entity{{a}}s.RemoveRange(await db.Entity{{a}}s.Where(e => e.TenantId == tenantId && !e.Active).ToListAsync(ct));
                            await db.SaveChangesAsync(ct);
                        }
                """,
                6 => $$"""
                        public Task<List<Entity{{a}}>> ByCodeAsync(string code, CancellationToken ct) => db.Entity{{a}}s.Where(e => e.Code == code).ToListAsync(ct);
                """,
                7 => $$"""
                        public Task<List<Entity{{a}}>> NewestBeforeAsync(long tenantId, int beforeRank, CancellationToken ct) =>
                            db.Entity{{a}}s.Where(e => e.TenantId == tenantId && e.Rank < beforeRank).OrderByDescending(e => e.Rank).Take(20).ToListAsync(ct);
                """,
                8 => $$"""
                        public Task<List<Entity{{a}}>> PageAsync(long tenantId, int page, CancellationToken ct) =>
                            db.Entity{{a}}s.Where(e => e.TenantId == tenantId).OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id).Skip(page * 20).Take(20).ToListAsync(ct);
                """,
                9 => $$"""
                        public async Task<int> ActiveCountAsync(long tenantId, CancellationToken ct) =>
                            (await db.Entity{{a}}s.Where(e => e.TenantId == tenantId).ToListAsync(ct)).Count(e => e.Active);
                """,
                _ => string.Empty,
            };

            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                using Generated.Model;

                namespace Generated.Services
                {
                    public sealed class Service{{i}}
                    {
                        private readonly AppDbContext db;
                        private readonly List<string> log = new();

                        public Service{{i}}(AppDbContext db) => this.db = db;

                        public Task<Entity{{a}}?> FindAsync(long id, CancellationToken ct) => db.Entity{{a}}s.FirstOrDefaultAsync(e => e.Id == id, ct);

                        public Task<List<Entity{{a}}>> RecentAsync(long tenantId, DateTime since, CancellationToken ct) =>
                            db.Entity{{a}}s.AsNoTracking()
                                .Where(e => e.TenantId == tenantId && e.UpdatedAt >= since)
                                .OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id)
                                .Take(50)
                                .ToListAsync(ct);

                        public async Task<Dictionary<long, string>> NamesAsync(long tenantId, long[] ids, CancellationToken ct)
                        {
                            var rows = await db.Entity{{b}}s.Where(e => e.TenantId == tenantId && ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
                            return rows.ToDictionary(r => r.Id, r => r.Name);
                        }

                        public Task<bool> ExistsAsync(long tenantId, string name, CancellationToken ct) =>
                            db.Entity{{b}}s.AnyAsync(e => e.TenantId == tenantId && e.Name == name, ct);

                        public async Task RenameAsync(long id, string name, CancellationToken ct)
                        {
                            var entity = await db.Entity{{a}}s.FindAsync(new object[] { id }, ct);
                            if (entity is null)
                            {
                                throw new InvalidOperationException($"Entity {id} was not found.");
                            }

                            entity.Name = Normalize(name);
                            entity.UpdatedAt = DateTime.UtcNow;
                            await db.SaveChangesAsync(ct);
                        }

                        public int Score(IReadOnlyList<int> values)
                        {
                            var total = 0;
                            for (var n = 0; n < values.Count; n++)
                            {
                                total += values[n] % 3 == 0 ? values[n] * 2 : values[n];
                            }

                            return total + values.Where(v => v > 10).Select(v => v / 2).Sum();
                        }

                        public string Normalize(string text) =>
                            string.Join("-", text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim().ToLowerInvariant()));

                        public IEnumerable<string> Lines(IEnumerable<string> input)
                        {
                            foreach (var line in input)
                            {
                                if (line.StartsWith("#", StringComparison.Ordinal))
                                {
                                    continue;
                                }

                                yield return line.Length > 80 ? line.Substring(0, 80) : line;
                            }
                        }

                {{slow}}
                        private void Sink(string value) => log.Add(value);
                    }
                }
                """;
        }
    }
}
