using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Sargable.Core.Tests
{
    public sealed class RuleCatalogTests
    {
        [Fact]
        public void Every_rule_id_has_exactly_one_catalog_entry()
        {
            var ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x).ToList();

            Assert.Equal(ids, RuleCatalog.All.Select(r => r.Id).OrderBy(x => x).ToList());
        }

        [Fact]
        public void Every_rule_has_a_doc_page_its_help_link_points_to()
        {
            var root = Sargable.Testing.RepositoryPaths.Root;
            foreach (var rule in RuleCatalog.All)
            {
                Assert.StartsWith(RuleIdFormat.HelpBaseUri, rule.HelpLink, StringComparison.Ordinal);
                var relative = "docs/rules/" + rule.HelpLink.Substring(RuleIdFormat.HelpBaseUri.Length);
                var page = Path.Combine(root, relative);
                Assert.True(File.Exists(page), $"{rule.Id}: help link {rule.HelpLink} has no page at {relative}");
                var heading = File.ReadLines(page).First();
                Assert.Equal($"# {rule.Id}: {rule.Title}", heading);
            }
        }

        [Fact]
        public void Unknown_rule_ids_are_refused_with_the_known_list()
        {
            var error = Assert.Throws<ArgumentException>(() => RuleCatalog.Get("SARG9999"));

            Assert.Contains("SARG0001", error.Message, StringComparison.Ordinal);
        }
    }
}
