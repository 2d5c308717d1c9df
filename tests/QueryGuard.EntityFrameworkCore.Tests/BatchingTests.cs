using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using QueryGuard.Core.Tests.EfCorpus;
using QueryGuard.EntityFrameworkCore.Tests.Support;

namespace QueryGuard.EntityFrameworkCore.Tests
{
    /// <summary>EachBatchAsync against a real database: every row exactly once, bounded batches, never OFFSET.</summary>
    public abstract class BatchingTests
    {
        private readonly ICorpusDatabase database;

        protected BatchingTests(ICorpusDatabase database)
        {
            this.database = database;
        }

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
            Assert.Contains(recorder.Commands, sql => sql.Contains(">=", StringComparison.Ordinal) && sql.Contains(" < ", StringComparison.Ordinal));
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

                if (batches == 1)
                {
                    // Concurrent writers keep inserting at the end of the key range while the walk runs.
                    await using var writer = database.Context(null);
                    for (var iid = 11; iid <= 15; iid++)
                    {
                        writer.Deployments.Add(NewDeployment(projectId, environment.Id, iid));
                    }

                    await writer.SaveChangesAsync();
                }
            }

            var final = await query.Select(d => d.Id).ToListAsync();
            Assert.Equal(15, final.Count);
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

    public sealed class PostgresBatchingTests(PostgresCorpusDatabase database) : BatchingTests(database), IClassFixture<PostgresCorpusDatabase>;

    public sealed class SqliteBatchingTests(SqliteCorpusDatabase database) : BatchingTests(database), IClassFixture<SqliteCorpusDatabase>;
}
