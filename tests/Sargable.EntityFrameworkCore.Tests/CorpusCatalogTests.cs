using System;
using System.Linq;
using System.Threading.Tasks;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;
using Xunit.Abstractions;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>
    /// The EF corpus's whole LINQ catalog (lookups, includes, joins, set operators, raw SQL, SaveChanges, bulk writes)
    /// under the guard in Log mode: every entry runs as it would without the guard, and the guard reads every command.
    /// </summary>
    public abstract class CorpusCatalogTests
    {
        private readonly ICorpusDatabase database;
        private readonly ITestOutputHelper output;

        protected CorpusCatalogTests(ICorpusDatabase database, ITestOutputHelper output)
        {
            this.database = database;
            this.output = output;
        }

        [Fact]
        public async Task Every_catalog_entry_runs_in_log_mode_and_every_command_is_read()
        {
            var logs = new LogCollector();
            foreach (var entry in EfQueryCatalog.All)
            {
                await using var db = database.Context(b => b.Mode(SargableMode.Log).UseLoggerFactory(logs));
                await entry.Run(db);
            }

            foreach (var log in logs.Guard)
            {
                output.WriteLine(log.ToString());
            }

            Assert.DoesNotContain(logs.Guard, e => e.EventId == SargableDiagnostics.NotChecked || e.EventId == SargableDiagnostics.GuardProblem);
            Assert.Contains(logs.Guard, e => e.EventId.Name == RuleIds.UnboundedRead);
            Assert.Contains(logs.Guard, e => e.EventId == SargableDiagnostics.Allowed && e["Reason"] is string reason && reason.Length > 0);
            Assert.Equal(logs.Guard.Count, logs.Guard.Select(e => (e.EventId.Name, e["Sql"], e["Message"])).Distinct().Count());
        }
    }

    public sealed class PostgresCorpusCatalogTests(PostgresCorpusDatabase database, ITestOutputHelper output) : CorpusCatalogTests(database, output), IClassFixture<PostgresCorpusDatabase>;

    public sealed class SqliteCorpusCatalogTests(SqliteCorpusDatabase database, ITestOutputHelper output) : CorpusCatalogTests(database, output), IClassFixture<SqliteCorpusDatabase>;
}
