using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0001UnboundedReadTests
    {
        private const string Rule = RuleIds.UnboundedRead;

        [Fact]
        public Task Foreach_over_DbSet() => Verify.DiagnosticsAsync("""
            namespace App;
            class Archiver
            {
                void Run(AppDb db)
                {
                    foreach (var deployment in [|db.Deployments|])
                    {
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task ToList_and_ToListAsync_and_AsEnumerable() => Verify.DiagnosticsAsync("""
            namespace App;
            class Export
            {
                async Task Run(AppDb db)
                {
                    var all = db.Deployments.[|ToList()|];
                    var asyncAll = await db.Deployments.AsNoTracking().[|ToListAsync()|];
                    var array = await db.Deployments.[|ToArrayAsync(CancellationToken.None)|];
                    var dictionary = db.Projects.[|ToDictionary(p => p.Id)|];
                    foreach (var d in db.Deployments.[|AsEnumerable()|]) { }
                }
            }
            """, Rule);

        [Fact]
        public Task Await_foreach_over_AsyncEnumerable() => Verify.DiagnosticsAsync("""
            namespace App;
            class Export
            {
                async Task Run(AppDb db)
                {
                    await foreach (var d in db.Deployments.[|AsAsyncEnumerable()|]) { }
                }
            }
            """, Rule);

        [Fact]
        public Task Await_foreach_over_the_DbSet_itself() => Verify.DiagnosticsAsync("""
            namespace App;
            class Export
            {
                async Task Run(AppDb db)
                {
                    await foreach (var d in [|db.Deployments|]) { }
                }
            }
            """, Rule);

        [Fact]
        public Task Query_through_a_local() => Verify.DiagnosticsAsync("""
            namespace App;
            class Export
            {
                List<Deployment> Run(AppDb db)
                {
                    var query = db.Deployments.OrderBy(d => d.Id);
                    return query.[|ToList()|];
                }
            }
            """, Rule);

        [Fact]
        public Task Count_of_whole_table_is_SARG0010_not_an_unbounded_read() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Stats
            {
                Task<int> Run(AppDb db) => db.Deployments.CountAsync();
            }
            """, Rule);

        [Fact]
        public Task Skip_take_batching_loop() => Verify.DiagnosticsAsync("""
            namespace App;
            class Archiver
            {
                async Task Run(AppDb db)
                {
                    for (var page = 0; ; page++)
                    {
                        var batch = await db.Deployments.OrderBy(d => d.Id).{|SARG0008:Skip(page * 1000)|}.Take(1000).[|ToListAsync()|];
                        if (batch.Count == 0) break;
                    }
                }
            }
            """, Rule);

        [Theory]
        [InlineData("var mine = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();")]
        [InlineData("var page = await db.Deployments.OrderBy(d => d.Id).Take(100).ToListAsync();")]
        [InlineData("var one = await db.Deployments.FirstOrDefaultAsync();")]
        [InlineData("var any = await db.Deployments.AnyAsync();")]
        [InlineData("var byEnvironment = db.Deployments.Where(d => d.Environment.Name == \"production\" && d.Environment.ProjectId == projectId).ToList();")]
        [InlineData("var list = new List<Deployment>(); foreach (var d in list) { }")]
        public Task A_filtered_limited_or_in_memory_read_is_fine(string statement) => Verify.NoDiagnosticsAsync(TestModel.InMethod(statement), Rule);

        [Fact]
        public Task A_keyset_batching_loop_is_fine() => Verify.NoDiagnosticsAsync(TestModel.InMethod("""
            while (true)
            {
                var batch = await db.Deployments.Where(d => d.Id > lastId).OrderBy(d => d.Id).Take(1000).ToListAsync();
                if (batch.Count == 0) break;
                lastId = batch[^1].Id;
            }
            """), Rule);

        [Fact]
        public Task Small_tables_from_editor_config_are_exempt() => Verify.DiagnosticsAsync("""
            namespace App;
            class Reader
            {
                void Run(AppDb db)
                {
                    var projects = db.Projects.ToList();
                    var environments = db.Environments.ToList();
                    var deployments = db.Deployments.[|ToList()|];
                }
            }
            """, Rule, new Dictionary<string, string> { [RuleIdFormat.ConfigKey("small_tables")] = "projects, ENVIRONMENTS" });

        [Fact]
        public Task TagWith_allow_suppresses_with_a_reason() => Verify.DiagnosticsAsync("""
            namespace App;
            class Reader
            {
                void Run(AppDb db)
                {
                    var allowed = db.Deployments.TagWith("sargable:allow SARG0001 one-off export for the audit").ToList();
                    var noReason = db.Deployments.TagWith("sargable:allow SARG0001").[|ToList()|];
                }
            }
            """, Rule);
    }
}
