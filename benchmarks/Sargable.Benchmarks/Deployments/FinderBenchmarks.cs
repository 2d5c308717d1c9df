using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sargable.Deployments.Model;
using Sargable.Deployments.Queries;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// GitLab's finished_at fix: a page of one environment's successful deployments in a finished_at window, ordered by
    /// finished_at, id (the reference, served by (environment_id, finished_at, id)) against what it replaced, the same
    /// quarter as an updated_at window in the API's default id order (the twin), and against the finished_at window in
    /// updated_at or id order. The window is the last quarter of 2025: the hot environment has ~12,500 rows in it, the
    /// typical one ~150, the stale one (50,000 deployments, all from 2019–2020) none.
    /// </summary>
    public class FinishedWindowBenchmarks : DeploymentsBenchmark
    {
        private static readonly DateTime From = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime To = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        [Params("stale", "typical", "hot")]
        public string Environment { get; set; } = "typical";

        private (long Project, long Environment) Target => Environment switch
        {
            "stale" => (BenchData.StaleProject, BenchData.StaleEnvironment),
            "hot" => (BenchData.HotProject, BenchData.HotEnvironment),
            _ => (BenchData.TypicalProject, BenchData.TypicalEnvironment),
        };

        [Benchmark(Baseline = true, Description = "reference: finished_at, id order (EF)")]
        public async Task<int> Reference()
        {
            await using var db = Contexts.CreateDbContext();
            var (project, environment) = Target;
            var page = await new DeploymentsFinder(db, new DeploymentsFinderParams
            {
                ProjectId = project, EnvironmentId = environment, Status = ["success"], FinishedAfter = From, FinishedBefore = To, OrderBy = "finished_at",
            }).PageAsync(1, 20);
            return page.Count;
        }

        [Benchmark(Description = "reference SQL (raw Npgsql)")]
        public async Task<int> ReferenceRaw()
        {
            var (project, environment) = Target;
            await using var command = DataSource.CreateCommand("""
                SELECT s.id, s.iid, s.ref, s.sha, s.status, s.created_at, s.updated_at, s.finished_at, s.environment_id, (
                    SELECT e.name FROM environments AS e WHERE e.id = s.environment_id LIMIT 1)
                FROM (
                    SELECT d.id, d.created_at, d.environment_id, d.finished_at, d.iid, d.ref, d.sha, d.status, d.updated_at
                    FROM deployments AS d
                    WHERE d.environment_id = (SELECT e.id FROM environments AS e WHERE e.id = $2 AND e.project_id = $1 LIMIT 1)
                      AND d.status = $3 AND d.finished_at >= $4 AND d.finished_at < $5
                    ORDER BY d.finished_at, d.id
                    LIMIT $6
                ) AS s
                ORDER BY s.finished_at, s.id
                """);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = project });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = environment });
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)DeploymentStatus.Success });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = From });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = To });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 20 });
            return await Rows.ReadAsync(command);
        }

        [Benchmark(Description = "twin: updated_at window, id order (before the fix)")]
        public async Task<int> Twin()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NaiveTwins.UpdatedWindowByIdAsync(db, Target.Environment, From, To, 20)).Count;
        }

        [Benchmark(Description = "twin: finished_at window, updated_at order")]
        public async Task<int> TwinByUpdatedAt()
        {
            await using var db = Contexts.CreateDbContext();
            var (project, environment) = Target;
            return (await NaiveTwins.FinishedWindowByUpdatedAtAsync(db, project, environment, From, To, 20)).Count;
        }

        [Benchmark(Description = "twin: finished_at window, id order")]
        public async Task<int> TwinById()
        {
            await using var db = Contexts.CreateDbContext();
            var (project, environment) = Target;
            return (await NaiveTwins.FinishedWindowByIdAsync(db, project, environment, From, To, 20)).Count;
        }
    }

    /// <summary>
    /// GitLab's environment-name fix: a page of one environment's deployments in the hot project (52,000 deployments),
    /// the name resolved inside the project by a scalar subquery (reference) against deployments joined to environments
    /// by name only and ordered by iid (twin). "production" holds 50,000 of the project's deployments; "review/3" 39.
    /// </summary>
    public class EnvironmentNameBenchmarks : DeploymentsBenchmark
    {
        [Params("production", "review/3")]
        public string Name { get; set; } = "production";

        [Benchmark(Baseline = true, Description = "reference: name scoped by project (EF)")]
        public async Task<int> Reference()
        {
            await using var db = Contexts.CreateDbContext();
            return (await new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, EnvironmentName = Name }).PageAsync(1, 20)).Count;
        }

        [Benchmark(Description = "reference SQL (raw Npgsql)")]
        public async Task<int> ReferenceRaw()
        {
            await using var command = DataSource.CreateCommand("""
                SELECT s.id, s.iid, s.ref, s.sha, s.status, s.created_at, s.updated_at, s.finished_at, s.environment_id, (
                    SELECT e0.name FROM environments AS e0 WHERE e0.id = s.environment_id LIMIT 1)
                FROM (
                    SELECT d.id, d.created_at, d.environment_id, d.finished_at, d.iid, d.ref, d.sha, d.status, d.updated_at
                    FROM deployments AS d
                    WHERE d.environment_id = (
                        SELECT e.id FROM environments AS e WHERE e.project_id = $1 AND e.name = $2 LIMIT 1)
                    ORDER BY d.id
                    LIMIT $3
                ) AS s
                ORDER BY s.id
                """);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = BenchData.HotProject });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 20 });
            return await Rows.ReadAsync(command);
        }

        [Benchmark(Description = "twin: name-only join, iid order")]
        public async Task<int> Twin()
        {
            await using var db = Contexts.CreateDbContext();
            return (await NaiveTwins.ByEnvironmentNameAsync(db, BenchData.HotProject, Name, 20)).Count;
        }
    }

    internal static class Rows
    {
        public static async Task<int> ReadAsync(NpgsqlCommand command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }

            return rows;
        }

        public static long[] Ids(int count, int step = 1)
        {
            var ids = new List<long>();
            for (var i = 0; i < count; i++)
            {
                ids.Add(1 + ((long)i * step));
            }

            return [.. ids];
        }
    }
}
