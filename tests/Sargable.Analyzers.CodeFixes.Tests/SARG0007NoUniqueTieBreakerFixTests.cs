using Sargable.Analyzers.CodeFixes.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests
{
    public sealed class SARG0007NoUniqueTieBreakerFixTests
    {
        [Fact]
        public Task Appends_the_key_in_the_same_direction() => new CodeFixTest("""
            namespace App;
            class Feed
            {
                Task<List<Deployment>> Page(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .[|OrderByDescending(d => d.CreatedAt)|]
                    .Skip(20).Take(20)
                    .ToListAsync();

                List<ProjectEnvironment> Names(AppDb db) => db.Environments.[|OrderBy(e => e.Name)|].Skip(20).Take(20).ToList();
            }
            """, """
            namespace App;
            class Feed
            {
                Task<List<Deployment>> Page(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
                    .Skip(20).Take(20)
                    .ToListAsync();

                List<ProjectEnvironment> Names(AppDb db) => db.Environments.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(20).Take(20).ToList();
            }
            """, RuleIds.NoUniqueTieBreaker, new NoUniqueTieBreakerCodeFix()).RunAsync();

        [Fact]
        public Task Appends_after_the_last_ThenBy() => new CodeFixTest("""
            namespace App;
            class Feed
            {
                List<Deployment> Page(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .{|SARG0003:[|OrderBy(d => d.Status)|]|}.ThenBy(d => d.CreatedAt) // newest last
                    .Skip(20).Take(20)
                    .ToList();
            }
            """, """
            namespace App;
            class Feed
            {
                List<Deployment> Page(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .{|SARG0003:OrderBy(d => d.Status)|}.ThenBy(d => d.CreatedAt).ThenBy(d => d.Id) // newest last
                    .Skip(20).Take(20)
                    .ToList();
            }
            """, RuleIds.NoUniqueTieBreaker, new NoUniqueTieBreakerCodeFix()).RunAsync();
    }
}
