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
    }
}
