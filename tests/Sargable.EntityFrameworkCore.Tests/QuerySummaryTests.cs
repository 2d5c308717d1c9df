using Sargable.Internal;
using Sargable.Registry;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>The <c>db.query.summary</c> tag: operation and registry tables from the parsed statement, never its text.</summary>
    public sealed class QuerySummaryTests
    {
        private static readonly IndexRegistry Registry = DdlRegistryLoader.Load("""
            CREATE TABLE projects (id bigint PRIMARY KEY, name text);
            CREATE TABLE environments (id bigint PRIMARY KEY, project_id bigint, name text);
            CREATE TABLE deployments (id bigint PRIMARY KEY, project_id bigint, environment_id bigint, ref text);
            CREATE TABLE releases (id bigint PRIMARY KEY, project_id bigint, version text);
            """);

        private static string? Summary(string sql) => QuerySummary.Of(new SargableEngine(Registry).CheckScript(sql), Registry);

        [Fact]
        public void A_join_is_its_operation_and_tables_in_order()
        {
            Assert.Equal(
                "SELECT deployments environments",
                Summary("SELECT d.id FROM deployments d JOIN environments e ON e.id = d.environment_id WHERE d.project_id = @p0"));
        }

        [Fact]
        public void Literals_and_parameters_never_reach_the_summary()
        {
            var summary = Summary("SELECT d.id FROM deployments d WHERE d.ref = 'secret-literal' OR d.ref = @secret_param");

            Assert.Equal("SELECT deployments", summary);
        }

        [Fact]
        public void A_table_the_registry_does_not_know_is_left_out()
        {
            Assert.Equal("SELECT deployments", Summary("SELECT d.id FROM deployments d JOIN tmp_import_8f2c t ON t.id = d.id"));
        }

        [Fact]
        public void At_most_three_tables_are_named()
        {
            Assert.Equal(
                "SELECT deployments environments projects",
                Summary("SELECT 1 FROM deployments d JOIN environments e ON e.id = d.environment_id JOIN projects p ON p.id = d.project_id JOIN releases r ON r.project_id = p.id"));
        }

        [Fact]
        public void Several_statements_are_a_batch()
        {
            Assert.Equal("BATCH DELETE deployments", Summary("DELETE FROM deployments WHERE id = @p0; DELETE FROM deployments WHERE id = @p1"));
            Assert.Equal("BATCH", Summary("DELETE FROM deployments WHERE id = @p0; UPDATE releases SET version = @p1 WHERE id = @p2"));
        }

        [Fact]
        public void A_statement_the_parser_cannot_read_has_no_summary()
        {
            Assert.Null(Summary("VACUUM ANALYZE deployments"));
        }
    }
}
