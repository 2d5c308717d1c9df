using System;
using System.Linq;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Registry
{
    public sealed class RegistryJsonWriteTests
    {
        private static IndexRegistry Sample() => new(
            [
                new RegisteredTable("settings", small: true),
                new RegisteredTable(
                    "deployments",
                    [
                        new IndexDefinition("idx_recent", [new IndexColumn("project_id"), new IndexColumn("updated_at", descending: true)], where: "archived_at IS NULL", include: ["status"]),
                        new IndexDefinition("deployments_pkey", [new IndexColumn("id")], primaryKey: true),
                        new IndexDefinition("idx_tags", [new IndexColumn("tags")], method: "gin"),
                    ],
                    schema: "public",
                    estimatedRows: 2500000),
                new RegisteredTable("events", schema: "audit.v2"),
                new RegisteredTable("v1.2"),
            ],
            smallTableRows: 5000);

        [Fact]
        public void Writes_the_documented_format_in_a_stable_order()
        {
            const string expected = """
                {
                  "version": 1,
                  "smallTableRows": 5000,
                  "tables": {
                    "settings": {
                      "small": true,
                      "indexes": []
                    },
                    "v1.2": {
                      "schema": null,
                      "small": false,
                      "indexes": []
                    },
                    "events": {
                      "schema": "audit.v2",
                      "small": false,
                      "indexes": []
                    },
                    "public.deployments": {
                      "small": false,
                      "estimatedRows": 2500000,
                      "indexes": [
                        {
                          "name": "deployments_pkey",
                          "columns": ["id"],
                          "unique": true,
                          "primaryKey": true,
                          "where": null
                        },
                        {
                          "name": "idx_recent",
                          "columns": ["project_id", "updated_at DESC"],
                          "unique": false,
                          "primaryKey": false,
                          "where": "archived_at IS NULL",
                          "include": ["status"]
                        },
                        {
                          "name": "idx_tags",
                          "columns": ["tags"],
                          "unique": false,
                          "primaryKey": false,
                          "where": null,
                          "method": "gin"
                        }
                      ]
                    }
                  }
                }

                """;

            Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal), RegistryJson.Write(Sample()));
        }

        [Fact]
        public void Round_trips_through_parse()
        {
            var written = RegistryJson.Write(Sample());
            var parsed = RegistryJson.Parse(written);

            Assert.Equal(written, RegistryJson.Write(parsed));
            Assert.Equal(5000, parsed.SmallTableRows);
            var deployments = parsed.Find("deployments", "public")!;
            Assert.Equal(2500000, deployments.EstimatedRows);
            var recent = deployments.Indexes.Single(i => i.Name == "idx_recent");
            Assert.Equal([new IndexColumn("project_id"), new IndexColumn("updated_at", descending: true)], recent.Columns);
            Assert.Equal("archived_at IS NULL", recent.Where);
            Assert.Equal(["status"], recent.Include);
            Assert.Equal("gin", deployments.Indexes.Single(i => i.Name == "idx_tags").Method);
            Assert.Equal("audit.v2", parsed.Tables.Single(t => t.Name == "events").Schema);
            Assert.Null(parsed.Find("v1.2")!.Schema);
            Assert.True(parsed.Find("settings")!.Small);
        }

        [Fact]
        public void Column_domains_are_written_sorted_and_read_back()
        {
            var sites = new RegisteredTable("sites", [new IndexDefinition("sites_pkey", [new IndexColumn("id")], primaryKey: true)])
            {
                ColumnDomains = new System.Collections.Generic.Dictionary<string, ColumnDomain> { ["status"] = ColumnDomain.Enumeration, ["is_default"] = ColumnDomain.Boolean },
            };

            var written = RegistryJson.Write(new IndexRegistry([sites]));

            Assert.Contains("""
                      "columns": {
                        "is_default": "boolean",
                        "status": "enumeration"
                      },
                """.Replace("\r\n", "\n", StringComparison.Ordinal), written, StringComparison.Ordinal);
            var read = Assert.Single(RegistryJson.Parse(written).Tables);
            Assert.Equal(ColumnDomain.Boolean, read.ColumnDomains["IS_DEFAULT"]);
            Assert.Equal(ColumnDomain.Enumeration, read.ColumnDomains["status"]);
            Assert.Equal(written, RegistryJson.Write(RegistryJson.Parse(written)));
        }

        [Fact]
        public void Round_trips_names_that_need_escaping()
        {
            var registry = new IndexRegistry(
            [
                new RegisteredTable("caf\u00e9 \"q\"", [new IndexDefinition("ix\\1\nz", [new IndexColumn("\ud83d\ude00", descending: true)], where: "note <> 'a\tb'")]),
            ]);

            var written = RegistryJson.Write(registry);
            var table = Assert.Single(RegistryJson.Parse(written).Tables);

            Assert.Equal("caf\u00e9 \"q\"", table.Name);
            Assert.Equal("ix\\1\nz", table.Indexes[0].Name);
            Assert.Equal(new IndexColumn("\ud83d\ude00", descending: true), table.Indexes[0].Columns[0]);
            Assert.Equal("note <> 'a\tb'", table.Indexes[0].Where);
            Assert.Equal(written, RegistryJson.Write(RegistryJson.Parse(written)));
        }

        [Fact]
        public void Writing_a_parsed_file_normalises_only_the_notation()
        {
            var parsed = RegistryJson.Parse("""
                {"tables": {"t": {"indexes": [
                  {"name": "b", "columns": [{"name": "x", "descending": true}, "y asc"], "method": "BTREE"},
                  {"name": "a", "columns": ["z"]}]}}}
                """);

            var written = RegistryJson.Write(parsed);

            Assert.Contains("\"columns\": [\"x DESC\", \"y\"]", written, StringComparison.Ordinal);
            Assert.Contains("\"method\": \"btree\"", written, StringComparison.Ordinal);
            Assert.True(written.IndexOf("\"name\": \"a\"", StringComparison.Ordinal) < written.IndexOf("\"name\": \"b\"", StringComparison.Ordinal));
        }

        [Fact]
        public void Refuses_registries_the_format_cannot_represent()
        {
            Assert.Throws<ArgumentNullException>(() => RegistryJson.Write(null!));

            var suffix = new IndexRegistry([new RegisteredTable("t", [new IndexDefinition("ix", [new IndexColumn("a DESC")])])]);
            Assert.Contains("Column \"a DESC\" of index 'ix'", Assert.Throws<ArgumentException>(() => RegistryJson.Write(suffix)).Message, StringComparison.Ordinal);

            var padded = new IndexRegistry([new RegisteredTable(" t")]);
            Assert.Contains("Table name \" t\" must not start or end with spaces", Assert.Throws<ArgumentException>(() => RegistryJson.Write(padded)).Message, StringComparison.Ordinal);

            var clash = new IndexRegistry([new RegisteredTable("a.b", schema: "x"), new RegisteredTable("a.b")]);
            Assert.Contains("would both be written under the key \"a.b\"", Assert.Throws<ArgumentException>(() => RegistryJson.Write(clash)).Message, StringComparison.Ordinal);

            var uniqueHash = new IndexRegistry([new RegisteredTable("t", [new IndexDefinition("ix", [new IndexColumn("a")], unique: true, method: "hash")])]);
            Assert.Throws<ArgumentException>(() => RegistryJson.Write(uniqueHash));
        }
    }
}
