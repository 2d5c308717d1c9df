using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace QueryGuard.Core.Tests
{
    public sealed class RuleIdsTests
    {
        [Fact]
        public void Every_rule_id_is_distinct_and_shaped_QG_and_four_digits()
        {
            var ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();

            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches(new Regex("^QG[0-9]{4}$"), id));
        }
    }
}
