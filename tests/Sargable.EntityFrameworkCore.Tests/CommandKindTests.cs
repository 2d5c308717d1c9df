using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>Scalar commands are checked like readers and non-queries; commands the parser cannot read never break.</summary>
    public abstract class CommandKindTests
    {
        protected CommandKindTests(ICorpusDatabase database)
        {
            Database = database;
        }

        protected ICorpusDatabase Database { get; }

        /// <summary>Valid SQL for the database that Sargable's parser does not read.</summary>
        protected abstract string UnreadableQuery { get; }

        [Fact]
        public async Task Scalar_commands_are_checked_sync_and_async()
        {
            await using var db = Database.Context(b => b.Mode(SargableMode.Throw));
            var command = db.GetService<IRawSqlCommandBuilder>().Build("SELECT count(*) FROM deployments WHERE ref = 'main'");
            var parameters = new RelationalCommandParameterObject(
                db.GetService<IRelationalConnection>(), null, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>());

            var sync = Assert.Throws<InefficientQueryError>(() => command.ExecuteScalar(parameters));
            var async = await Assert.ThrowsAsync<InefficientQueryError>(() => command.ExecuteScalarAsync(parameters));

            Assert.Equal(RuleIds.NoIndexForFilter, sync.RuleId);
            Assert.Equal(RuleIds.NoIndexForFilter, async.RuleId);
            var served = db.GetService<IRawSqlCommandBuilder>().Build("SELECT count(*) FROM deployments WHERE project_id = 1");
            Assert.True(Convert.ToInt64(await served.ExecuteScalarAsync(parameters), System.Globalization.CultureInfo.InvariantCulture) > 0);
        }

        [Fact]
        public async Task A_command_the_parser_cannot_read_runs_and_is_logged_once_as_not_checked()
        {
            var engine = new SargableEngine(Registry.IndexRegistry.Empty);
            Assert.NotNull(engine.CheckStatement(UnreadableQuery).ParseError); // else pick another unreadable statement

            var logs = new LogCollector();
            await using var db = Database.Context(b => b.Mode(SargableMode.Throw).UseLoggerFactory(logs));
            Assert.Equal(2, (await db.Database.SqlQueryRaw<int>(UnreadableQuery).ToListAsync()).Single());
            Assert.Equal(2, db.Database.SqlQueryRaw<int>(UnreadableQuery).ToList().Single());

            var entry = Assert.Single(logs.Guard);
            Assert.Equal(SargableDiagnostics.NotChecked, entry.EventId);
            Assert.Equal(LogLevel.Information, entry.Level);
            Assert.Equal(UnreadableQuery, ((string)entry["Sql"]!).TrimEnd()); // EF ends raw SQL with a newline
        }

        [Fact]
        public async Task Strict_stops_an_unreadable_command_in_throw_mode_and_warns_in_log_mode()
        {
            await using (var throwing = Database.Context(b => b.Mode(SargableMode.Throw).Strict()))
            {
                var error = await Assert.ThrowsAsync<UncheckedQueryError>(() => throwing.Database.SqlQueryRaw<int>(UnreadableQuery).ToListAsync());
                Assert.Equal(UnreadableQuery, error.Sql.TrimEnd());
                Assert.Contains("Strict", error.Message, StringComparison.Ordinal);
            }

            var logs = new LogCollector();
            await using var logging = Database.Context(b => b.Mode(SargableMode.Log).Strict().UseLoggerFactory(logs));
            Assert.Equal(2, (await logging.Database.SqlQueryRaw<int>(UnreadableQuery).ToListAsync()).Single());
            Assert.Equal(LogLevel.Warning, Assert.Single(logs.Guard).Level);
        }
    }

    public sealed class PostgresCommandKindTests(PostgresCorpusDatabase database) : CommandKindTests(database), IClassFixture<PostgresCorpusDatabase>
    {
        // COLLATION FOR (x): valid PostgreSQL the parser does not read; the test checks that it still does not.
        protected override string UnreadableQuery => "SELECT 1 + 1 AS \"Value\" WHERE COLLATION FOR ('a'::text) IS NOT NULL";
    }

    public sealed class SqliteCommandKindTests(SqliteCorpusDatabase database) : CommandKindTests(database), IClassFixture<SqliteCorpusDatabase>
    {
        protected override string UnreadableQuery => "SELECT 1 + 1 AS \"Value\" WHERE 'a' GLOB 'a'";
    }
}
