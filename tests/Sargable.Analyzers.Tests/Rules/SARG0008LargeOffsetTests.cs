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
    }
}
