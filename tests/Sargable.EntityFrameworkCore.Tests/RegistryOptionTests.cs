using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;
using Sargable.Registry;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>Registry sources other than the model: the live catalog, small tables, registry files, code.</summary>
    public sealed class RegistryOptionTests(PostgresCorpusDatabase database) : IClassFixture<PostgresCorpusDatabase>, IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("sargable-efguard-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Fact]
        public async Task A_table_is_small_by_catalog_estimate_or_by_name_and_may_then_be_read_whole()
        {
            await using (var strict = database.Context(b => b.Mode(SargableMode.Throw)))
            {
                Assert.Equal(RuleIds.UnboundedRead, (await Assert.ThrowsAsync<InefficientQueryError>(() => strict.Environments.ToListAsync())).RuleId);
            }

            // The seed has 9 environments and about a hundred deployments: with a threshold of 100 only the first is small.
            await using (var catalog = database.Context(b => b.Mode(SargableMode.Throw).IncludeDatabaseCatalog().SmallTableRows(100)))
            {
                Assert.Equal(9, (await catalog.Environments.ToListAsync()).Count);
                Assert.Equal(RuleIds.UnboundedRead, (await Assert.ThrowsAsync<InefficientQueryError>(() => catalog.Deployments.ToListAsync())).RuleId);
            }

            await using (var threshold = database.Context(b => b.Mode(SargableMode.Throw).IncludeDatabaseCatalog().SmallTableRows(5)))
            {
                Assert.Equal(RuleIds.UnboundedRead, (await Assert.ThrowsAsync<InefficientQueryError>(() => threshold.Environments.ToListAsync())).RuleId);
            }

            await using var named = database.Context(b => b.Mode(SargableMode.Throw).SmallTable("environments"));
            Assert.Equal(9, (await named.Environments.ToListAsync()).Count);
        }

        [Fact]
        public async Task The_catalog_adds_indexes_the_model_does_not_declare()
        {
            await database.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_deployments_sha ON deployments (sha)");
            var sha = new byte[20];

            await using (var model = database.Context(b => b.Mode(SargableMode.Throw)))
            {
                Assert.Equal(RuleIds.NoIndexForFilter, (await Assert.ThrowsAsync<InefficientQueryError>(() => model.Deployments.Where(d => d.Sha == sha).ToListAsync())).RuleId);
            }

            await using var live = database.Context(b => b.Mode(SargableMode.Throw).IncludeDatabaseCatalog());
            Assert.Empty(await live.Deployments.Where(d => d.Sha == sha).ToListAsync());
        }

        [Fact]
        public async Task A_registry_file_and_code_entries_add_indexes()
        {
            var path = Path.Combine(folder, "registry.json");
            var fromFile = new IndexRegistry(new[] { new RegisteredTable("deployments", new[] { new IndexDefinition("index_deployments_on_ref", new[] { new IndexColumn("ref") }) }) });
            await File.WriteAllTextAsync(path, RegistryJson.Write(fromFile));
            var reference = "main";
            var projectId = CorpusKeys.ProjectId;

            await using (var file = database.Context(b => b.Mode(SargableMode.Throw).UseRegistryFile(path)))
            {
                Assert.NotEmpty(await file.Deployments.Where(d => d.Ref == reference).ToListAsync());
            }

            await using var code = database.Context(b => b.Mode(SargableMode.Throw).AllowIndex("deployments", "project_id", "created_at DESC", "id DESC"));
            Assert.Equal(5, (await code.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(5).ToListAsync()).Count);
        }

        [Fact]
        public async Task A_broken_registry_file_fails_in_throw_mode_and_is_logged_in_log_mode()
        {
            var path = Path.Combine(folder, "broken.json");
            await File.WriteAllTextAsync(path, "{ \"tables\": { \"deployments\": { \"indexes\": 7 } } }");
            var projectId = CorpusKeys.ProjectId;

            await using (var throwing = database.Context(b => b.Mode(SargableMode.Throw).UseRegistryFile(path)))
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => throwing.Deployments.Where(d => d.ProjectId == projectId).ToListAsync());
                Assert.Contains(path, error.Message, StringComparison.Ordinal);
            }

            var logs = new LogCollector();
            await using var logging = database.Context(b => b.Mode(SargableMode.Log).UseRegistryFile(path).UseLoggerFactory(logs));
            Assert.NotEmpty(await logging.Deployments.Where(d => d.ProjectId == projectId).ToListAsync());
            var problem = Assert.Single(logs.Guard, e => e.EventId == SargableDiagnostics.GuardProblem);
            Assert.Contains(path, problem.Message, StringComparison.Ordinal);
        }
    }
}
