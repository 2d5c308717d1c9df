using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0001UnboundedReadTests
    {
        private const string Rule = RuleIds.UnboundedRead;

        [Fact]
        public Task ForeachOverDbSet() => Verify.DiagnosticsAsync("""
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
        public Task ToListAndToListAsyncAndAsEnumerable() => Verify.DiagnosticsAsync("""
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
        public Task AwaitForeachOverAsyncEnumerable() => Verify.DiagnosticsAsync("""
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
        public Task AwaitForeachOverTheDbSetItself() => Verify.DiagnosticsAsync("""
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
        public Task QueryThroughALocal() => Verify.DiagnosticsAsync("""
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
        public Task CountOfWholeTable() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stats
            {
                Task<int> Run(AppDb db) => db.Deployments.[|CountAsync()|];
            }
            """, Rule);

        [Fact]
        public Task SkipTakeBatchingLoop() => Verify.DiagnosticsAsync("""
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

        [Fact]
        public Task FilteredLimitedAndSmallReadsAreFine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Reader
            {
                async Task Run(AppDb db, long projectId, long lastId)
                {
                    var mine = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();
                    var page = await db.Deployments.OrderBy(d => d.Id).Take(100).ToListAsync();
                    var one = await db.Deployments.FirstOrDefaultAsync();
                    var any = await db.Deployments.AnyAsync();
                    var byEnvironment = db.Deployments.Where(d => d.Environment.Name == "production" && d.Environment.ProjectId == projectId).ToList();
                    while (true)
                    {
                        var batch = await db.Deployments.Where(d => d.Id > lastId).OrderBy(d => d.Id).Take(1000).ToListAsync();
                        if (batch.Count == 0) break;
                        lastId = batch[^1].Id;
                    }

                    var list = new List<Deployment>();
                    foreach (var d in list) { }
                }
            }
            """, Rule);

        [Fact]
        public Task SmallTablesFromEditorConfigAreExempt() => Verify.DiagnosticsAsync("""
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
            """, Rule, new Dictionary<string, string> { ["sargable.small_tables"] = "projects, ENVIRONMENTS" });

        [Fact]
        public Task TagWithAllowSuppressesWithAReason() => Verify.DiagnosticsAsync("""
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
