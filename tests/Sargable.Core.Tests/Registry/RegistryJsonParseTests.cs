using System;
using System.IO;
using System.Linq;
using Sargable.Registry;

namespace Sargable.Core.Tests.Registry
{
    public sealed class RegistryJsonParseTests
    {
        [Fact]
        public void Reads_the_minimal_format_of_the_product_spec()
        {
            const string json = """
                { "tables": { "deployments": { "small": false,
                    "indexes": [ { "name": "index_deployments_on_project_and_env_and_updated_at_id",
                                   "columns": ["project_id", "environment_id", "updated_at", "id"],
                                   "unique": false, "primaryKey": false, "where": null } ] } } }
                """;

            var registry = RegistryJson.Parse(json);

            var table = Assert.Single(registry.Tables);
            Assert.Equal("deployments", table.Name);
            Assert.Null(table.Schema);
            Assert.False(table.Small);
            Assert.Null(table.EstimatedRows);
            var index = Assert.Single(table.Indexes);
            Assert.Equal("index_deployments_on_project_and_env_and_updated_at_id", index.Name);
            Assert.Equal(new[] { "project_id", "environment_id", "updated_at", "id" }, index.Columns.Select(c => c.Name));
            Assert.All(index.Columns, c => Assert.False(c.Descending));
            Assert.False(index.Unique);
            Assert.False(index.PrimaryKey);
            Assert.Null(index.Where);
            Assert.Null(index.Method);
            Assert.Empty(index.Include);
            Assert.Equal(IndexRegistry.DefaultSmallTableRows, registry.SmallTableRows);
        }

        [Fact]
        public void Reads_every_documented_extension()
        {
            const string json = """
                {
                  "$schema": "https://example.org/sargable-registry.schema.json",
                  "version": 1,
                  "smallTableRows": 5000,
                  "tables": {
                    "public.deployments": {
                      "estimatedRows": 2500000,
                      "indexes": [
                        { "name": "deployments_pkey", "columns": ["id"], "primaryKey": true },
                        { "name": "idx_recent", "columns": ["project_id", "updated_at DESC", "id asc"], "where": "archived_at IS NULL", "include": ["status"] },
                        { "name": "idx_obj", "columns": [{ "name": "environment_id" }, { "name": "created_at", "descending": true }] },
                        { "name": "idx_tags", "columns": ["tags"], "method": "GIN" },
                        { "name": "uq_slug", "columns": ["project_id", "slug"], "unique": true, "method": "btree" }
                      ]
                    },
                    "settings": { "small": true },
                    "events": { "schema": "audit", "estimatedRows": null },
                    "v1.2": { "schema": null }
                  }
                }
                """;

            var registry = RegistryJson.Parse(json);

            Assert.Equal(5000, registry.SmallTableRows);
            var deployments = registry.Find("deployments", "public")!;
            Assert.Equal("public", deployments.Schema);
            Assert.Equal(2500000, deployments.EstimatedRows);
            Assert.Equal(5, deployments.Indexes.Count);

            var pkey = deployments.PrimaryKey!;
            Assert.Equal("deployments_pkey", pkey.Name);
            Assert.True(pkey.Unique);

            var recent = deployments.Indexes.Single(i => i.Name == "idx_recent");
            Assert.Equal(new[] { new IndexColumn("project_id"), new IndexColumn("updated_at", descending: true), new IndexColumn("id") }, recent.Columns);
            Assert.Equal("archived_at IS NULL", recent.Where);
            Assert.Equal(new[] { "status" }, recent.Include);

            var obj = deployments.Indexes.Single(i => i.Name == "idx_obj");
            Assert.Equal(new[] { new IndexColumn("environment_id"), new IndexColumn("created_at", descending: true) }, obj.Columns);

            var tags = deployments.Indexes.Single(i => i.Name == "idx_tags");
            Assert.Equal("gin", tags.Method);
            Assert.False(tags.IsOrdered);

            Assert.True(deployments.Indexes.Single(i => i.Name == "uq_slug").Unique);

            var settings = registry.Find("settings")!;
            Assert.True(settings.Small);
            Assert.Empty(settings.Indexes);
            Assert.True(registry.IsSmall(settings));

            var events = registry.Find("events", "audit")!;
            Assert.Equal("audit", events.Schema);
            Assert.Null(events.EstimatedRows);

            var dotted = registry.Find("v1.2")!;
            Assert.Equal("v1.2", dotted.Name);
            Assert.Null(dotted.Schema);
        }

