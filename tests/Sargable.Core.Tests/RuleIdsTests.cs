using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Sargable.Core.Tests
{
    public sealed class RuleIdsTests
    {
        [Fact]
        public void Every_rule_id_is_distinct_and_shaped_SARG_and_four_digits()
        {
            var ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();

            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches(new Regex("^" + RuleIdFormat.Prefix + "[0-9]{" + RuleIdFormat.Digits + "}$"), id));
        }
    }
}
