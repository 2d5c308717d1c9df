using System.Linq;
using Sargable.Registry;
using Sargable.Sql;

namespace Sargable.Core.Tests.Engine
{
    public sealed class DdlRegistryLoaderTests
    {
        [Fact]
        public void Keys_unique_constraints_and_indexes_are_read_with_postgres_default_names()
        {
            var registry = DdlRegistryLoader.Load(DeploymentsSchema.Ddl);

            var deployments = registry.Find("deployments")!;
            Assert.Equal("deployments_pkey", deployments.PrimaryKey!.Name);
            var iid = deployments.Indexes.Single(i => i.Name == "index_deployments_on_project_id_and_iid");
            Assert.True(iid.Unique);
            Assert.Equal("btree", iid.Method);
            Assert.Equal(new[] { "project_id", "iid" }, iid.Columns.Select(c => c.Name));
            var environments = registry.Find("environments")!;
            Assert.Contains(environments.Indexes, i => i.Unique && i.Name == "index_environments_on_project_id_and_name");
            Assert.Equal("id DESC", registry.Find("release_project_environments")!.Indexes.Single(i => !i.PrimaryKey).Columns[2].ToString());
        }

        [Fact]
        public void Partial_expression_include_and_alter_table_definitions_are_kept()
        {
            var registry = DdlRegistryLoader.Load("""
                CREATE TABLE public.environments (id bigint NOT NULL, project_id bigint, name text, state text);
                ALTER TABLE ONLY public.environments ADD CONSTRAINT environments_pkey PRIMARY KEY (id);
                CREATE UNIQUE INDEX IF NOT EXISTS "ix_env_name" ON public.environments USING btree (project_id, name) INCLUDE (id) WHERE (state <> 'stopped');
                CREATE INDEX ix_lower ON public.environments (lower(name));
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                """);

            var table = registry.Find("environments", "public")!;
            Assert.Equal("public", table.Schema);
            Assert.Equal("environments_pkey", table.PrimaryKey!.Name);
            var partial = table.Indexes.Single(i => i.Name == "ix_env_name");
            Assert.Equal("state <> 'stopped'", partial.Where);
            Assert.Equal(new[] { "id" }, partial.Include);
            Assert.Equal("(lower(name))", table.Indexes.Single(i => i.Name == "ix_lower").Columns.Single().Name);
        }

        [Fact]
        public void Invalid_sql_is_a_parse_error_with_its_position()
        {
            var error = Assert.Throws<SqlParseException>(() => DdlRegistryLoader.Load("CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX ON (a);"));

            Assert.Equal(2, error.Line);
        }

        [Fact]
        public void A_second_primary_key_is_refused()
        {
            var error = Assert.Throws<RegistryFormatException>(() => DdlRegistryLoader.Load("CREATE TABLE t (id bigint PRIMARY KEY);\nALTER TABLE t ADD PRIMARY KEY (id);"));

            Assert.Contains("second primary key", error.Message, System.StringComparison.Ordinal);
        }
    }
}
