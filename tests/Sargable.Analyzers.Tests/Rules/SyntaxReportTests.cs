using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    /// <summary>
    /// Findings reported from the syntax reading without binding the method (see <c>DbSetRootResolver</c>): the DbSet
    /// must be confirmed from declarations, and anything that could make a name or an operator mean something else
    /// sends the query to binding. Every verification also runs with binding only and must give the same diagnostics.
    /// </summary>
    public sealed class SyntaxReportTests
    {
        private const string Rule = RuleIds.ScopelessLookup;

        [Fact]
        public Task Receivers_resolved_from_declarations() => Verify.DiagnosticsAsync("""
            namespace App;
            class ByField
            {
                private readonly AppDb db = null!;
                Task<ProjectEnvironment?> A(string name) => db.Environments.[|FirstOrDefaultAsync(e => e.Name == name)|];
                Task<ProjectEnvironment?> B(string name) => this.db.Environments.[|FirstOrDefaultAsync(e => e.Name == name)|];
            }
            class ByPrimaryConstructor(AppDb context)
            {
                Task<ProjectEnvironment?> A(string name) => context.Environments.[|FirstOrDefaultAsync(e => e.Name == name)|];
            }
            class ByParameter
            {
                Task<ProjectEnvironment?> A(AppDb db, string name) => db.Environments.[|FirstOrDefaultAsync(e => e.Name == name)|];
            }
            class ByProperty
            {
                public AppDb Db { get; } = null!;
                Task<ProjectEnvironment?> A(string name) => Db.Environments.[|FirstOrDefaultAsync(e => e.Name == name)|];
            }
            """, Rule);

        [Fact]
        public Task Local_that_hides_the_context_is_not_taken_for_it() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Holder
            {
                public List<ProjectEnvironment> Environments { get; } = new();
            }
            class Service
            {
                private readonly AppDb db = null!;
                ProjectEnvironment? A(string name)
                {
                    var db = new Holder();
                    return db.Environments.Where(e => e.Name == name).FirstOrDefault();
                }

                IEnumerable<ProjectEnvironment?> B(List<Holder> holders, string name) =>
                    holders.Select(db => db.Environments.Where(e => e.Name == name).FirstOrDefault());

                ProjectEnvironment? C(Holder db, string name) => db.Environments.Where(e => e.Name == name).FirstOrDefault();
            }
            class WithSetter
            {
                private readonly AppDb value = null!;
                public ProjectEnvironment? Found { get; private set; }
                public Holder Source
                {
                    set => Found = value.Environments.Where(e => e.Name == "production").FirstOrDefault();
                }
            }
            """, Rule);

        [Fact]
        public Task An_operator_lookalike_in_source_is_left_to_binding() => Verify.NoDiagnosticsAsync("""
            namespace App;
            static class LocalFilters
            {
                // More specific than Queryable.Where for a DbSet: it wins, and runs on the client.
                public static List<T> Where<T>(this DbSet<T> set, Func<T, bool> predicate) where T : class => Enumerable.Where(set.Local, predicate).ToList();
            }
            class Service
            {
                ProjectEnvironment? A(AppDb db, string name) => db.Environments.Where(e => e.Name == name).FirstOrDefault();
            }
            """, Rule);

        [Fact]
        public Task Constant_paging_is_left_to_binding() => Verify.DiagnosticsAsync("""
            namespace App;
            class Service
            {
                private const int Deep = 50_000;
                Task<List<Deployment>> A(AppDb db, long projectId) =>
                    db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id).[|Skip(Deep)|].Take(20).ToListAsync();
                Task<List<Deployment>> B(AppDb db, long projectId) =>
                    db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id).Skip(100).Take(20).ToListAsync();
            }
            """, RuleIds.LargeOffset);
    }
}
