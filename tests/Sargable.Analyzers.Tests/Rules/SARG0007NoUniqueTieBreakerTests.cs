using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0007NoUniqueTieBreakerTests
    {
        private const string Rule = RuleIds.NoUniqueTieBreaker;

        [Fact]
        public Task PagedByCreatedAt() => Verify.DiagnosticsAsync("""
            namespace App;
            class Feed
            {
                Task<List<Deployment>> Page(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .[|OrderByDescending(d => d.CreatedAt)|]
                    .Take(20)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task OrderedByNameLimited() => Verify.DiagnosticsAsync("""
            namespace App;
            class Lists
            {
                List<ProjectEnvironment> Page(AppDb db) => db.Environments.[|OrderBy(e => e.Name)|].Take(20).ToList();
            }
            """, Rule);

        [Fact]
        public Task UniqueOrdersAreFine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Feed
            {
                async Task Run(AppDb db, long projectId)
                {
                    var a = await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(20).ToListAsync();
                    var b = await db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).Take(20).ToListAsync();
                    var c = await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync();
                    var d = await db.Deployments.Where(x => x.ProjectId == projectId).OrderByDescending(x => x.CreatedAt).ToListAsync();
                }
            }
            """, Rule);
    }
}
