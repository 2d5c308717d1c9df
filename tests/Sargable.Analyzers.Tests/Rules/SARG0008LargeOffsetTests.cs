using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0008LargeOffsetTests
    {
        private const string Rule = RuleIds.LargeOffset;

        [Fact]
        public Task Parameter_offset() => Verify.DiagnosticsAsync("""
            namespace App;
            class Pages
            {
                Task<List<Deployment>> Page(AppDb db, long projectId, long environmentId, int pageNumber) => db.Deployments
                    .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId)
                    .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                    .[|Skip(pageNumber * 20)|].Take(20)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task Large_constant_offset_and_threshold() => Verify.DiagnosticsAsync("""
            namespace App;
            class Pages
            {
                List<Deployment> Deep(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).[|Skip(5000)|].Take(20).ToList();
                List<Deployment> Shallow(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).Skip(40).Take(20).ToList();
                List<Deployment> AtThreshold(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).Skip(1000).Take(20).ToList();
            }
            """, Rule);

        [Fact]
        public Task Threshold_from_editor_config() => Verify.DiagnosticsAsync("""
            namespace App;
            class Pages
            {
                List<Deployment> Shallow(AppDb db, long projectId) => db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).[|Skip(40)|].Take(20).ToList();
            }
            """, Rule, new Dictionary<string, string> { [RuleIdFormat.ConfigKey("offset_threshold")] = "10" });

        [Fact]
        public Task A_paging_helper_over_an_IQueryable_parameter_is_reported_once_at_its_Skip() => Verify.DiagnosticsAsync("""
            namespace App;
            public sealed class PagedList<T>
            {
                private PagedList(List<T> items) => Items = items;

                public List<T> Items { get; }

                public static async Task<PagedList<T>> CreateAsync(IQueryable<T> source, int page, int size) =>
                    new(await source.[|Skip((page - 1) * size)|].Take(size).ToListAsync());

                // The first page only: a constant Skip is no paging.
                public static async Task<PagedList<T>> FirstAsync(IQueryable<T> source, int size) =>
                    new(await source.Skip(0).Take(size).ToListAsync());
            }

            class Callers
            {
                Task<PagedList<Deployment>> Deployments(AppDb db, long projectId, int page) =>
                    PagedList<Deployment>.CreateAsync(db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id), page, 20);

                Task<PagedList<Project>> Projects(AppDb db, int page) =>
                    PagedList<Project>.CreateAsync(db.Projects.OrderBy(p => p.Id), page, 20);

                // In memory: a list is no query.
                List<int> Local(List<int> values, int page) => values.Skip(page * 20).Take(20).ToList();
            }
            """, Rule);

        [Fact]
        public Task Paging_after_optional_filters_is_reported_at_the_unconditional_Skip() => Verify.DiagnosticsAsync("""
            namespace App;
            public sealed class DeploymentRepository(AppDb db)
            {
                public async Task<List<Deployment>> SearchAsync(long? projectId, string? reference, DeploymentStatus? status, int pageIndex, int pageSize)
                {
                    var query = (IQueryable<Deployment>)db.Deployments;
                    if (projectId is not null)
                    {
                        query = query.Where(d => d.ProjectId == projectId);
                    }

                    if (!string.IsNullOrEmpty(reference)) query = query.Where(d => d.Ref == reference);
                    if (status.HasValue)
                    {
                        query = query.Where(d => d.Status == status);
                    }

                    query = query.OrderBy(d => d.Id);
                    return await query.[|Skip(pageSize * pageIndex)|].Take(pageSize).ToListAsync();
                }

                public Task<List<Deployment>> RecentAsync(long projectId, bool onlyFinished, int page, int size)
                {
                    IQueryable<Deployment> recent = db.Deployments.Where(d => d.ProjectId == projectId);
                    if (onlyFinished)
                    {
                        recent = recent.Where(d => d.FinishedAt != null);
                    }

                    return recent.OrderByDescending(d => d.CreatedAt).[|Skip(page * size)|].Take(size).ToListAsync();
                }

                // The paging itself is optional: whether it runs depends on the arguments, so it is not reported.
                public Task<List<Deployment>> MaybePagedAsync(long projectId, int? page)
                {
                    var query = db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id).AsQueryable();
                    if (page is { } p)
                    {
                        query = query.Skip(p * 20).Take(20);
                    }

                    return query.ToListAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Paging_a_local_reassigned_from_another_query_or_after_its_execution_is_not_followed() => Verify.DiagnosticsAsync("""
            namespace App;
            class Pages
            {
                async Task Run(AppDb db, long projectId, bool archived, int page)
                {
                    var certain = db.Deployments.AsQueryable();
                    certain = certain.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id);
                    var first = await certain.[|Skip(page * 20)|].Take(20).ToListAsync();

                    var replaced = db.Deployments.AsQueryable();
                    if (archived)
                    {
                        replaced = db.Deployments.Where(d => d.FinishedAt != null);
                    }

                    var second = await replaced.OrderBy(d => d.Id).Skip(page * 20).Take(20).ToListAsync();

                    var later = db.Deployments.OrderBy(d => d.Id).AsQueryable();
                    var third = await later.Skip(page * 20).Take(20).ToListAsync();
                    later = later.Where(d => d.ProjectId == projectId);
                }
            }
            """, Rule);

        [Fact]
        public Task A_paging_helper_through_a_local_or_a_reassigned_parameter_is_reported_once_at_its_Skip() => Verify.DiagnosticsAsync("""
            namespace App;
            using System.Linq.Expressions;

            public static class QueryablePaging
            {
                public static Task<List<T>> PageByAsync<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, int page, int size)
                {
                    var ordered = source.OrderBy(key);
                    return ordered.[|Skip((page - 1) * size)|].Take(size).ToListAsync();
                }

                public static List<T> PageWhere<T>(IQueryable<T> source, Expression<Func<T, bool>>? filter, int offset, int size)
                {
                    if (filter is not null)
                    {
                        source = source.Where(filter);
                    }

                    return source.[|Skip(offset)|].Take(size).ToList();
                }

                // The parameter is replaced by its rows in memory, not extended: what is paged is a list.
                public static List<T> PageLoaded<T>(IQueryable<T> source, int offset)
                {
                    source = source.ToList().AsQueryable();
                    return source.Skip(offset).ToList();
                }
            }
            """, Rule);
    }
}
