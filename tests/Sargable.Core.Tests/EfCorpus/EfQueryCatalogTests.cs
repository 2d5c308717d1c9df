using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sargable.Core.Tests.EfCorpus
{
    public sealed class EfQueryCatalogTests
    {
        [Fact]
        public void The_catalog_has_at_least_35_uniquely_named_entries()
        {
            var names = EfQueryCatalog.All.Select(c => c.Name).ToList();
            Assert.InRange(names.Count, 35, int.MaxValue);
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.All(names, name => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), name));
        }

        [Theory]
        [InlineData("ProjectId", "project_id")]
        [InlineData("LastDeploymentId", "last_deployment_id")]
        [InlineData("Iid", "iid")]
        [InlineData("PK_deployments", "pk_deployments")]
        [InlineData("IX_deployments_project_id_iid", "ix_deployments_project_id_iid")]
        [InlineData("ReleaseProjectEnvironments", "release_project_environments")]
        [InlineData("HTTPStatus", "http_status")]
        [InlineData("Sha256Hex", "sha256_hex")]
        [InlineData("already_snake", "already_snake")]
        public void Snake_case_names(string name, string expected) => Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(name));

        public static TheoryData<string> Providers => new() { EfSqlCorpus.PostgreSql, EfSqlCorpus.Sqlite };

        [Theory]
        [MemberData(nameof(Providers))]
        public void The_model_maps_the_deployments_schema_in_snake_case(string provider)
        {
            using var db = NewContext(provider);

            Assert.Equal(
                ["id", "iid", "project_id", "environment_id", "ref", "sha", "status", "action", "created_at", "updated_at", "finished_at"],
                ColumnsInDeclarationOrder(db.Model.FindEntityType(typeof(Deployment))!));
            Assert.Equal(["id", "parent_id", "name", "path"], ColumnsInDeclarationOrder(db.Model.FindEntityType(typeof(Namespace))!));
            Assert.Equal(
                ["id", "release_id", "project_id", "environment_id", "last_deployment_id"],
                ColumnsInDeclarationOrder(db.Model.FindEntityType(typeof(ReleaseProjectEnvironment))!));

            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName() ?? "").OrderBy(t => t, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(["deployments", "environments", "namespaces", "projects", "release_project_environments", "releases"], tables);

            var deployments = db.Model.FindEntityType(typeof(Deployment))!;
            Assert.Equal("pk_deployments", deployments.FindPrimaryKey()!.GetName());
            var indexes = deployments.GetIndexes().ToDictionary(i => string.Join(",", i.Properties.Select(p => p.GetColumnName())), i => i);
            Assert.True(indexes["project_id,iid"].IsUnique);
            Assert.Equal("ix_deployments_project_id_iid", indexes["project_id,iid"].GetDatabaseName());
            Assert.False(indexes["project_id,environment_id,updated_at,id"].IsUnique);
            Assert.False(indexes["environment_id,finished_at,id"].IsUnique);
            Assert.All(deployments.GetForeignKeys(), fk => Assert.StartsWith("fk_deployments_", fk.GetConstraintName()));

            var environments = db.Model.FindEntityType(typeof(ProjectEnvironment))!;
            Assert.Contains(environments.GetIndexes(), i => i.IsUnique && i.Properties.Select(p => p.GetColumnName()).SequenceEqual(["project_id", "name"]));
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public void Status_and_action_are_stored_as_small_integers(string provider)
        {
            using var db = NewContext(provider);
            var deployments = db.Model.FindEntityType(typeof(Deployment))!;
            var expected = provider == EfSqlCorpus.PostgreSql ? "smallint" : "INTEGER";
            Assert.Equal(expected, deployments.FindProperty(nameof(Deployment.Status))!.GetColumnType());
            Assert.Equal(expected, deployments.FindProperty(nameof(Deployment.Action))!.GetColumnType());
            Assert.Equal(provider == EfSqlCorpus.PostgreSql ? "timestamp with time zone" : "TEXT", deployments.FindProperty(nameof(Deployment.UpdatedAt))!.GetColumnType());
        }

        private static string[] ColumnsInDeclarationOrder(IEntityType entity) =>
            entity.ClrType.GetProperties()
                .Select(p => entity.FindProperty(p.Name))
                .Where(p => p is not null)
                .Select(p => p!.GetColumnName())
                .ToArray();

        private static CorpusDbContext NewContext(string provider)
        {
            // Building the model needs the provider but no connection: nothing here opens one.
            var builder = new DbContextOptionsBuilder<CorpusDbContext>();
            _ = provider == EfSqlCorpus.PostgreSql
                ? builder.UseNpgsql("Host=127.0.0.1;Database=unused")
                : builder.UseSqlite("Data Source=:memory:");
            return new CorpusDbContext(builder.Options);
        }
    }
}
