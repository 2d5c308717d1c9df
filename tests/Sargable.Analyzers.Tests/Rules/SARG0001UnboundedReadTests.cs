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

        [Fact]
        public Task A_query_composed_across_statements_is_reported_when_no_path_bounds_it() => Verify.DiagnosticsAsync("""
            namespace App;
            public sealed class DeploymentRepository
            {
                private readonly AppDb db;

                public DeploymentRepository(AppDb db) => this.db = db;

                // Only the order depends on the arguments: every path reads the whole table.
                public async Task<List<Deployment>> ExportAsync(bool newestFirst, bool tracked)
                {
                    IQueryable<Deployment> query = db.Deployments;
                    if (!tracked)
                    {
                        query = query.AsNoTracking();
                    }

                    query = newestFirst ? query.OrderByDescending(d => d.CreatedAt) : query.OrderBy(d => d.CreatedAt);
                    return await query.[|ToListAsync()|];
                }

                // A filter on one path may bound the read: judged as executed, only what holds on every path is reported.
                public async Task<List<Deployment>> SearchAsync(long? projectId, string? reference)
                {
                    var query = (IQueryable<Deployment>)db.Deployments;
                    if (projectId is not null)
                    {
                        query = query.Where(d => d.ProjectId == projectId);
                    }

                    if (!string.IsNullOrEmpty(reference)) query = query.Where(d => d.Ref == reference);
                    return await query.OrderBy(d => d.Id).ToListAsync();
                }

                // A loop may add no filter or several; it does not hold the execution, so its filters are optional too.
                public async Task<List<Deployment>> WithRefsAsync(IEnumerable<string> references)
                {
                    var query = db.Deployments.AsQueryable();
                    foreach (var reference in references)
                    {
                        query = query.Where(d => d.Ref != reference);
                    }

                    return await query.ToListAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task A_foreach_over_a_query_composed_across_statements_is_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Export
            {
                void Run(AppDb db, bool includeProject, long? projectId)
                {
                    var all = db.Deployments.AsNoTracking();
                    if (includeProject)
                    {
                        all = all.Include(d => d.Project);
                    }

                    foreach (var deployment in [|all|]) { }

                    var some = db.Deployments.AsNoTracking();
                    switch (projectId)
                    {
                        case { } id:
                            some = some.Where(d => d.ProjectId == id);
                            break;
                    }

                    foreach (var deployment in some) { }
                }
            }
            """, Rule);

        [Fact]
        public Task A_local_reassigned_from_another_query_or_after_its_execution_is_not_followed() => Verify.DiagnosticsAsync("""
            namespace App;
            class Export
            {
                async Task Run(AppDb db, long? projectId)
                {
                    // The filter is certain: the statement runs before the execution at the same level.
                    var bounded = db.Deployments.AsNoTracking();
                    bounded = bounded.Where(d => d.Status == DeploymentStatus.Failed);
                    var failed = await bounded.ToListAsync();
                    var unbounded = db.Deployments.AsNoTracking();
                    unbounded = unbounded.OrderBy(d => d.Id);
                    var read = await unbounded.[|ToListAsync()|];

                    // Not an extension of itself: the value is another query.
                    var other = db.Deployments.AsNoTracking();
                    if (projectId is null)
                    {
                        other = db.Deployments.Where(d => d.Status == DeploymentStatus.Running);
                    }

                    var others = await other.ToListAsync();

                    // Reassigned after the execution.
                    var later = db.Deployments.AsNoTracking();
                    var rows = await later.ToListAsync();
                    later = later.Where(d => d.ProjectId == projectId);

                    // Extended in the loop that executes it: the next iteration sees more operators.
                    var growing = db.Deployments.AsNoTracking();
                    for (var i = 0; i < 3; i++)
                    {
                        var batch = await growing.ToListAsync();
                        growing = growing.OrderBy(d => d.Id);
                    }

                    // Passed by ref: anything may be assigned.
                    var passed = db.Deployments.AsNoTracking();
                    Narrow(ref passed);
                    var narrowed = await passed.ToListAsync();
                }

                static void Narrow(ref IQueryable<Deployment> query) => query = query.Take(10);
            }
            """, Rule);
    }
}
