using System.Collections.Generic;
using System.Globalization;

namespace Sargable.Benchmarks.Analyzers
{
    /// <summary>
    /// A generated EF Core application of about 500 files written the way most of them are: the entities and DbContext
    /// of <see cref="GeneratedEfProject"/>, one repository (interface and implementation) per entity, a generic
    /// repository, a unit of work, and services that call the repositories — in loops, one in four with a per-item
    /// argument (an N+1 behind a method). The query summaries of SARG0004 have to read it; the benchmark and the analyzer
    /// tests share it.
    /// </summary>
    public static class GeneratedRepositoryProject
    {
        /// <summary>The sources: entities, the DbContext, repositories, the unit of work, then services up to <paramref name="files"/> files.</summary>
        public static IReadOnlyList<(string Path, string Text)> Sources(int files = 500)
        {
            var sources = new List<(string, string)>();
            for (var k = 0; k < GeneratedEfProject.EntityCount; k++)
            {
                sources.Add(($"/generated/Entities/Entity{k}.cs", GeneratedEfProject.Entity(k)));
            }

            sources.Add(("/generated/AppDbContext.cs", GeneratedEfProject.Context()));
            for (var k = 0; k < GeneratedEfProject.EntityCount; k++)
            {
                sources.Add(($"/generated/Repositories/Entity{k}Repository.cs", Repository(k)));
            }

            sources.Add(("/generated/Repositories/Repository.cs", GenericRepository));
            sources.Add(("/generated/UnitOfWork.cs", UnitOfWork()));
            for (var i = 0; sources.Count < files; i++)
            {
                sources.Add(($"/generated/Services/Service{i}.cs", Service(i)));
            }

            return sources;
        }

        /// <summary>How many N+1 calls behind a repository the services of a project of <paramref name="files"/> files plant.</summary>
        public static int PlantedRepositoryCalls(int files = 500)
        {
            var services = files - (2 * GeneratedEfProject.EntityCount) - 3;
            var planted = 0;
            for (var i = 0; i < services; i++)
            {
                planted += i % 4 == 1 ? 1 : 0;
            }

            return planted;
        }

        private const string GenericRepository = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            namespace Generated.Repositories
            {
                public interface IRepository<T> where T : class
                {
                    ValueTask<T?> GetByIdAsync(long id, CancellationToken ct);
                    void Add(T entity);
                }

                public class Repository<T> : IRepository<T> where T : class
                {
                    private readonly DbSet<T> set;

                    public Repository(AppDbContext db) => set = db.Set<T>();

                    public ValueTask<T?> GetByIdAsync(long id, CancellationToken ct) => set.FindAsync(new object[] { id }, ct);

                    public void Add(T entity) => set.Add(entity);
                }
            }
            """;

        private static string Repository(int k) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            using Generated.Model;

            namespace Generated.Repositories
            {
                public interface IEntity{{k}}Repository
                {
                    Task<Entity{{k}}?> GetByNameAsync(long tenantId, string name, CancellationToken ct);
                    Task<List<Entity{{k}}>> RecentAsync(long tenantId, DateTime since, CancellationToken ct);
                    Task<Dictionary<string, Entity{{k}}>> GetByNamesAsync(long tenantId, IReadOnlyCollection<string> names, CancellationToken ct);
                    IQueryable<Entity{{k}}> OfTenant(long tenantId);
                    string Label(Entity{{k}} entity);
                    void Remove(Entity{{k}} entity);
                }

                public sealed class Entity{{k}}Repository : IEntity{{k}}Repository
                {
                    private readonly AppDbContext db;

                    public Entity{{k}}Repository(AppDbContext db) => this.db = db;

                    public Task<Entity{{k}}?> GetByNameAsync(long tenantId, string name, CancellationToken ct) =>
                        db.Entity{{k}}s.FirstOrDefaultAsync(e => e.TenantId == tenantId && e.Name == name, ct);

                    public Task<List<Entity{{k}}>> RecentAsync(long tenantId, DateTime since, CancellationToken ct) =>
                        db.Entity{{k}}s.Where(e => e.TenantId == tenantId && e.UpdatedAt >= since).OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id).Take(50).ToListAsync(ct);

                    public Task<Dictionary<string, Entity{{k}}>> GetByNamesAsync(long tenantId, IReadOnlyCollection<string> names, CancellationToken ct) =>
                        db.Entity{{k}}s.Where(e => e.TenantId == tenantId && names.Contains(e.Name)).ToDictionaryAsync(e => e.Name, ct);

                    public IQueryable<Entity{{k}}> OfTenant(long tenantId) => db.Entity{{k}}s.Where(e => e.TenantId == tenantId);

                    public string Label(Entity{{k}} entity) => entity.Code + ":" + entity.Name;

                    public void Remove(Entity{{k}} entity) => db.Entity{{k}}s.Remove(entity);
                }
            }
            """;

