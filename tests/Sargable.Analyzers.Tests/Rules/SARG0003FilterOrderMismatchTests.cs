using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0003FilterOrderMismatchTests
    {
        private const string Rule = RuleIds.FilterOrderMismatch;

        [Fact]
        public Task RangeOnOneColumnOrderedByAnother() => Verify.DiagnosticsAsync("""
            namespace App;
            class Sync
            {
                Task<List<Deployment>> Run(AppDb db, long projectId, long environmentId, DateTime before) => db.Deployments
                    .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt <= before)
                    .[|OrderBy(d => d.Id)|]
                    .Take(20)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task FinishedRangeOrderedByUpdatedAt() => Verify.DiagnosticsAsync("""
            namespace App;
            class Sync
            {
                Task<List<Deployment>> Run(AppDb db, long projectId, long environmentId, DateTime from, DateTime to) => db.Deployments
                    .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.FinishedAt >= from && d.FinishedAt < to)
                    .[|OrderBy(d => d.UpdatedAt)|].ThenBy(d => d.Id)
                    .Take(100)
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task EqualityPrefixSkippingAnIndexColumn() => Verify.DiagnosticsAsync("""
            namespace App;
            class Sync
            {
                List<Deployment> Run(AppDb db, long projectId) => db.Deployments
                    .Where(d => d.ProjectId == projectId)
                    .[|OrderBy(d => d.UpdatedAt)|].ThenBy(d => d.Id)
                    .Take(20)
                    .ToList();
            }
            """, Rule);

        [Fact]
        public Task ServedOrdersAreFine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Sync
            {
                async Task Run(AppDb db, long projectId, long environmentId, DateTime from, DateTime to, DateTime before)
                {
                    var a = await db.Deployments
                        .Where(d => d.EnvironmentId == environmentId && d.FinishedAt >= from && d.FinishedAt < to)
                        .OrderBy(d => d.FinishedAt).ThenBy(d => d.Id)
                        .Take(100)
                        .ToListAsync();
                    var b = await db.Deployments
                        .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt <= before)
                        .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                        .Take(20)
                        .ToListAsync();
                    // Not limited: the whole filtered set is read anyway.
                    var c = await db.Deployments.Where(d => d.ProjectId == projectId && d.UpdatedAt <= before).OrderBy(d => d.Id).ToListAsync();
                    var latest = await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Iid).FirstOrDefaultAsync();
                }
            }
            """, Rule);
    }
}
