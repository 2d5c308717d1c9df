using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0003FilterOrderMismatchTests
    {
        private const string Rule = RuleIds.FilterOrderMismatch;

        [Fact]
        public Task Range_on_one_column_ordered_by_another() => Verify.DiagnosticsAsync("""
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
        public Task Finished_range_ordered_by_updated_at() => Verify.DiagnosticsAsync("""
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
        public Task Equality_prefix_skipping_an_index_column() => Verify.DiagnosticsAsync("""
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

        [Theory]
        [InlineData("await db.Deployments.Where(d => d.EnvironmentId == environmentId && d.FinishedAt >= from && d.FinishedAt < to).OrderBy(d => d.FinishedAt).ThenBy(d => d.Id).Take(100).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt <= before).OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Take(20).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Iid).FirstOrDefaultAsync();")]
        public Task An_order_an_index_serves_after_the_filter_is_fine(string query) => Verify.NoDiagnosticsAsync(TestModel.InMethod("var result = " + query), Rule);

        [Fact]
        public Task An_unlimited_read_is_not_judged_on_its_order() => Verify.NoDiagnosticsAsync(
            TestModel.InMethod("var all = await db.Deployments.Where(d => d.ProjectId == projectId && d.UpdatedAt <= before).OrderBy(d => d.Id).ToListAsync();"), Rule);
    }
}
