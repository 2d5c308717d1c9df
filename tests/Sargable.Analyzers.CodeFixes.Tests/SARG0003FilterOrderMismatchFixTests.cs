using Sargable.Analyzers.CodeFixes.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests
{
    public sealed class SARG0003FilterOrderMismatchFixTests
    {
        [Fact]
        public Task Orders_by_the_range_property_then_the_key() => new CodeFixTest("""
            namespace App;
            class Sync
            {
                Task<List<Deployment>> Stale(AppDb db, DateTime before) => db.Deployments
                    .Where(d => d.UpdatedAt <= before)
                    .[|OrderBy(d => d.Id)|]
                    .Take(20)
                    .ToListAsync();

                List<Deployment> Finished(AppDb db, long projectId, long environmentId, DateTime from, DateTime to) => db.Deployments
                    .Where(x => x.ProjectId == projectId && x.EnvironmentId == environmentId && x.FinishedAt >= from && x.FinishedAt < to)
                    .[|OrderByDescending(x => x.UpdatedAt)|].ThenByDescending(x => x.Id)
                    .Take(100)
                    .ToList();
            }
            """, """
            namespace App;
            class Sync
            {
                Task<List<Deployment>> Stale(AppDb db, DateTime before) => db.Deployments
                    .Where(d => d.UpdatedAt <= before)
                    .{|SARG0003:OrderBy(d => d.UpdatedAt)|}.ThenBy(d => d.Id)
                    .Take(20)
                    .ToListAsync();

                List<Deployment> Finished(AppDb db, long projectId, long environmentId, DateTime from, DateTime to) => db.Deployments
                    .Where(x => x.ProjectId == projectId && x.EnvironmentId == environmentId && x.FinishedAt >= from && x.FinishedAt < to)
                    .OrderByDescending(x => x.FinishedAt).ThenByDescending(x => x.Id)
                    .Take(100)
                    .ToList();
            }
            """, RuleIds.FilterOrderMismatch, new FilterOrderMismatchCodeFix()).RunAsync();

        [Fact]
        public Task No_fix_when_the_order_is_not_served_for_another_reason() => new CodeFixTest("""
            namespace App;
            class Sync
            {
                List<Deployment> Run(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .[|OrderBy(d => d.UpdatedAt)|].ThenBy(d => d.Id)
                    .Take(20)
                    .ToList();
            }
            """, string.Empty, RuleIds.FilterOrderMismatch, new FilterOrderMismatchCodeFix()) { NoFixExpected = true }.RunAsync();
    }
}
