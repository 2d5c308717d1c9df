using System.Reflection;
using System.Text.RegularExpressions;

namespace Sargable.Analyzers.Tests.Meta
{
    /// <summary>Each rule page opens with a "Sources:" line whose links resolve, and documents every option key the analyzers read.</summary>
    public sealed class RulePageTests
    {
        public static TheoryData<string> Rules()
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleCatalog.All)
            {
                data.Add(rule.Id);
            }

            return data;
        }

        /// <summary>Every option key the analyzer assembly reads: its static strings under Core's config-key prefix (the registry file shares the prefix, not being a key).</summary>
        public static TheoryData<string> OptionKeys()
        {
            var data = new TheoryData<string>();
            foreach (var key in typeof(SargableAnalyzer).Assembly.GetTypes()
                .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .Where(f => f.FieldType == typeof(string) && !f.FieldType.IsGenericType && (f.IsInitOnly || f.IsLiteral))
                .Select(f => f.GetValue(null) as string)
                .Where(v => v is not null && v.StartsWith(RuleIdFormat.ConfigKeyPrefix, StringComparison.Ordinal) && v != RuleIdFormat.RegistryFileName)
                .Distinct(StringComparer.Ordinal))
            {
                data.Add(key!);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void The_page_opens_with_a_sources_line_whose_links_resolve(string id)
        {
            var page = RepositoryPaths.Combine("docs", "rules", id + ".md");
            var lines = File.ReadAllLines(page);
            var sources = lines.Skip(1).First(l => l.Length > 0);
            Assert.StartsWith("Sources: ", sources, StringComparison.Ordinal);

            var links = Regex.Matches(sources, @"\[(?<text>[^\]]+)\]\((?<target>[^)]+)\)").Select(m => (Text: m.Groups["text"].Value, Target: m.Groups["target"].Value)).ToList();
            foreach (var required in new[] { "analyzer", "tests", "sample" })
            {
                Assert.Contains(links, l => l.Text.Contains(required, StringComparison.Ordinal));
            }

            foreach (var (text, target) in links)
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                Assert.True(File.Exists(path), $"{id}.md links '{text}' to {target}, which does not exist.");
                Assert.True(
                    Path.GetFileName(path).Contains(id, StringComparison.Ordinal) || File.ReadAllText(path).Contains(RuleConstantName(id), StringComparison.Ordinal) || File.ReadAllText(path).Contains(id, StringComparison.Ordinal),
                    $"{id}.md links '{text}' to {target}, which names neither {id} nor RuleIds.{RuleConstantName(id)}.");
            }
        }

        [Fact]
        public void The_analyzers_read_option_keys() => Assert.NotEmpty(OptionKeys());

        [Theory]
        [MemberData(nameof(OptionKeys))]
        public void Every_option_key_is_documented_in_a_rule_pages_options_section(string key)
        {
            var documented = RuleCatalog.All.Where(rule =>
            {
                var text = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", rule.Id + ".md"));
                var options = text.IndexOf("\n## Options", StringComparison.Ordinal);
                return options >= 0 && text.IndexOf("`" + key + "`", options, StringComparison.Ordinal) >= 0;
            });
            Assert.True(documented.Any(), $"No docs/rules page documents '{key}' in its Options section.");
        }

        private static string RuleConstantName(string id) =>
            typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Single(f => f.IsLiteral && (string?)f.GetRawConstantValue() == id).Name;
    }
}
