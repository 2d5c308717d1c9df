using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>Suppression through the engine: the tag and the scope silence one rule, and the reason is logged.</summary>
    public abstract class SuppressionTests
    {
        private static readonly DateTime Before = CorpusKeys.Epoch.AddMinutes(1100);

        protected SuppressionTests(ICorpusDatabase database)
        {
            Database = database;
        }

        protected ICorpusDatabase Database { get; }

        [Fact]
        public async Task A_tagged_query_runs_in_throw_mode_and_its_reason_is_logged()
        {
            var logs = new LogCollector();
            await using var db = Database.Context(b => b.Mode(SargableMode.Throw).UseLoggerFactory(logs));
            var before = Before;

            var rows = await db.Deployments
                .Where(d => d.UpdatedAt <= before).OrderBy(d => d.Id).Take(20)
                .AllowSargable(RuleIds.FilterOrderMismatch, "nightly report over the few rows of one environment")
                .ToListAsync();

            Assert.NotEmpty(rows);
            var allowed = Assert.Single(logs.Guard);
            Assert.Equal(SargableDiagnostics.Allowed, allowed.EventId);
            Assert.Equal(LogLevel.Information, allowed.Level);
            Assert.Equal("SARG0003", allowed["RuleId"]);
            Assert.Equal("nightly report over the few rows of one environment", allowed["Reason"]);
            Assert.Contains("sargable:allow", (string)allowed["AllowSource"]!, StringComparison.Ordinal);

            // The tag allows only the rule it names.
            var skip = 10;
            var other = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments
                .OrderBy(d => d.Id).Skip(skip).Take(20)
                .AllowSargable(RuleIds.FilterOrderMismatch, "wrong rule")
                .ToListAsync());
            Assert.Equal(RuleIds.LargeOffset, other.RuleId);
        }

        [Fact]
        public async Task An_allow_scope_silences_its_rule_inside_the_block_only()
        {
            var logs = new LogCollector();
            await using var db = Database.Context(b => b.Mode(SargableMode.Throw).UseLoggerFactory(logs));

            using (SargableScope.Allow(RuleIds.UnboundedRead, "export job reads every deployment on purpose"))
            {
                Assert.NotEmpty(await db.Deployments.ToListAsync());
                Assert.NotEmpty(await db.Deployments.ToListAsync());
            }

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.ToListAsync());
            Assert.Equal(RuleIds.UnboundedRead, error.RuleId);

            var allowed = Assert.Single(logs.Guard, e => e.EventId == SargableDiagnostics.Allowed);
            Assert.Equal("export job reads every deployment on purpose", allowed["Reason"]);
            Assert.Equal("an Allow scope", allowed["AllowSource"]);
        }

        [Fact]
        public async Task A_scope_for_N_plus_one_keeps_counting_but_reports_nothing()
        {
            await using var db = Database.Context(b => b.Mode(SargableMode.Throw));
            var projectId = CorpusKeys.ProjectId;
            using var unit = SargableScope.Begin("import");
            using var allow = SargableScope.Allow(RuleIds.QueryInLoop, "at most twelve items, fixed by the import format");

            for (var iid = 1; iid <= 12; iid++)
            {
                Assert.NotNull(await db.Deployments.SingleOrDefaultAsync(d => d.ProjectId == projectId && d.Iid == iid));
            }
        }
    }

    public sealed class PostgresSuppressionTests(PostgresCorpusDatabase database) : SuppressionTests(database), IClassFixture<PostgresCorpusDatabase>;

    public sealed class SqliteSuppressionTests(SqliteCorpusDatabase database) : SuppressionTests(database), IClassFixture<SqliteCorpusDatabase>;
}
