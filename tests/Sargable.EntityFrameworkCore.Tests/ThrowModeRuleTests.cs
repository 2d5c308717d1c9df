using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>
    /// Each rule the guard checks at run time, on real EF Core queries: in Throw mode the slow shape raises
    /// <see cref="InefficientQueryError"/> with the rule, table, columns and suggested index before the command reaches
    /// the database, and the corrected query runs.
    /// </summary>
    public abstract class ThrowModeRuleTests
    {
        private static readonly DateTime Before = CorpusKeys.Epoch.AddMinutes(1100);

        protected ThrowModeRuleTests(ICorpusDatabase database)
        {
            Database = database;
        }

        protected ICorpusDatabase Database { get; }

        [Fact]
        public async Task SARG0001_a_whole_table_read_is_stopped_and_a_filtered_read_runs()
        {
            var recorder = new SqlRecorder();
            await using var db = Guarded(recorder: recorder);

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.ToListAsync());

            Assert.Equal(RuleIds.UnboundedRead, error.RuleId);
            Assert.Equal("deployments", error.Table);
            Assert.Equal(new[] { "id" }, error.Columns);
            Assert.Contains("keyset batches", error.Message, StringComparison.Ordinal);
            Assert.Empty(recorder.Commands); // stopped before the database saw it

            var projectId = CorpusKeys.ProjectId;
            Assert.NotEmpty(await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync());
        }

        [Fact]
        public async Task SARG0002_a_lookup_without_its_scope_is_stopped_and_the_scoped_lookup_runs()
        {
            await using var db = Guarded();
            var name = "production";

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Environments.Where(e => e.Name == name).ToListAsync());

            Assert.Equal(RuleIds.ScopelessLookup, error.RuleId);
            Assert.Equal("environments", error.Table);
            Assert.Equal(new[] { "project_id", "name" }, error.Columns);
            Assert.Equal("ix_environments_project_id_name", error.ClosestIndex);

            var projectId = CorpusKeys.ProjectId;
            Assert.Single(await db.Environments.Where(e => e.ProjectId == projectId && e.Name == name).ToListAsync());
        }

        [Fact]
        public async Task SARG0003_a_range_ordered_by_another_column_is_stopped_and_the_indexed_order_runs()
        {
            await using var db = Guarded();
            var before = Before;

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() =>
                db.Deployments.Where(d => d.UpdatedAt <= before).OrderBy(d => d.Id).Take(20).ToListAsync());

            Assert.Equal(RuleIds.FilterOrderMismatch, error.RuleId);
            Assert.Equal("deployments", error.Table);
            Assert.Equal(new[] { "updated_at", "id" }, error.Columns);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_updated_at_and_id ON deployments (updated_at, id)", error.SuggestedIndex);
            Assert.Contains("ORDER BY", error.Sql, StringComparison.OrdinalIgnoreCase);

            var (projectId, environmentId) = (CorpusKeys.ProjectId, CorpusKeys.ProductionEnvironmentId);
            Assert.NotEmpty(await db.Deployments
                .Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt <= before)
                .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
                .Take(20)
                .ToListAsync());
        }

        [Fact]
        public async Task SARG0003_the_suggested_order_with_the_suggested_index_passes()
        {
            var before = Before;
            await using (var db = Guarded())
            {
                // Reordering alone is not enough: no index starts with updated_at.
                var reordered = await Assert.ThrowsAsync<InefficientQueryError>(() =>
                    db.Deployments.Where(d => d.UpdatedAt <= before).OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Take(20).ToListAsync());
                Assert.Equal(RuleIds.FilterOrderMismatch, reordered.RuleId);
                Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_updated_at_and_id ON deployments (updated_at, id)", reordered.SuggestedIndex);
            }

            await using var indexed = Guarded(b => b.AllowIndex("deployments", "updated_at", "id"));
            Assert.NotEmpty(await indexed.Deployments.Where(d => d.UpdatedAt <= before).OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Take(20).ToListAsync());
        }

        [Fact]
        public async Task SARG0006_a_filter_no_index_serves_is_stopped_sync_and_async_and_in_writes()
        {
            await using var db = Guarded();
            var reference = "main";

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.Where(d => d.Ref == reference).ToListAsync());
            var sync = Assert.Throws<InefficientQueryError>(() => db.Deployments.Where(d => d.Ref == reference).ToList());
            var delete = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.Where(d => d.Ref == reference).ExecuteDeleteAsync());
            var update = Assert.Throws<InefficientQueryError>(() => db.Deployments.Where(d => d.Ref == reference).ExecuteUpdate(s => s.SetProperty(d => d.Status, DeploymentStatus.Skipped)));

            foreach (var e in new[] { error, sync, delete, update })
            {
                Assert.Equal(RuleIds.NoIndexForFilter, e.RuleId);
                Assert.Equal("deployments", e.Table);
                Assert.Equal(new[] { "ref" }, e.Columns);
                Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_ref ON deployments (ref)", e.SuggestedIndex);
            }

            var projectId = CorpusKeys.ProjectId;
            Assert.NotEmpty(await db.Deployments.Where(d => d.ProjectId == projectId && d.Ref == reference).ToListAsync());
        }

        [Fact]
        public async Task SARG0007_a_page_without_a_unique_tie_breaker_is_stopped_and_adding_the_key_runs()
        {
            await using var db = Guarded();
            var (projectId, environmentId) = (CorpusKeys.ProjectId, CorpusKeys.ProductionEnvironmentId);
            // A keyset page (continuing after the last updated_at seen): a page, unlike a plain top-N.
            var after = DateTime.UnixEpoch;
            var page = db.Deployments.Where(d => d.ProjectId == projectId && d.EnvironmentId == environmentId && d.UpdatedAt > after);

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => page.OrderBy(d => d.UpdatedAt).Take(20).ToListAsync());

            Assert.Equal(RuleIds.NoUniqueTieBreaker, error.RuleId);
            Assert.Equal(new[] { "updated_at", "id" }, error.Columns);
            Assert.Contains("order by updated_at, id", error.Message, StringComparison.Ordinal);

            Assert.NotEmpty(await page.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Take(20).ToListAsync());
        }

        [Fact]
        public async Task SARG0008_a_parameter_offset_is_stopped_and_the_keyset_page_runs()
        {
            await using var db = Guarded();
            var skip = 40;

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.OrderBy(d => d.Id).Skip(skip).Take(20).ToListAsync());

            Assert.Equal(RuleIds.LargeOffset, error.RuleId);
            Assert.Equal(new[] { "id" }, error.Columns);
            Assert.Contains("page by key", error.Message, StringComparison.Ordinal);

            var last = 40L;
            Assert.Equal(20, (await db.Deployments.Where(d => d.Id > last).OrderBy(d => d.Id).Take(20).ToListAsync()).Count);
        }

        [Fact]
        public async Task SARG0004_the_same_statement_per_loop_item_is_stopped_inside_a_scope_and_the_set_query_runs()
        {
            await using var db = Guarded();
            var projectId = CorpusKeys.ProjectId;
            var iids = Enumerable.Range(1, 8).ToList();

            InefficientQueryError? error = null;
            var ran = 0;
            using (SargableScope.Begin("deployments page"))
            {
                try
                {
                    foreach (var iid in iids)
                    {
                        await LoadOneAsync(db, projectId, iid);
                        ran++;
                    }
                }
                catch (InefficientQueryError e)
                {
                    error = e;
                }
            }

            Assert.NotNull(error);
            Assert.Equal(RuleIds.QueryInLoop, error.RuleId);
            Assert.Equal(5, ran); // the sixth execution with new parameters crosses the default threshold of 5
            Assert.Equal("deployments", error.Table);
            Assert.Contains("iid", error.Columns);
            Assert.Contains(nameof(LoadOneAsync), error.CallSite, StringComparison.Ordinal);
            Assert.Contains("deployments page", error.Message, StringComparison.Ordinal);

            // Outside a scope nothing is counted; inside one, the set-based query is one statement.
            foreach (var iid in iids)
            {
                await LoadOneAsync(db, projectId, iid);
            }

            using (SargableScope.Begin("deployments page, fixed"))
            {
                Assert.Equal(8, (await db.Deployments.Where(d => d.ProjectId == projectId && iids.Contains(d.Iid)).ToListAsync()).Count);
            }
        }

        [Fact]
        public async Task SARG0004_repeating_the_same_parameters_is_not_N_plus_one()
        {
            await using var db = Guarded();
            var projectId = CorpusKeys.ProjectId;
            using var scope = SargableScope.Begin();

            for (var i = 0; i < 20; i++)
            {
                await LoadOneAsync(db, projectId, 3);
            }
        }

        private static Task<Deployment?> LoadOneAsync(CorpusDbContext db, long projectId, int iid) =>
            db.Deployments.Where(d => d.ProjectId == projectId && d.Iid == iid).SingleOrDefaultAsync();

        private CorpusDbContext Guarded(Action<SargableOptionsBuilder>? more = null, SqlRecorder? recorder = null) =>
            Database.Context(
                b =>
                {
                    b.Mode(SargableMode.Throw);
                    more?.Invoke(b);
                },
                recorder);
    }

    public sealed class PostgresThrowModeRuleTests(PostgresCorpusDatabase database) : ThrowModeRuleTests(database), IClassFixture<PostgresCorpusDatabase>;

    public sealed class SqliteThrowModeRuleTests(SqliteCorpusDatabase database) : ThrowModeRuleTests(database), IClassFixture<SqliteCorpusDatabase>;
}
