using System.Linq;
using Sargable.Core.Tests.Rules;
using Sargable.Registry;

namespace Sargable.Core.Tests.Engine
{
    /// <summary>TABLE t reads like SELECT * FROM t; TABLESAMPLE reads a sample and WHERE CURRENT OF one row, not every row.</summary>
    public sealed class TableCommandAndSampleTests
    {
        private readonly SargableEngine engine = new(DdlRegistryLoader.Load("CREATE TABLE audit_events (id bigint PRIMARY KEY, project_id bigint);"));

        private System.Collections.Generic.IReadOnlyList<Finding> Check(string sql)
        {
            var verdict = engine.CheckStatement(sql);
            Assert.Null(verdict.ParseError);
            return verdict.Findings;
        }

        [Fact]
        public void Table_command_gets_the_finding_of_select_star()
        {
            var table = RuleAssert.Single(Check("TABLE audit_events"), RuleIds.UnboundedRead);
            var select = RuleAssert.Single(Check("SELECT * FROM audit_events"), RuleIds.UnboundedRead);
            Assert.Equal(select.Message, table.Message);
            Assert.Equal(7, table.Location!.Value.Column);
        }

        [Fact]
        public void A_sampled_table_is_not_reported_as_read_in_full()
        {
            Assert.DoesNotContain(Check("SELECT * FROM audit_events TABLESAMPLE SYSTEM (1)"), f => f.RuleId == RuleIds.UnboundedRead);
        }

        [Fact]
        public void A_table_joined_to_a_sample_is_still_bounded_by_the_join()
        {
            Assert.DoesNotContain(
                Check("SELECT * FROM audit_events a TABLESAMPLE BERNOULLI (5) JOIN audit_events b ON b.id = a.id"),
                f => f.RuleId == RuleIds.UnboundedRead);
        }
    

        [Fact]
        public void Update_where_current_of_changes_one_row_and_is_not_a_full_update()
        {
            Assert.DoesNotContain(Check("UPDATE audit_events SET project_id = 1 WHERE CURRENT OF c"), f => f.RuleId == RuleIds.UnboundedRead);
            Assert.DoesNotContain(Check("DELETE FROM audit_events WHERE CURRENT OF c"), f => f.RuleId == RuleIds.UnboundedRead);
        }
    }
}
