using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;
using Sargable.Internal;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>
    /// The guard's OpenTelemetry metrics on PostgreSQL, as a fleet produces them: three app servers (three contexts with
    /// their own options, so three guards) each run a slow lookup and a clean one, and the collector sums the series.
    /// </summary>
    [Collection(nameof(MetricsCollection))]
    public sealed class MetricsTests : IClassFixture<PostgresCorpusDatabase>
    {
        private const int Servers = 3;
        private const int Requests = 5;

        // Markers in the queries: one travels as a parameter value, one as a literal in the SQL text.
        private const string ParameterMarker = "param-marker-5f3a9c@example.org";
        private const string LiteralMarker = "literal-marker-0b7e41";

        private readonly PostgresCorpusDatabase database;

        public MetricsTests(PostgresCorpusDatabase database)
        {
            this.database = database;
        }

        [Fact]
        public async Task Three_instances_count_every_execution_of_the_slow_lookup_and_nothing_for_the_clean_one()
        {
            using var metrics = new MetricsProbe();
            await RunFleetAsync(SargableMode.Log);

            var findings = metrics.Collect().Where(s => s.Instrument == SargableDiagnostics.FindingsInstrumentName).ToList();
            Assert.Equal(Servers * Requests, findings.Where(s => s.Tag("sargable.rule") == RuleIds.NoIndexForFilter && s.Tag("db.collection.name") == "deployments").Sum(s => s.Sum));
            var series = Assert.Single(findings);
            Assert.Equal("{finding}", series.Unit);
            Assert.Equal("postgresql", series.Tag("db.system.name"));
            Assert.Equal("SELECT deployments", series.Tag("db.query.summary"));
            Assert.Equal("log", series.Tag("sargable.mode"));
        }

        [Fact]
        public async Task Each_instance_counts_each_distinct_statement_once_by_outcome()
        {
            using var metrics = new MetricsProbe();
            await RunFleetAsync(SargableMode.Log);

            var collected = metrics.Collect();
            var statements = collected.Where(s => s.Instrument == SargableDiagnostics.StatementsInstrumentName).ToList();
            Assert.Equal(Servers, statements.Where(s => s.Tag("sargable.outcome") == "finding").Sum(s => s.Sum));
            Assert.Equal(Servers, statements.Where(s => s.Tag("sargable.outcome") == "clean").Sum(s => s.Sum));
            Assert.Equal(2 * Servers, statements.Sum(s => s.Sum));
            Assert.All(statements, s => Assert.Equal("postgresql", s.Tag("db.system.name")));

            // One first check per statement and instance; later executions are cache hits.
            var checks = collected.Where(s => s.Instrument == SargableDiagnostics.CheckDurationInstrumentName).ToList();
            Assert.Equal(2 * Servers, checks.Sum(s => s.Count));
            Assert.All(checks, s => Assert.Equal("s", s.Unit));
        }

        [Fact]
        public async Task No_metric_tag_holds_a_parameter_value_or_a_literal_of_the_query()
        {
            using var metrics = new MetricsProbe();
            var recorder = new SqlRecorder();
            await using (var db = database.Context(b => b.Mode(SargableMode.Log).UseLoggerFactory(new LogCollector()), recorder))
            {
                await new DeploymentLookup(db).ByRefAsync(ParameterMarker);
            }

            // The literal is in the statement the guard read, so leaving it out of the tags is the guard's doing.
            Assert.Contains(recorder.Commands, sql => sql.Contains(LiteralMarker, StringComparison.Ordinal));
            var collected = metrics.Collect();
            Assert.Contains(collected, s => s.Instrument == SargableDiagnostics.FindingsInstrumentName);
            var values = collected.SelectMany(s => s.Tags.Values).Select(v => v?.ToString() ?? string.Empty).ToList();
            Assert.DoesNotContain(values, v => v.Contains(ParameterMarker, StringComparison.Ordinal) || v.Contains(LiteralMarker, StringComparison.Ordinal) || v.Contains("marker", StringComparison.Ordinal));
            Assert.Subset(
                new HashSet<string> { "sargable.rule", "sargable.mode", "sargable.outcome", "sargable.explain", "db.collection.name", "db.system.name", "db.query.summary" },
                collected.SelectMany(s => s.Tags.Keys).ToHashSet());
        }

        [Fact]
        public async Task A_statement_whose_finding_its_comment_allows_counts_as_allowed_and_adds_no_finding()
        {
            using var metrics = new MetricsProbe();
            for (var i = 0; i < 2; i++)
            {
                await using var db = database.Context(b => b.Mode(SargableMode.Log).UseLoggerFactory(new LogCollector()));
                var gitRef = ParameterMarker;
                await db.Deployments.AsNoTracking().Where(d => d.Ref == gitRef).AllowSargable(RuleIds.NoIndexForFilter, "support lookup, a few times a day").ToListAsync();
            }

            var collected = metrics.Collect();
            Assert.DoesNotContain(collected, s => s.Instrument == SargableDiagnostics.FindingsInstrumentName);
            var statement = Assert.Single(collected, s => s.Instrument == SargableDiagnostics.StatementsInstrumentName);
            Assert.Equal("allowed", statement.Tag("sargable.outcome"));
            Assert.Equal(2, statement.Sum);
        }

        [Fact]
        public async Task Throw_mode_counts_every_stopped_execution()
        {
            using var metrics = new MetricsProbe();
            var logs = new LogCollector();
            for (var i = 0; i < 2; i++)
            {
                await using var db = database.Context(b => b.Mode(SargableMode.Throw).UseLoggerFactory(logs));
                await Assert.ThrowsAsync<InefficientQueryError>(() => new DeploymentLookup(db).ByRefAsync(ParameterMarker));
            }

            var series = Assert.Single(metrics.Collect(), s => s.Instrument == SargableDiagnostics.FindingsInstrumentName);
            Assert.Equal(2, series.Sum);
            Assert.Equal("throw", series.Tag("sargable.mode"));
        }

        [Fact]
        public async Task The_span_event_of_each_execution_carries_the_metric_tags()
        {
            var logs = new LogCollector();
            using var request = new Activity("GET /deployments").Start();
            for (var i = 0; i < 2; i++)
            {
                await using var db = database.Context(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));
                await new DeploymentLookup(db).ByRefAsync(ParameterMarker);
            }

            var events = request.Events.Where(e => e.Name == SargableDiagnostics.ActivityEventName).ToList();
            Assert.Equal(2, events.Count);
            Assert.All(events, e =>
            {
                var tags = e.Tags.ToDictionary(t => t.Key, t => t.Value?.ToString());
                Assert.Equal(RuleIds.NoIndexForFilter, tags["sargable.rule"]);
                Assert.Equal("deployments", tags["db.collection.name"]);
                Assert.Equal("postgresql", tags["db.system.name"]);
                Assert.Equal("SELECT deployments", tags["db.query.summary"]);
                Assert.Equal("log", tags["sargable.mode"]);
                Assert.DoesNotContain(tags.Values, v => v?.Contains(ParameterMarker, StringComparison.Ordinal) == true);
            });
        }

        [Fact]
        public async Task Without_a_listener_an_execution_with_a_finding_records_and_allocates_nothing()
        {
            var capture = new CommandCapture();
            var options = new DbContextOptionsBuilder<CorpusDbContext>()
                .UseNpgsql(database.ConnectionString)
                .UseSargable(b => b.Mode(SargableMode.Log).UseLoggerFactory(new LogCollector()))
                .AddInterceptors(capture)
                .ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning))
                .Options;
            await using var captured = new CorpusDbContext(options);
            await new DeploymentLookup(captured).ByRefAsync(ParameterMarker);
            var guard = captured.GetService<IEnumerable<IInterceptor>>().OfType<SargableInterceptor>().Single();
            var (command, eventData) = capture.Last ?? throw new InvalidOperationException("No command was captured.");

            Assert.False(GuardMetrics.Findings.Enabled);
            Assert.Null(Activity.Current);

            // Warm up, then count what the settled statement's executions allocate on this thread.
            await guard.ReaderExecutingAsync(command, eventData, default, CancellationToken.None);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                await guard.ReaderExecutingAsync(command, eventData, default, CancellationToken.None);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private async Task RunFleetAsync(SargableMode mode)
        {
            for (var server = 0; server < Servers; server++)
            {
                // Each app server has its own logging, hence its own options and its own guard.
                var logs = new LogCollector();
                for (var request = 0; request < Requests; request++)
                {
                    await using var db = database.Context(b => b.Mode(mode).UseLoggerFactory(logs));
                    var lookup = new DeploymentLookup(db);
                    await lookup.ByRefAsync(ParameterMarker);
                    Assert.NotNull(await lookup.ByIidAsync(CorpusKeys.ProjectId, CorpusKeys.Iid));
                }

                Assert.Single(logs.Guard);
            }
        }

        /// <summary>The application's deployment lookups, one per request, as a repository would hold them.</summary>
        private sealed class DeploymentLookup(CorpusDbContext db)
        {
            /// <summary>By git ref, or the placeholder ref imports use: no index serves <c>ref</c>, so deployments is scanned.</summary>
            public Task<List<Deployment>> ByRefAsync(string gitRef) =>
                db.Deployments.AsNoTracking().Where(d => d.Ref == gitRef || d.Ref == LiteralMarker).ToListAsync();

            /// <summary>By the project's own deployment number: the unique (project_id, iid) index.</summary>
            public Task<Deployment?> ByIidAsync(long projectId, int iid) =>
                db.Deployments.AsNoTracking().SingleOrDefaultAsync(d => d.ProjectId == projectId && d.Iid == iid);
        }

        /// <summary>Keeps the last reader command and its event data, to call the guard with directly.</summary>
        private sealed class CommandCapture : DbCommandInterceptor
        {
            public (DbCommand Command, CommandEventData EventData)? Last { get; private set; }

            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                Last = (command, eventData);
                return new ValueTask<InterceptionResult<DbDataReader>>(result);
            }
        }
    }
}
