using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>EachBatchAsync against a real database: every row exactly once, bounded batches, never OFFSET.</summary>
    public abstract class BatchingTests
    {
        private readonly ICorpusDatabase database;

        protected BatchingTests(ICorpusDatabase database)
        {
            this.database = database;
        }

        /// <summary>Points a context of another model at this test class's database.</summary>
        protected abstract void UseDatabase(DbContextOptionsBuilder builder);

        [Fact]
        public async Task Every_deployment_is_visited_exactly_once_in_bounded_batches_without_offset()
        {
            var recorder = new SqlRecorder();
            await using var db = database.Context(null, recorder);
            var all = await db.Deployments.Select(d => d.Id).OrderBy(id => id).ToListAsync();
            recorder.Clear();

            var seen = new List<long>();
            var sizes = new List<int>();
            await foreach (var batch in db.Deployments.EachBatchAsync(of: 7))
            {
                var ids = await batch.Select(d => d.Id).ToListAsync();
                sizes.Add(ids.Count);
                seen.AddRange(ids);
            }

            Assert.Equal(all, seen.OrderBy(id => id));
            Assert.Equal(all.Count, seen.Distinct().Count());
            Assert.All(sizes.Take(sizes.Count - 1), size => Assert.Equal(7, size));
            Assert.InRange(sizes[^1], 1, 7);
            Assert.DoesNotContain(recorder.Commands, sql => sql.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(recorder.Commands, sql => sql.Contains(" > ", StringComparison.Ordinal) && sql.Contains("<=", StringComparison.Ordinal));

            // One lookup per batch plus the one that finds nothing beyond the last; every lookup after the first shares one text.
            var lookups = recorder.Commands.Where(sql => sql.Contains("max(", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(sizes.Count + 1, lookups.Count);
            Assert.Single(lookups.Skip(1).Distinct());
        }

        [Fact]
        public async Task Gaps_in_ids_and_a_filter_are_handled_and_descending_walks_backwards()
        {
            await using var db = database.Context(null);
            var projectId = CorpusKeys.OtherProjectId;
            var filtered = db.Deployments.Where(d => d.ProjectId == projectId && d.Iid % 4 != 0);
            var expected = await filtered.Select(d => d.Id).ToListAsync();
            Assert.True(expected.Count > 10);

            var ascending = new List<long>();
            await foreach (var batch in filtered.EachBatchAsync(of: 4))
            {
                ascending.AddRange(await batch.Select(d => d.Id).ToListAsync());
            }

            var descending = new List<long>();
            var firstOfBatches = new List<long>();
            await foreach (var batch in filtered.EachBatchAsync(of: 4, order: BatchOrder.Descending))
            {
                var ids = await batch.Select(d => d.Id).OrderByDescending(id => id).ToListAsync();
                firstOfBatches.Add(ids[0]);
                descending.AddRange(ids);
            }

            Assert.Equal(expected.OrderBy(id => id), ascending.OrderBy(id => id));
            Assert.Equal(ascending.Count, ascending.Distinct().Count());
            Assert.Equal(expected.OrderByDescending(id => id), descending);
            Assert.Equal(firstOfBatches.OrderByDescending(id => id), firstOfBatches);
        }

        [Fact]
        public async Task Rows_inserted_beyond_the_last_batch_during_the_walk_are_visited_once()
        {
            await using var db = database.Context(null);
            var namespaceId = CorpusKeys.RootNamespaceId;
            var project = new Project { Name = "batching-" + database.Provider, NamespaceId = namespaceId };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var environment = new ProjectEnvironment { Name = "batch", ProjectId = project.Id };
            db.Environments.Add(environment);
            await db.SaveChangesAsync();
            for (var iid = 1; iid <= 10; iid++)
            {
                db.Deployments.Add(NewDeployment(project.Id, environment.Id, iid));
            }

            await db.SaveChangesAsync();
            var projectId = project.Id;
            var query = db.Deployments.Where(d => d.ProjectId == projectId);

            var visits = new Dictionary<long, int>();
            var batches = 0;
            await foreach (var batch in query.EachBatchAsync(of: 3))
            {
                batches++;
                foreach (var id in await batch.Select(d => d.Id).ToListAsync())
                {
                    visits[id] = visits.GetValueOrDefault(id) + 1;
                }

                // Concurrent writers keep inserting at the end of the key range while the walk runs: during the first
                // batch, and during the batch that was the last one when it was handed out.
                var (from, to) = batches switch { 1 => (11, 15), 5 => (16, 17), _ => (0, -1) };
                if (from <= to)
                {
                    await using var writer = database.Context(null);
                    for (var iid = from; iid <= to; iid++)
                    {
                        writer.Deployments.Add(NewDeployment(projectId, environment.Id, iid));
                    }

                    await writer.SaveChangesAsync();
                }
            }

            var final = await query.Select(d => d.Id).ToListAsync();
            Assert.Equal(17, final.Count);
            Assert.Equal(6, batches);
            Assert.Equal(final.OrderBy(id => id), visits.Keys.OrderBy(id => id));
            Assert.All(visits.Values, count => Assert.Equal(1, count));
        }

        [Fact]
        public async Task Batches_can_be_deleted_with_ExecuteDeleteAsync()
        {
            await using var db = database.Context(null);
            var project = new Project { Name = "batch-delete-" + database.Provider, NamespaceId = CorpusKeys.RootNamespaceId };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var environment = new ProjectEnvironment { Name = "doomed", ProjectId = project.Id };
            db.Environments.Add(environment);
            await db.SaveChangesAsync();
            for (var iid = 1; iid <= 11; iid++)
            {
                db.Deployments.Add(NewDeployment(project.Id, environment.Id, iid));
            }

            await db.SaveChangesAsync();
            var projectId = project.Id;
            var others = await db.Deployments.CountAsync(d => d.ProjectId != projectId);

            var deleted = 0;
            await foreach (var batch in db.Deployments.Where(d => d.ProjectId == projectId).EachBatchAsync(of: 4))
            {
                deleted += await batch.ExecuteDeleteAsync();
            }

            Assert.Equal(11, deleted);
            Assert.Equal(0, await db.Deployments.CountAsync(d => d.ProjectId == projectId));
            Assert.Equal(others, await db.Deployments.CountAsync(d => d.ProjectId != projectId));
        }

        [Fact]
        public async Task A_given_column_and_an_empty_query_work()
        {
            await using var db = database.Context(null);
            var byIid = new List<int>();
            var projectId = CorpusKeys.ProjectId;
            await foreach (var batch in db.Deployments.Where(d => d.ProjectId == projectId).EachBatchAsync(d => d.Iid, of: 5))
            {
                byIid.AddRange(await batch.Select(d => d.Iid).ToListAsync());
            }

            var none = 0;
            await foreach (var batch in db.Deployments.Where(d => d.ProjectId == -1).EachBatchAsync())
            {
                none++;
            }

            Assert.Equal(await db.Deployments.Where(d => d.ProjectId == projectId).Select(d => d.Iid).OrderBy(i => i).ToListAsync(), byIid.OrderBy(i => i));
            Assert.Equal(0, none);
        }

        [Fact]
        public async Task String_keys_walk_both_ways_through_max_and_min()
        {
            await using var db = database.Context(null);
            var expected = await db.Namespaces.Select(n => n.Path).ToListAsync();
            Assert.True(expected.Count > 3);

            var ascending = new List<string>();
            await foreach (var batch in db.Namespaces.EachBatchAsync(n => n.Path, of: 2))
            {
                ascending.AddRange(await batch.Select(n => n.Path).ToListAsync());
            }

            var descending = new List<string>();
            await foreach (var batch in db.Namespaces.EachBatchAsync(n => n.Path, of: 2, order: BatchOrder.Descending))
            {
                descending.AddRange(await batch.Select(n => n.Path).ToListAsync());
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), ascending.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Order(StringComparer.Ordinal), descending.Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task Guid_keys_are_batched_although_PostgreSQL_has_no_max_of_uuid()
        {
            await database.ExecuteAsync($"CREATE TABLE batch_tokens (id {(database.Provider == "sqlite" ? "TEXT" : "uuid")} PRIMARY KEY, n integer NOT NULL)");
            // Like the corpus contexts: the test run builds many option sets, so EF's provider-count warning only logs.
            var builder = new DbContextOptionsBuilder<TokenContext>().ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning));
            UseDatabase(builder);
            await using var db = new TokenContext(builder.Options);
            db.Tokens.AddRange(Enumerable.Range(1, 11).Select(n => new Token { Id = Guid.NewGuid(), N = n }));
            await db.SaveChangesAsync();

            var seen = new List<int>();
            var batches = 0;
            await foreach (var batch in db.Tokens.EachBatchAsync(of: 4))
            {
                batches++;
                seen.AddRange(await batch.Select(t => t.N).ToListAsync());
            }

            Assert.Equal(Enumerable.Range(1, 11), seen.Order());
            Assert.Equal(3, batches);
        }

        [Fact]
        public async Task Projections_and_bad_sizes_are_refused_with_a_hint()
        {
            await using var db = database.Context(null);

            var projection = Assert.Throws<ArgumentException>(() => db.Deployments.Select(d => new { d.Id }).EachBatchAsync());
            Assert.Contains("pass the column", projection.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            {
                await foreach (var batch in db.Deployments.EachBatchAsync(of: 0))
                {
                    Assert.Fail("no batch expected");
                }
            });
        }

        private static Deployment NewDeployment(long projectId, long environmentId, int iid) => new()
        {
            ProjectId = projectId,
            EnvironmentId = environmentId,
            Iid = iid,
            Ref = "main",
            Sha = new byte[20],
            Status = DeploymentStatus.Success,
            CreatedAt = CorpusKeys.Epoch,
            UpdatedAt = CorpusKeys.Epoch,
        };
    }

    public sealed class Token
    {
        public Guid Id { get; set; }

        public int N { get; set; }
    }

    /// <summary>One Guid-keyed table, created by the test, for batching by a uuid primary key.</summary>
    public sealed class TokenContext(DbContextOptions<TokenContext> options) : DbContext(options)
    {
        public DbSet<Token> Tokens => Set<Token>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Token>(entity =>
        {
            entity.ToTable("batch_tokens");
            entity.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(t => t.N).HasColumnName("n");
        });
    }

    public sealed class PostgresBatchingTests(PostgresCorpusDatabase database) : BatchingTests(database), IClassFixture<PostgresCorpusDatabase>
    {
        protected override void UseDatabase(DbContextOptionsBuilder builder) => builder.UseNpgsql(database.ConnectionString);
    }

    public sealed class SqliteBatchingTests(SqliteCorpusDatabase database) : BatchingTests(database), IClassFixture<SqliteCorpusDatabase>
    {
        protected override void UseDatabase(DbContextOptionsBuilder builder) => builder.UseSqlite(database.Connection);
    }
}
