using System;

namespace Sargable.Deployments.Tests
{
    /// <summary>The constructor of <see cref="InefficientQueryError"/> for refusals made before any SQL exists.</summary>
    public sealed class RefusalErrorTests
    {
        [Fact]
        public void The_message_is_kept_exactly_and_the_finding_carries_rule_table_and_help()
        {
            var error = new InefficientQueryError(RuleIds.ScopelessLookup, "environments", " `environment` name filter must be combined with `project` scope.");

            Assert.Equal(" `environment` name filter must be combined with `project` scope.", error.Message);
            Assert.Equal("SARG0002", error.RuleId);
            Assert.Equal("environments", error.Table);
            Assert.Empty(error.Columns);
            Assert.Equal(Severity.Warning, Assert.Single(error.Findings).Severity);
            Assert.Equal(string.Empty, error.Sql);
            Assert.Null(error.Plan);
            Assert.Null(error.SuggestedIndex);
            Assert.Equal(RuleCatalog.HelpLink("SARG0002"), error.HelpLink);
        }

        [Theory]
        [InlineData("SARG9999", "deployments", "message")]
        [InlineData("SARG0003", " ", "message")]
        [InlineData("SARG0003", "deployments", "")]
        public void Unknown_rules_and_empty_tables_or_messages_are_refused(string ruleId, string table, string message)
        {
            Assert.Throws<ArgumentException>(() => new InefficientQueryError(ruleId, table, message));
        }
    }
}
