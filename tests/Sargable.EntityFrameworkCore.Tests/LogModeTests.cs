using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>Log mode: queries always run; each distinct statement is logged once, without parameter values.</summary>
    public abstract class LogModeTests
    {
        private const string SecretValue = "sargable-secret-7d1e@example.org";

        protected LogModeTests(ICorpusDatabase database)
        {
            Database = database;
        }

        protected ICorpusDatabase Database { get; }

        [Fact]
        public async Task A_slow_statement_runs_and_is_logged_once_however_often_and_from_however_many_contexts()
        {
            var logs = new LogCollector();
            var projectId = CorpusKeys.ProjectId;
            for (var i = 0; i < 3; i++)
            {
                // Equal options: every context shares one guard, so the statement is known after the first run.
                await using var db = Database.Context(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));
                var rows = await db.Deployments.Where(d => d.ProjectId == projectId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(5).ToListAsync();
                Assert.Equal(5, rows.Count);
            }

            var entry = Assert.Single(logs.Guard);
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.Equal(new EventId(3, "SARG0003"), entry.EventId);
            Assert.Equal("SARG0003", entry["RuleId"]);
            Assert.Equal("deployments", entry["Table"]);
            Assert.Equal("project_id, created_at, id", entry["Columns"]);
            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_project_id_and_created_at_and_id ON deployments (project_id, created_at, id)", entry["SuggestedIndex"]);
            Assert.Equal("registry", entry["Source"]);
            Assert.Contains("ORDER BY", (string)entry["Sql"]!, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task Every_rule_is_logged_with_its_own_event_id_and_nothing_throws()
        {
            var logs = new LogCollector();
            await using var db = Database.Context(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));
            var name = "production";
            var skip = 20;

            Assert.NotEmpty(await db.Deployments.ToListAsync());
            Assert.NotEmpty(await db.Environments.Where(e => e.Name == name).ToListAsync());
            Assert.NotEmpty(await db.Deployments.OrderBy(d => d.Id).Skip(skip).Take(5).ToListAsync());
            using (SargableScope.Begin())
            {
                for (var iid = 1; iid <= 7; iid++)
                {
                    var projectId = CorpusKeys.ProjectId;
                    await db.Deployments.SingleAsync(d => d.ProjectId == projectId && d.Iid == iid);
                }
            }

            Assert.Equal(
                new[] { "SARG0001", "SARG0002", "SARG0004", "SARG0008" },
                logs.Guard.Select(e => e.EventId.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(logs.Guard, e => Assert.Equal(RuleIdFormat.Number(e.EventId.Name!), e.EventId.Id));
        }

        [Fact]
        public async Task Parameter_values_never_reach_logs_or_events()
        {
            var logs = new LogCollector();
            var events = new List<SargableFindingEvent>();
            using var listener = DiagnosticListenerProbe.Subscribe(events);
            using var activity = new Activity("request").Start();
            await using var db = Database.Context(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));
            var secret = SecretValue;

            Assert.Empty(await db.Deployments.Where(d => d.Ref == secret).ToListAsync());

            var entry = Assert.Single(logs.Guard);
            Assert.Equal("SARG0006", entry.EventId.Name);
            Assert.DoesNotContain(SecretValue, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(entry.State.Values, v => v?.ToString()?.Contains(SecretValue, StringComparison.Ordinal) == true);

            var published = Assert.Single(events, e => e.Sql.Contains("ref", StringComparison.Ordinal));
            Assert.Equal("SARG0006", published.Finding.RuleId);
            Assert.DoesNotContain(SecretValue, published.Sql, StringComparison.Ordinal);

            var traced = Assert.Single(activity.Events, e => e.Name == SargableDiagnostics.ActivityEventName);
            Assert.Equal("SARG0006", traced.Tags.Single(t => t.Key == "sargable.rule").Value);
            Assert.DoesNotContain(traced.Tags, t => t.Value?.ToString()?.Contains(SecretValue, StringComparison.Ordinal) == true);
        }
    }

    public sealed class PostgresLogModeTests(PostgresCorpusDatabase database) : LogModeTests(database), IClassFixture<PostgresCorpusDatabase>;

    public sealed class SqliteLogModeTests(SqliteCorpusDatabase database) : LogModeTests(database), IClassFixture<SqliteCorpusDatabase>;
}
