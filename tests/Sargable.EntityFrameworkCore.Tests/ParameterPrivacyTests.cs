using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>
    /// A marker value goes into statements that fail because of it (casts, JSON, unique violations) or that the guard
    /// reports (a slow filter, N+1), in Log and Throw, with and without EXPLAIN. "Our output" is everything the guard
    /// produces: entries of the <c>Sargable</c> log category (message, structured values, attached exception), the
    /// exceptions it raises (<see cref="InefficientQueryError"/>, <see cref="UncheckedQueryError"/>, with
    /// <c>ToString()</c>), the <c>sargable.*</c> events on the request's Activity and the <c>Sargable</c>
    /// DiagnosticListener's payloads. The provider's own exception for the failed command, which EF Core rethrows as
    /// is (or wraps in DbUpdateException), is the application's to handle and is not ours.
    /// </summary>
    public abstract class ParameterPrivacyTests
    {
        private const string Marker = "SargableMarker7f3a91";

        protected abstract bool IsPostgres { get; }

        /// <summary>A context with its own guard (each run explains its statements afresh).</summary>
        protected abstract CorpusDbContext Context(Action<SargableOptionsBuilder> guard);

        public static TheoryData<SargableMode, bool> Modes => new()
        {
            { SargableMode.Log, false },
            { SargableMode.Log, true },
            { SargableMode.Throw, false },
            { SargableMode.Throw, true },
        };

        [Theory]
        [MemberData(nameof(Modes))]
        public async Task A_parameter_value_that_fails_a_statement_appears_in_none_of_the_guards_output(SargableMode mode, bool explain)
        {
            var logs = new LogCollector();
            var events = new List<SargableFindingEvent>();
            var ours = new List<Exception>();
            var providers = new List<Exception>();
            using var listener = DiagnosticListenerProbe.Subscribe(events);
            using var activity = new Activity("privacy").Start();
            var suffix = $"{mode}{explain}";

            foreach (var statement in Statements(suffix))
            {
                await using var db = Context(b => b.Mode(mode).VerifyWithExplain(explain).UseLoggerFactory(logs));
                try
                {
                    await statement(db);
                }
                catch (Exception error) when (Chain(error).Any(IsOurs))
                {
                    ours.Add(Chain(error).First(IsOurs));
                }
                catch (Exception error)
                {
                    providers.Add(error);
                }
            }

            var output = new List<string>();
            foreach (var entry in logs.Entries.Where(e => e.Category.StartsWith(SargableDiagnostics.LoggerCategory, StringComparison.Ordinal)))
            {
                output.Add(entry.Message);
                output.AddRange(entry.State.Values.Select(v => v?.ToString() ?? string.Empty));
                output.Add(entry.Exception ?? string.Empty);
            }

            output.AddRange(ours.Select(e => e.ToString()));
            output.AddRange(ours.OfType<InefficientQueryError>().Select(e => e.Plan?.Summary ?? string.Empty));
            output.AddRange(events.SelectMany(e => e.Tags().Select(t => t.Value?.ToString() ?? string.Empty).Append(e.Sql).Append(e.CallSite ?? string.Empty)));
            output.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString() ?? string.Empty).Append(e.Name)));

            Assert.All(output, text => Assert.DoesNotContain(Marker, text, StringComparison.OrdinalIgnoreCase));

            // The statements did reach the guard's reporting paths, and the marker did reach the database.
            Assert.True(logs.Findings(RuleIds.QueryInLoop).Count > 0 || ours.OfType<InefficientQueryError>().Any(o => o.RuleId == RuleIds.QueryInLoop));
            Assert.NotEmpty(events);
            Assert.NotEmpty(providers);
            Assert.DoesNotContain(providers, IsOurs);
            if (IsPostgres)
            {
                Assert.Contains(providers, p => Chain(p).Any(e => e.Message.Contains(Marker, StringComparison.Ordinal) || (e as Npgsql.PostgresException)?.Detail?.Contains(Marker, StringComparison.Ordinal) == true));
            }

            if (explain && IsPostgres)
            {
                var failed = mode == SargableMode.Log
                    ? logs.Guard.Where(e => e.EventId == SargableDiagnostics.Plan).Select(e => e.Message)
                    : ours.OfType<InefficientQueryError>().Select(e => e.Plan?.Summary ?? string.Empty);
                Assert.Contains(failed, text => text.Contains("PostgreSQL plan not read: EXPLAIN failed with SQLSTATE 22P02 (data exception", StringComparison.Ordinal));
            }
        }

        private IEnumerable<Func<CorpusDbContext, Task>> Statements(string suffix)
        {
            var marker = Marker + suffix;

            // A cast the value cannot pass; iid without project_id is also SARG0002, so Throw mode raises with the plan.
            yield return db => db.Deployments.FromSqlRaw("SELECT * FROM deployments WHERE iid = CAST({0} AS bigint)", marker).ToListAsync();
            yield return db => db.Deployments.FromSqlRaw("SELECT * FROM deployments WHERE updated_at > CAST({0} AS timestamptz)", marker).ToListAsync();
            yield return IsPostgres
                ? db => db.Deployments.FromSqlRaw("SELECT * FROM deployments WHERE id = 1 AND CAST({0} AS jsonb) IS NOT NULL", marker).ToListAsync()
                : db => db.Deployments.FromSqlRaw("SELECT * FROM deployments WHERE id = 1 AND json({0}) IS NOT NULL", marker).ToListAsync();

            // A unique violation quotes the key (PostgreSQL's detail): once by hand, once through SaveChanges.
            yield return async db =>
            {
                await db.Database.ExecuteSqlRawAsync("INSERT INTO environments (project_id, name) VALUES ({0}, {1})", CorpusKeys.ProjectId, marker + "raw");
                await db.Database.ExecuteSqlRawAsync("INSERT INTO environments (project_id, name) VALUES ({0}, {1})", CorpusKeys.ProjectId, marker + "raw");
            };
            yield return async db =>
            {
                db.Environments.Add(new ProjectEnvironment { ProjectId = CorpusKeys.ProjectId, Name = marker + "saved" });
                db.Environments.Add(new ProjectEnvironment { ProjectId = CorpusKeys.ProjectId, Name = marker + "saved" });
                await db.SaveChangesAsync();
            };

            // N+1 over values that hold the marker: the finding counts them by hash only.
            yield return async db =>
            {
                using var scope = SargableScope.Begin("privacy " + suffix);
                for (var i = 0; i < 8; i++)
                {
                    var name = marker + i;
                    await db.Environments.Where(e => e.ProjectId == CorpusKeys.ProjectId && e.Name == name).ToListAsync();
                }
            };
        }

        private static IEnumerable<Exception> Chain(Exception error)
        {
            for (var e = error; e is not null; e = e.InnerException)
            {
                yield return e;
            }
        }

        private static bool IsOurs(Exception error) => error.GetType().Assembly == typeof(InefficientQueryError).Assembly;
    }

    public sealed class PostgresParameterPrivacyTests(PostgresCorpusDatabase database) : ParameterPrivacyTests, IClassFixture<PostgresCorpusDatabase>
    {
        protected override bool IsPostgres => true;

        // The worst case: a development connection that asks Npgsql for the server's detail lines, which quote key values.
        protected override CorpusDbContext Context(Action<SargableOptionsBuilder> guard) =>
            new(CorpusOptions.Build(o => o.UseNpgsql(database.ConnectionString + ";Include Error Detail=true"), guard, null, shareServiceProvider: false));

        [Fact]
        public async Task A_failed_plan_is_reported_with_its_SQLSTATE_and_a_fixed_description()
        {
            var logs = new LogCollector();
            await using var db = Context(b => b.Mode(SargableMode.Log).VerifyWithExplain().UseLoggerFactory(logs));

            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Deployments.FromSqlRaw("SELECT * FROM deployments WHERE iid = CAST({0} AS bigint)", "SargableMarker7f3a91").ToListAsync());

            var plan = Assert.Single(logs.Guard, e => e.EventId == SargableDiagnostics.Plan);
            Assert.StartsWith("PostgreSQL plan not read: EXPLAIN failed with SQLSTATE 22P02 (data exception: a value does not fit its type or function) SQL: SELECT", plan.Message, StringComparison.Ordinal);
            var finding = Assert.Single(logs.Findings(RuleIds.ScopelessLookup));
            Assert.Equal("PostgreSQL plan not read: EXPLAIN failed with SQLSTATE 22P02 (data exception: a value does not fit its type or function)", finding["Plan"]);
        }
    }

    public sealed class SqliteParameterPrivacyTests(SqliteCorpusDatabase database) : ParameterPrivacyTests, IClassFixture<SqliteCorpusDatabase>
    {
        protected override bool IsPostgres => false;

        protected override CorpusDbContext Context(Action<SargableOptionsBuilder> guard) => database.Context(guard, shareServiceProvider: false);
    }
}
