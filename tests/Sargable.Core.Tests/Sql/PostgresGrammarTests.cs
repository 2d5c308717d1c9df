using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>Statements PostgreSQL accepts that real code writes, and statements it rejects that we must reject too.</summary>
    public sealed class PostgresGrammarTests
    {
        [Theory]
        [InlineData("UPDATE t SET a[2] = 0")]
        [InlineData("UPDATE t SET a[1:2] = '{1,2}'")]
        [InlineData("UPDATE t SET q.c1 = 12 WHERE id = 1")]
        [InlineData("UPDATE t SET doc['a']['b'] = '1'::jsonb")]
        [InlineData("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET a[1] = 0")]
        public void Subscripted_and_field_assignment_targets_parse(string sql)
        {
            var update = Parse.Statement(sql);
            Assert.NotNull(update);
        }

        [Fact]
        public void A_subscripted_assignment_writes_its_column()
        {
            var update = Parse.Statement<UpdateStatement>("UPDATE t SET a[2] = 0, q.c1 = 12");
            Assert.Equal(["a", "q"], update.Assignments.Select(c => c.Columns[0].Value));
        }

        [Fact]
        public void Distinct_with_no_select_list_is_rejected()
        {
            var error = Parse.Error("select distinct from t");
            Assert.Equal("Line 1, column 17: expected a select list after DISTINCT but found 'from'.", error.Message);
        }

        [Fact]
        public void An_empty_select_list_without_distinct_is_accepted()
        {
            Assert.Empty(Parse.Select("SELECT FROM t").Items);
        }

        [Fact]
        public void An_unknown_alter_table_action_is_rejected()
        {
            var error = Parse.Error("ALTER TABLE foo FROBNICATE");
            Assert.Equal("Line 1, column 17: expected an ALTER TABLE action (ADD, DROP, ALTER, RENAME, SET, ...) but found 'FROBNICATE'.", error.Message);
        }

        [Theory]
        [InlineData("ALTER TABLE foo OWNER TO bob")]
        [InlineData("ALTER TABLE foo RENAME COLUMN a TO b")]
        [InlineData("ALTER TABLE foo ENABLE ROW LEVEL SECURITY")]
        [InlineData("ALTER TABLE foo DETACH PARTITION foo_2024")]
        public void Known_alter_table_actions_still_parse(string sql)
        {
            Assert.NotNull(Parse.Statement(sql));
        }
    }
}
