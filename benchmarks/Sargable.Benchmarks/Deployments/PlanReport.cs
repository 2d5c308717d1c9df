using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Sargable.Deployments;
using Sargable.Deployments.Queries;

namespace Sargable.Benchmarks.Deployments
{
    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/Sargable.Benchmarks -- deployments-verify</c>: every reference query
    /// on the full data set under the guard in Throw mode with <c>VerifyWithExplain()</c> and the live catalog (a sequential
    /// scan of a large table or a large sort under a LIMIT would throw), then each of its statements once more with
    /// <c>EXPLAIN (ANALYZE, FORMAT JSON)</c> to print what the plan really read. Parameter values are used, never printed.
    /// </summary>
    internal static class PlanReport
    {
        public static async Task<int> RunAsync()
        {
            var (connectionString, cluster) = await BenchData.OpenAsync(Console.WriteLine);
            using (cluster)
            {
                var recorder = new StatementRecorder();
                var options = new DbContextOptionsBuilder<DeploymentsDbContext>()
                    .UseNpgsql(connectionString)
                    .AddInterceptors(recorder)
                    .UseSargable(g => g.Mode(SargableMode.Throw).VerifyWithExplain().IncludeDatabaseCatalog())
                    .Options;
                var from = new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
                var to = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                var projects = Rows.Ids(50, step: 7);
                var cases = new List<(string Name, Func<DeploymentsDbContext, Task> Run)>
                {
                    ("finder: project, id desc", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, Sort = "desc" }).PageAsync(1, 20)),
                    ("finder: project, page 50", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject }).PageAsync(50, 20)),
                    ("finder: environment name (review/3)", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.TypicalProject, EnvironmentName = "review/3" }).PageAsync(1, 20)),
                    ("finder: hot environment, updated window", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, EnvironmentId = BenchData.HotEnvironment, UpdatedAfter = from, OrderBy = "updated_at" }).PageAsync(1, 20)),
                    ("finder: project, updated window desc", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, UpdatedBefore = from, OrderBy = "updated_at", Sort = "desc" }).PageAsync(1, 20)),
                    ("finder: stale environment, finished window", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.StaleProject, EnvironmentId = BenchData.StaleEnvironment, Status = ["success"], FinishedAfter = from, FinishedBefore = to, OrderBy = "finished_at" }).PageAsync(1, 20)),
                    ("finder: typical environment, finished window", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.TypicalProject, EnvironmentId = BenchData.TypicalEnvironment, Status = ["success"], FinishedAfter = from, FinishedBefore = to, OrderBy = "finished_at" }).PageAsync(1, 20)),
                    ("finder: hot environment, finished window", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, EnvironmentId = BenchData.HotEnvironment, Status = ["success"], FinishedAfter = from, FinishedBefore = to, OrderBy = "finished_at" }).PageAsync(1, 20)),
                    ("finder: hot environment, id order, page 2", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, EnvironmentId = BenchData.HotEnvironment }).PageAsync(2, 20)),
                    ("finder: environment name (production of the hot project)", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, EnvironmentName = "production", Sort = "desc" }).PageAsync(1, 20)),
                    ("finder: environment name (review/3 of the hot project)", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, EnvironmentName = "review/3" }).PageAsync(1, 20)),
                    ("finder: project, failed by finished_at desc", db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, Status = ["failed"], OrderBy = "finished_at", Sort = "desc" }).PageAsync(1, 20)),
                    ("finder: a level-5 group (6 levels below), updated window", db => new DeploymentsFinder(db, new DeploymentsFinderParams { GroupId = 161, Status = ["success"], UpdatedAfter = from, OrderBy = "updated_at", Sort = "desc" }).PageAsync(1, 20)),
                    ("latest deploys, 50 projects", db => LatestDeploys.ForProjectsAsync(db, projects)),
                    ("environments status", async db =>
                    {
                        var sha = await db.Deployments.Where(d => d.Id == 1_000_000).Select(d => new { d.ProjectId, d.Sha }).SingleAsync();
                        await EnvironmentsStatus.ForShaAsync(db, sha.ProjectId, sha.Sha);
                    }),
                    ("successful counts, 50 projects", db => DeploymentCounts.SuccessfulSinceAsync(db, projects, new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc))),
                    ("descendants of the root (1,999 groups)", db => NamespaceTree.DescendantsAsync(db, 1)),
                    ("ancestors of a level-10 group", db => NamespaceTree.AncestorsAsync(db, BenchData.Groups)),
                    ("projects of a group tree", db => NamespaceTree.ProjectsOf(db, 2).Select(p => p.Id).ToListAsync()),
                };

                var failures = 0;
                Console.WriteLine();
                Console.WriteLine("| reference query | guard (Throw + EXPLAIN) | plan: scans, largest sort, indexes | execution |");
                Console.WriteLine("| --- | --- | --- | --- |");
                foreach (var (name, run) in cases)
                {
                    recorder.Clear();
                    string verdict;
                    await using (var db = new DeploymentsDbContext(options))
                    {
                        try
                        {
                            await run(db);
                            verdict = "passes";
                        }
                        catch (InefficientQueryError error)
                        {
                            verdict = $"**{error.RuleId}** {error.Plan?.Summary ?? error.Finding.Message}";
                            failures++;
                        }
                    }

                    if (verdict != "passes")
                    {
                        Console.WriteLine($"| {name} | {verdict.ReplaceLineEndings(" ")} | | |");
                    }

                    foreach (var statement in recorder.Statements.Where(s => s.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || s.Sql.Contains("\nSELECT", StringComparison.Ordinal)))
                    {
                        var plan = await ExplainAsync(connectionString, statement);
                        Console.WriteLine($"| {name} | {verdict} | {plan.Summary} | {plan.ExecutionMs.ToString("0.###", CultureInfo.InvariantCulture)} ms |");
                    }
                }

                Console.WriteLine();
                Console.WriteLine(failures == 0 ? "Every reference query passed the guard's EXPLAIN mode." : $"{failures} reference queries failed the guard's EXPLAIN mode.");
                await ServerSidePairsAsync(connectionString, from, to);
                return failures == 0 ? 0 : 1;
            }
        }

        /// <summary>
        /// The single-statement pairs measured the way hand-written SQL is usually compared: the server's execution time
        /// (EXPLAIN ANALYZE, median of 5) of the exact statements EF Core sent for the reference and for its twin. This is
        /// what the SQL costs without EF Core's and the round trip's fixed cost per query.
        /// </summary>
        private static async Task ServerSidePairsAsync(string connectionString, DateTime from, DateTime to)
        {
            var recorder = new StatementRecorder();
            var options = new DbContextOptionsBuilder<DeploymentsDbContext>().UseNpgsql(connectionString).AddInterceptors(recorder).Options;
            var environments = new[] { ("stale", BenchData.StaleProject, BenchData.StaleEnvironment), ("typical", BenchData.TypicalProject, BenchData.TypicalEnvironment), ("hot", BenchData.HotProject, BenchData.HotEnvironment) };
            var pairs = new List<(string Pair, string Case, Func<DeploymentsDbContext, Task> Reference, Func<DeploymentsDbContext, Task> Twin)>();
            foreach (var (name, project, environment) in environments)
            {
                pairs.Add((
                    "finished_at window, finished_at order against updated_at window, id order", name,
                    db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = project, EnvironmentId = environment, Status = ["success"], FinishedAfter = from, FinishedBefore = to, OrderBy = "finished_at" }).PageAsync(1, 20),
                    db => NaiveTwins.UpdatedWindowByIdAsync(db, environment, from, to, 20)));
            }

            foreach (var name in new[] { "production", "review/3" })
            {
                pairs.Add((
                    "environment name scoped by project against name-only join, iid order", name,
                    db => new DeploymentsFinder(db, new DeploymentsFinderParams { ProjectId = BenchData.HotProject, EnvironmentName = name }).PageAsync(1, 20),
                    db => NaiveTwins.ByEnvironmentNameAsync(db, BenchData.HotProject, name, 20)));
            }

            Console.WriteLine();
            Console.WriteLine("| pair (server-side execution of the SQL EF Core sent) | case | reference | twin | twin / reference |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var (pair, name, reference, twin) in pairs)
            {
                var referenceMs = await ServerMillisecondsAsync(connectionString, options, recorder, reference);
                var twinMs = await ServerMillisecondsAsync(connectionString, options, recorder, twin);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {pair} | {name} | {referenceMs:0.###} ms | {twinMs:0.###} ms | {twinMs / referenceMs:0}× |"));
            }
        }

        private static async Task<double> ServerMillisecondsAsync(string connectionString, DbContextOptions<DeploymentsDbContext> options, StatementRecorder recorder, Func<DeploymentsDbContext, Task> run)
        {
            recorder.Clear();
            await using (var db = new DeploymentsDbContext(options))
            {
                await run(db);
            }

            var statements = recorder.Statements.ToList();
            var runs = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                double total = 0;
                foreach (var statement in statements)
                {
                    total += (await ExplainAsync(connectionString, statement)).ExecutionMs;
                }

                runs.Add(total);
            }

            runs.Sort();
            return runs[runs.Count / 2];
        }

        private static async Task<(string Summary, double ExecutionMs)> ExplainAsync(string connectionString, RecordedStatement statement)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + statement.Sql, connection);
            foreach (var (parameterName, value, type) in statement.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(parameterName, type) { Value = value });
            }

            var json = (string)(await command.ExecuteScalarAsync())!;
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement[0];
            var seqScans = new List<string>();
            var indexes = new SortedSet<string>(StringComparer.Ordinal);
            double largestSort = 0;
            Walk(root.GetProperty("Plan"), seqScans, indexes, ref largestSort);
            var summary = (seqScans.Count == 0 ? "no seq scan" : "seq scan of " + string.Join(", ", seqScans.Distinct()))
                + (largestSort > 0 ? $"; largest sort {largestSort:0} rows" : "; no sort")
                + "; " + string.Join(", ", indexes);
            return (summary, root.GetProperty("Execution Time").GetDouble());
        }

        private static void Walk(JsonElement node, List<string> seqScans, SortedSet<string> indexes, ref double largestSort)
        {
            var type = node.GetProperty("Node Type").GetString();
            if (type == "Seq Scan")
            {
                seqScans.Add(node.GetProperty("Relation Name").GetString()!);
            }

            if (node.TryGetProperty("Index Name", out var index))
            {
                indexes.Add(index.GetString()!);
            }

            if (type is "Sort" or "Incremental Sort")
            {
                var loops = node.TryGetProperty("Actual Loops", out var l) ? l.GetDouble() : 1;
                largestSort = Math.Max(largestSort, node.GetProperty("Actual Rows").GetDouble() * Math.Max(loops, 1));
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child, seqScans, indexes, ref largestSort);
                }
            }
        }

        private sealed record RecordedStatement(string Sql, IReadOnlyList<(string Name, object? Value, NpgsqlTypes.NpgsqlDbType Type)> Parameters);

        /// <summary>Keeps the statements a case ran, to explain them again with ANALYZE; nothing is printed but plan facts.</summary>
        private sealed class StatementRecorder : DbCommandInterceptor
        {
            private readonly List<RecordedStatement> statements = [];

            public IReadOnlyList<RecordedStatement> Statements => statements;

            public void Clear() => statements.Clear();

            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                if (!command.CommandText.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase) && !command.CommandText.Contains("SAVEPOINT", StringComparison.Ordinal))
                {
                    statements.Add(new RecordedStatement(
                        command.CommandText,
                        command.Parameters.Cast<NpgsqlParameter>().Select(p => (p.ParameterName, p.Value, p.NpgsqlDbType)).ToList()));
                }

                return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
            }
        }
    }
}
