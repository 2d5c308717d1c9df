using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>Many threads, many queries, one shared guard: the same verdict every time and no stray exception.</summary>
    public sealed class ConcurrencyTests(PostgresCorpusDatabase database) : IClassFixture<PostgresCorpusDatabase>
    {
        private const int Threads = 8;
        private const int QueriesPerThread = 80;

        [Fact]
        public async Task Throw_mode_gives_every_thread_the_same_verdict_for_each_shape()
        {
            var outcomes = await RunAsync(b => b.Mode(SargableMode.Throw));

            Assert.Equal(Threads * QueriesPerThread, outcomes.Count);
            foreach (var group in outcomes.GroupBy(o => o.Shape))
            {
                var expected = Expected(group.Key);
                Assert.All(group, o => Assert.Equal(expected, o.Outcome));
            }
        }

        [Fact]
        public async Task Log_mode_runs_everything_and_logs_each_statement_once_despite_races()
        {
            var logs = new LogCollector();
            var outcomes = await RunAsync(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));

            Assert.All(outcomes, o => Assert.Equal("ok", o.Outcome));
            Assert.Equal(new[] { "SARG0003", "SARG0006" }, logs.Guard.Select(e => e.EventId.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        private static string Expected(int shape) => shape switch
        {
            2 => RuleIds.FilterOrderMismatch,
            3 => RuleIds.NoIndexForFilter,
            _ => "ok",
        };

        private async Task<ConcurrentBag<(int Shape, string Outcome)>> RunAsync(Action<SargableOptionsBuilder> guard)
        {
            var outcomes = new ConcurrentBag<(int, string)>();
            var start = new TaskCompletionSource();
            var workers = Enumerable.Range(0, Threads).Select(thread => Task.Run(async () =>
            {
                await start.Task;
                for (var i = 0; i < QueriesPerThread; i++)
                {
                    var shape = (thread + i) % 4;
                    await using var db = database.Context(guard);
                    try
                    {
                        await RunShapeAsync(db, shape, sync: thread % 2 == 0, i);
                        outcomes.Add((shape, "ok"));
                    }
                    catch (InefficientQueryError error)
                    {
                        outcomes.Add((shape, error.RuleId));
                    }
                }
            })).ToList();
            start.SetResult();
            await Task.WhenAll(workers);
            return outcomes;
        }

        private static async Task RunShapeAsync(CorpusDbContext db, int shape, bool sync, int i)
        {
            var projectId = (long)((i % 4) + 1);
            var iid = (i % 20) + 1;
            var before = CorpusKeys.Epoch.AddMinutes(1000 + i);
            var reference = i % 2 == 0 ? "main" : "refs/tags/v5";
            var query = shape switch
            {
                0 => db.Deployments.Where(d => d.ProjectId == projectId && d.Iid == iid),
                1 => db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.Iid).Take(3),
                2 => db.Deployments.Where(d => d.UpdatedAt <= before).OrderBy(d => d.Id).Take(3),
                _ => db.Deployments.Where(d => d.Ref == reference),
            };

            if (sync)
            {
                _ = query.ToList();
            }
            else
            {
                _ = await query.ToListAsync();
            }
        }
    }
}
