using System.Linq;
using Sargable.Core.Tests.Rules;
using Sargable.Registry;

namespace Sargable.Core.Tests.Engine
{
    /// <summary>SARG0001: a LIMIT bounds a read only when it limits something (RuleOptions.RowLimitThreshold).</summary>
    public sealed class RowLimitThresholdTests
    {
        private const string Schema = "CREATE TABLE audit_events (id bigint PRIMARY KEY, project_id bigint, created_at timestamptz);";

        private static System.Collections.Generic.IReadOnlyList<Finding> Check(string sql, RuleOptions? options = null)
        {
            var verdict = new SargableEngine(DdlRegistryLoader.Load(Schema), options ?? RuleOptions.Default).CheckStatement(sql);
            Assert.Null(verdict.ParseError);
            return verdict.Findings;
        }

        [Fact]
        public void A_limit_of_a_billion_rows_is_an_unbounded_read()
        {
            RuleAssert.Single(Check("SELECT * FROM audit_events LIMIT 1000000000"), RuleIds.UnboundedRead);
        }

        [Fact]
        public void A_fetch_first_above_the_threshold_is_an_unbounded_read()
        {
            RuleAssert.Single(Check("SELECT * FROM audit_events FETCH FIRST 50000 ROWS ONLY"), RuleIds.UnboundedRead);
        }

        [Fact]
        public void A_limit_at_the_threshold_bounds_the_read()
        {
            Assert.DoesNotContain(Check($"SELECT * FROM audit_events LIMIT {RuleOptions.DefaultRowLimitThreshold}"), f => f.RuleId == RuleIds.UnboundedRead);
        }

        [Fact]
        public void A_parameter_limit_bounds_the_read()
        {
            Assert.DoesNotContain(Check("SELECT * FROM audit_events LIMIT $1"), f => f.RuleId == RuleIds.UnboundedRead);
        }

        [Fact]
        public void The_threshold_is_an_option()
        {
            var options = new RuleOptions { RowLimitThreshold = 100 };
            RuleAssert.Single(Check("SELECT * FROM audit_events LIMIT 500", options), RuleIds.UnboundedRead);
        }
    }
}
