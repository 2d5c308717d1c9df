using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sargable.Deployments.Queries;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// GitLab's finished_at backfill over all 2,055,361 deployments in batches of 10,000: keyset batches with
    /// <c>EachBatchAsync</c> (reference) against OFFSET batches (twin). After the first run nothing is left to update,
    /// so both measure the walk: 206 batch lookups plus one bounded UPDATE each.
    /// </summary>
    [Config(typeof(SlowOperationsConfig))]
    public class BatchingBenchmarks : DeploymentsBenchmark
    {
        private const int BatchSize = 10_000;

        [Benchmark(Baseline = true, Description = "reference: keyset batches (EachBatchAsync)")]
        public async Task<long> Keyset()
        {
            await using var db = Contexts.CreateDbContext();
            return await DeploymentMaintenance.BackfillFinishedAtAsync(db, BatchSize);
        }

        [Benchmark(Description = "twin: OFFSET batches")]
        public async Task<long> Offset()
        {
            await using var db = Contexts.CreateDbContext();
            return await NaiveTwins.BackfillFinishedAtWithOffsetAsync(db, BatchSize);
        }
    }

    /// <summary>
    /// The batching walk alone, over all 2,055,361 deployments: keyset batches with <c>EachBatchAsync</c> (reference: one
    /// MAX over the next batch's ids per batch) against OFFSET batches that read each batch's ids (twin). 1,000 is
    /// EachBatchAsync's default and GitLab's each_batch default; the OFFSET walk then takes over a minute.
    /// </summary>
    [Config(typeof(VerySlowOperationsConfig))]
    public class BatchWalkBenchmarks : DeploymentsBenchmark
    {
        [Params(1_000, 10_000)]
        public int BatchSize { get; set; } = 1_000;

        [Benchmark(Baseline = true, Description = "reference: keyset (EachBatchAsync)")]
        public async Task<long> Keyset()
        {
            await using var db = Contexts.CreateDbContext();
            long batches = 0;
            await foreach (var batch in db.Deployments.EachBatchAsync(of: BatchSize))
            {
                batches++;
            }

            return batches;
        }

        [Benchmark(Description = "twin: OFFSET")]
        public async Task<long> Offset()
        {
            await using var db = Contexts.CreateDbContext();
            long batches = 0;
            for (var offset = 0; ; offset += BatchSize)
            {
                var ids = await db.Deployments.OrderBy(d => d.Id).Select(d => d.Id).Skip(offset).Take(BatchSize).ToListAsync();
                if (ids.Count == 0)
                {
                    return batches;
                }

                batches++;
            }
        }
    }

    /// <summary>
    /// The retention delete of 10,000 deployments (copied into the empty scratch environment before each iteration):
    /// one DELETE (reference) against removing the loaded rows one by one (one DELETE statement per row, batched by EF
    /// Core) and against loading and deleting each row on its own (twins).
    /// </summary>
    [Config(typeof(SlowOperationsConfig))]
    public class RetentionDeleteBenchmarks : DeploymentsBenchmark
    {
        private const int Rows = 10_000;
        private static readonly DateTime Old = new(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        [IterationSetup]
        public void Fill() => FillAsync().GetAwaiter().GetResult();

        [Benchmark(Baseline = true, Description = "reference: one DELETE")]
        public async Task<int> OneDelete()
        {
            await using var db = Contexts.CreateDbContext();
            return await DeploymentMaintenance.DeleteOlderThanAsync(db, BenchData.ScratchEnvironment, Old.AddYears(1));
        }

        [Benchmark(Description = "twin: row by row (load, Remove each, one SaveChanges)")]
        public async Task<int> RowByRow()
        {
            await using var db = Contexts.CreateDbContext();
            return await NaiveTwins.DeleteOlderThanRowByRowAsync(db, BenchData.ScratchEnvironment, Old.AddYears(1));
        }

        [Benchmark(Description = "twin: one by one (load and delete each)")]
        public async Task<int> OneByOne()
        {
            await using var db = Contexts.CreateDbContext();
            return await NaiveTwins.DeleteOlderThanOneByOneAsync(db, BenchData.ScratchEnvironment, Old.AddYears(1));
        }

        private async Task FillAsync()
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            await using (var clear = new NpgsqlCommand($"DELETE FROM deployments WHERE environment_id = {BenchData.ScratchEnvironment}", connection))
            {
                await clear.ExecuteNonQueryAsync();
            }

            await using (var next = new NpgsqlCommand($"SELECT coalesce(max(iid), 0) FROM deployments WHERE project_id = {BenchData.ScratchProject}", connection))
            {
                var iid = (int)(await next.ExecuteScalarAsync())!;
                await using var copy = await connection.BeginBinaryImportAsync(
                    "COPY deployments (iid, project_id, environment_id, ref, sha, status, action, created_at, updated_at, finished_at) FROM STDIN (FORMAT BINARY)");
                for (var i = 0; i < Rows; i++)
                {
                    var at = Old.AddMinutes(i);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(++iid, NpgsqlDbType.Integer);
                    await copy.WriteAsync(BenchData.ScratchProject, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(BenchData.ScratchEnvironment, NpgsqlDbType.Bigint);
                    await copy.WriteAsync("refs/heads/main", NpgsqlDbType.Text);
                    await copy.WriteAsync(BenchData.Sha(BenchData.ScratchProject, at), NpgsqlDbType.Bytea);
                    await copy.WriteAsync((short)5, NpgsqlDbType.Smallint);
                    await copy.WriteAsync((short)1, NpgsqlDbType.Smallint);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    await copy.WriteNullAsync();
                }

                await copy.CompleteAsync();
            }
        }
    }
}
