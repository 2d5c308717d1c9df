using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0007NoUniqueTieBreakerTests
    {
        private const string Rule = RuleIds.NoUniqueTieBreaker;

        [Fact]
        public Task Paged_by_created_at() => Verify.DiagnosticsAsync("""
            namespace App;
            class Feed
            {
                Task<List<Deployment>> Page(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .[|OrderByDescending(d => d.CreatedAt)|]
                    .Skip(20)
                    .Take(20)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task Ordered_by_name_paged_with_skip() => Verify.DiagnosticsAsync("""
            namespace App;
            class Lists
            {
                List<ProjectEnvironment> Page(AppDb db) => db.Environments.[|OrderBy(e => e.Name)|].Skip(20).Take(20).ToList();
            }
            """, Rule);

        [Theory]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(20).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).Take(20).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync();")]
        [InlineData("await db.Deployments.Where(x => x.ProjectId == projectId).OrderByDescending(x => x.CreatedAt).ToListAsync();")]
        public Task A_unique_order_or_a_read_without_paging_is_fine(string query) => Verify.NoDiagnosticsAsync(TestModel.InMethod("var result = " + query), Rule);
    }
}
