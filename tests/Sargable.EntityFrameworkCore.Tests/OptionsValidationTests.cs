using System;
using System.IO;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sargable.Core.Tests.EfCorpus;
using Sargable.Registry;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>
    /// UseSargable's configuration is checked when a context is created (EF Core builds its services and calls Validate),
    /// before any query runs; the message names the call to change. Nothing here connects to a database.
    /// </summary>
    public sealed class OptionsValidationTests : IDisposable
    {
        // Never connected to: building a context's services and model needs no server.
        private const string Unreached = "Host=127.0.0.1;Port=1;Database=sargable_validation";

        private readonly string folder = Directory.CreateTempSubdirectory("sargable-validate-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Fact]
        public void A_registry_file_that_does_not_exist_fails_when_the_context_is_created_naming_UseRegistryFile_and_the_path()
        {
            var missing = Path.Combine(folder, "missing-registry.json");

            var error = Assert.Throws<InvalidOperationException>(() => Create(b => b.Mode(SargableMode.Throw).UseRegistryFile(missing)));

            Assert.Contains($"UseRegistryFile(\"{missing}\") does not exist", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_registry_file_that_exists_passes_validation()
        {
            var path = Path.Combine(folder, "registry.json");
            File.WriteAllText(path, RegistryJson.Write(IndexRegistry.Empty));
            using var db = Context(b => b.Mode(SargableMode.Throw).UseRegistryFile(path));

            Assert.NotNull(db.Model.FindEntityType(typeof(Deployment)));
        }

        [Fact]
        public void A_missing_registry_file_is_not_checked_while_the_guard_is_off()
        {
            using var db = Context(b => b.Mode(SargableMode.Off).UseRegistryFile(Path.Combine(folder, "absent.json")));

            Assert.NotNull(db.Model.FindEntityType(typeof(Deployment)));
        }

        [Fact]
        public void Turning_off_the_model_without_another_index_source_names_the_calls_that_add_one()
        {
            var error = Assert.Throws<InvalidOperationException>(() => Create(b => b.Mode(SargableMode.Log).UseModel(false)));

            Assert.Contains("UseModel(false)", error.Message, StringComparison.Ordinal);
            Assert.Contains("IncludeDatabaseCatalog()", error.Message, StringComparison.Ordinal);
            Assert.Contains("AllowIndex(table, columns)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Turning_off_the_model_is_valid_when_indexes_are_given_in_code()
        {
            using var db = Context(b => b.Mode(SargableMode.Throw).UseModel(false).AllowIndex("deployments", "project_id", "id"));

            Assert.NotNull(db.Model.FindEntityType(typeof(Deployment)));
        }

        [Fact]
        public void A_provider_that_sends_no_SQL_is_refused_with_the_provider_named()
        {
            var options = new DbContextOptionsBuilder<CorpusDbContext>()
                .ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning))
                .UseInMemoryDatabase("sargable-validation")
                .UseSargable(b => b.Mode(SargableMode.Throw))
                .Options;

            var error = Assert.Throws<InvalidOperationException>(() => new CorpusDbContext(options).Dispose());

            Assert.Contains("InMemoryOptionsExtension", error.Message, StringComparison.Ordinal);
            Assert.Contains("remove the UseSargable call", error.Message, StringComparison.Ordinal);
        }

        private static void Create(Action<SargableOptionsBuilder> configure) => Context(configure).Dispose();

        // Each test configures the guard differently, so each gets its own EF service provider; across the whole test
        // assembly that passes EF's limit of twenty, which is expected here and not what these tests check.
        private static CorpusDbContext Context(Action<SargableOptionsBuilder> configure) =>
            new(new DbContextOptionsBuilder<CorpusDbContext>()
                .ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning))
                .UseNpgsql(Unreached)
                .UseSargable(configure)
                .Options);
    }
}