        [Fact]
        public void An_empty_tables_object_is_an_empty_registry()
        {
            var registry = RegistryJson.Parse("{\"tables\": {}}");
            Assert.Empty(registry.Tables);
        }

        [Fact]
        public void Names_keep_escapes_and_unicode()
        {
            var registry = RegistryJson.Parse("{\"tables\": {\"caf\\u00e9\": {\"indexes\": [{\"name\": \"ix \\\"q\\\"\", \"columns\": [\"\\ud83d\\ude00 DESC\"]}]}}}");
            var table = Assert.Single(registry.Tables);
            Assert.Equal("café", table.Name);
            Assert.Equal("ix \"q\"", table.Indexes[0].Name);
            Assert.Equal(new IndexColumn("😀", descending: true), table.Indexes[0].Columns[0]);
        }

        [Fact]
        public void Load_reads_a_file_with_a_byte_order_mark_and_names_it_in_errors()
        {
            var directory = Directory.CreateTempSubdirectory("sargable-registry-");
            try
            {
                var good = Path.Combine(directory.FullName, "good.json");
                File.WriteAllText(good, "{\"tables\": {\"t\": {}}}", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                Assert.Equal("t", Assert.Single(RegistryJson.Load(good).Tables).Name);

                var bad = Path.Combine(directory.FullName, "bad.json");
                File.WriteAllText(bad, "{\"tables\": {\"t\": {\"smal\": true}}}");
                var error = Assert.Throws<RegistryFormatException>(() => RegistryJson.Load(bad));
                Assert.StartsWith(bad + " (1,19): tables.t has an unknown property 'smal'", error.Message, StringComparison.Ordinal);
                Assert.Equal(bad, error.SourceName);

                Assert.Throws<FileNotFoundException>(() => RegistryJson.Load(Path.Combine(directory.FullName, "missing.json")));
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        [Fact]
        public void Errors_carry_source_position_path_and_problem()
        {
            var error = Assert.Throws<RegistryFormatException>(() => RegistryJson.Parse(
                "{\n  \"tables\": {\n    \"deployments\": { \"indexes\": [ { \"name\": \"ix\", \"columns\": [] } ] }\n  }\n}", "registry.json"));

            Assert.Equal("registry.json (3,62): tables.deployments.indexes[0].columns must be a non-empty array of column names", error.Message);
            Assert.Equal("registry.json", error.SourceName);
            Assert.Equal(3, error.Line);
            Assert.Equal(62, error.Column);
            Assert.Equal("tables.deployments.indexes[0].columns", error.Path);
            Assert.Equal("must be a non-empty array of column names", error.Problem);
            Assert.IsAssignableFrom<FormatException>(error);
        }

        [Fact]
        public void Without_a_source_name_errors_say_registry_json()
        {
            var error = Assert.Throws<RegistryFormatException>(() => RegistryJson.Parse("[]"));
            Assert.Equal("registry JSON (1,1): the registry must be a JSON object with a \"tables\" property, not an array", error.Message);
        }
    
        [Fact]
        public void The_example_in_docs_registry_md_is_valid()
        {
            var doc = File.ReadAllText(Sargable.Testing.RepositoryPaths.Combine("docs", "registry.md"));
            var start = doc.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
            var example = doc.Substring(start, doc.IndexOf("```", start, StringComparison.Ordinal) - start);

            var registry = RegistryJson.Parse(example, "docs/registry.md");

            Assert.Equal(3, registry.Tables.Count);
            Assert.Equal(4, registry.Find("deployments")!.Indexes.Count);
            Assert.Equal("audit", registry.Find("events")!.Schema);
        }
    }
}
