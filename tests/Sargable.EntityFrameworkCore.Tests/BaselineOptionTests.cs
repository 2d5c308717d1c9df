using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sargable.Baselines;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary><c>UseBaselineFile</c>: findings whose rule and normalized SQL are in sargable.baseline.json are logged at Debug, never thrown.</summary>
    public sealed class BaselineOptionTests(PostgresCorpusDatabase database) : IClassFixture<PostgresCorpusDatabase>, IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("sargable-baseline-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Fact]
        public async Task A_baselined_finding_is_logged_at_debug_and_the_query_runs_in_throw_mode()
        {
            var sql = await CapturedSqlOfEnvironmentsReadWhole();
            var path = await WriteBaseline(new BaselineKey(RuleIds.UnboundedRead, "captured.sql", BaselineFingerprint.ForSql(sql)));
            var logs = new LogCollector();

            await using var db = database.Context(b => b.Mode(SargableMode.Throw).UseBaselineFile(path).UseLoggerFactory(logs));

            Assert.Equal(9, (await db.Environments.ToListAsync()).Count);
            var entry = Assert.Single(logs.Guard, e => e.Level == LogLevel.Debug && e.EventId == SargableDiagnostics.Allowed);
            Assert.Equal(RuleIds.UnboundedRead, entry["RuleId"]);
            Assert.Empty(logs.Findings(RuleIds.UnboundedRead));
        }

        [Fact]
        public async Task A_finding_of_another_statement_still_throws_with_a_baseline()
        {
            var sql = await CapturedSqlOfEnvironmentsReadWhole();
            var path = await WriteBaseline(new BaselineKey(RuleIds.UnboundedRead, "captured.sql", BaselineFingerprint.ForSql(sql)));

            await using var db = database.Context(b => b.Mode(SargableMode.Throw).UseBaselineFile(path));

            var error = await Assert.ThrowsAsync<InefficientQueryError>(() => db.Deployments.ToListAsync());
            Assert.Equal(RuleIds.UnboundedRead, error.RuleId);
        }

        [Fact]
        public async Task A_baseline_entry_of_another_rule_does_not_hide_the_finding()
        {
            var sql = await CapturedSqlOfEnvironmentsReadWhole();
            var path = await WriteBaseline(new BaselineKey(RuleIds.NoIndexForFilter, "captured.sql", BaselineFingerprint.ForSql(sql)));

            await using var db = database.Context(b => b.Mode(SargableMode.Throw).UseBaselineFile(path));

            Assert.Equal(RuleIds.UnboundedRead, (await Assert.ThrowsAsync<InefficientQueryError>(() => db.Environments.ToListAsync())).RuleId);
        }

        [Fact]
        public async Task A_missing_baseline_file_fails_the_first_command_with_its_path()
        {
            var path = Path.Combine(folder, "missing", RuleIdFormat.BaselineFileName);

            await using var db = database.Context(b => b.Mode(SargableMode.Throw).UseBaselineFile(path));

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Environments.ToListAsync());
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }

        /// <summary>The SQL EF Core sends for reading every environment, as the guard saw it.</summary>
        private async Task<string> CapturedSqlOfEnvironmentsReadWhole()
        {
            await using var db = database.Context(b => b.Mode(SargableMode.Throw));
            return (await Assert.ThrowsAsync<InefficientQueryError>(() => db.Environments.ToListAsync())).Sql;
        }

        private async Task<string> WriteBaseline(params BaselineKey[] keys)
        {
            var path = Path.Combine(folder, RuleIdFormat.BaselineFileName);
            await File.WriteAllTextAsync(path, new BaselineFile(keys).ToJson());
            return path;
        }
    }
}