        private static string UnitOfWork()
        {
            var properties = new System.Text.StringBuilder();
            var assignments = new System.Text.StringBuilder();
            for (var k = 0; k < GeneratedEfProject.EntityCount; k++)
            {
                properties.AppendLine(CultureInfo.InvariantCulture, $"        public IEntity{k}Repository Entity{k}s {{ get; }}");
                assignments.AppendLine(CultureInfo.InvariantCulture, $"            Entity{k}s = new Entity{k}Repository(db);");
            }

            return $$"""
                using System.Threading;
                using System.Threading.Tasks;
                using Generated.Model;
                using Generated.Repositories;

                namespace Generated
                {
                    public sealed class UnitOfWork
                    {
                        private readonly AppDbContext db;

                        public UnitOfWork(AppDbContext db)
                        {
                            this.db = db;
                {{assignments}}
                        }

                {{properties}}
                        public Task<int> CompleteAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
                    }
                }
                """;
        }

        private static string Service(int i)
        {
            var a = i % GeneratedEfProject.EntityCount;
            var b = (i * 7 + 3) % GeneratedEfProject.EntityCount;

            // One service in four calls a repository per item: the N+1 the summaries must find.
            var perItem = i % 4 == 1
                ? $$"""
                        public async Task<List<Entity{{a}}?>> MatchAllAsync(long tenantId, IReadOnlyList<Entity{{b}}> items, CancellationToken ct)
                        {
                            var found = new List<Entity{{a}}?>();
                            foreach (var item in items)
                            {
                                found.Add(await unitOfWork.Entity{{a}}s.GetByNameAsync(tenantId, item.Name, ct));
                            }

                            return found;
                        }
                """
                : $$"""
                        public async Task<List<Entity{{a}}?>> MatchAllAsync(long tenantId, IReadOnlyList<Entity{{b}}> items, CancellationToken ct)
                        {
                            var byName = await unitOfWork.Entity{{a}}s.GetByNamesAsync(tenantId, items.Select(i => i.Name).Distinct().ToList(), ct);
                            var found = new List<Entity{{a}}?>();
                            foreach (var item in items)
                            {
                                byName.TryGetValue(item.Name, out var match);
                                found.Add(match);
                            }

                            return found;
                        }
                """;

            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Generated.Model;
                using Generated.Repositories;

                namespace Generated.Services
                {
                    public sealed class Service{{i}}
                    {
                        private readonly UnitOfWork unitOfWork;
                        private readonly IRepository<Entity{{b}}> others;

                        public Service{{i}}(UnitOfWork unitOfWork, IRepository<Entity{{b}}> others)
                        {
                            this.unitOfWork = unitOfWork;
                            this.others = others;
                        }

                        public async Task<List<string>> LabelsAsync(long tenantId, DateTime since, CancellationToken ct)
                        {
                            var recent = await unitOfWork.Entity{{a}}s.RecentAsync(tenantId, since, ct);
                            var labels = new List<string>();
                            foreach (var entity in recent)
                            {
                                labels.Add(unitOfWork.Entity{{a}}s.Label(entity));
                            }

                            return labels;
                        }

                        public async Task<Entity{{b}}?> OwnerAsync(long id, CancellationToken ct) => await others.GetByIdAsync(id, ct);

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

                {{perItem}}
                        public async Task RenameAllAsync(IReadOnlyList<Entity{{a}}> entities, string suffix, CancellationToken ct)
                        {
                            foreach (var entity in entities)
                            {
                                entity.Name = Normalize(entity.Name + suffix);
                            }

                            await unitOfWork.CompleteAsync(ct);
                        }
                    }
                }
                """;
        }
    }
}
