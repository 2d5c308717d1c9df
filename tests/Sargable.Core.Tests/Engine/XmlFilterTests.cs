using System.Collections.Generic;
using System.Linq;
using Sargable.Core.Tests.Rules;
using Sargable.Registry;

namespace Sargable.Core.Tests.Engine
{
    /// <summary>A filter through an SQL/XML form is judged like the same filter through any function of the column.</summary>
    public sealed class XmlFilterTests
    {
        private readonly SargableEngine engine = new(DdlRegistryLoader.Load(
            "CREATE TABLE releases (id bigint PRIMARY KEY, project_id bigint, notes xml);" +
            "CREATE INDEX ix_releases_project ON releases (project_id);"));

        private IReadOnlyList<Finding> Check(string sql)
        {
            var verdict = engine.CheckStatement(sql);
            Assert.Null(verdict.ParseError);
            return verdict.Findings;
        }

        [Theory]
        [InlineData("xmlexists('//tag' PASSING BY REF notes)", "xpath_exists('//tag', notes)")]
        [InlineData("notes IS DOCUMENT", "xml_is_well_formed_document(notes)")]
        public void An_xml_filter_alone_gets_the_findings_of_the_same_function_filter(string xml, string function)
        {
            var fromXml = Check("SELECT id FROM releases WHERE " + xml);
            var fromFunction = Check("SELECT id FROM releases WHERE " + function);

            var finding = RuleAssert.Single(fromXml, RuleIds.NoIndexForFilter);
            Assert.Equal(new[] { "notes" }, finding.Columns);
            Assert.Contains(xml, finding.Message, System.StringComparison.Ordinal);
            Assert.Equal(fromFunction.Select(f => (f.RuleId, string.Join(",", f.Columns))), fromXml.Select(f => (f.RuleId, string.Join(",", f.Columns))));
        }

        [Fact]
        public void An_xml_filter_next_to_an_indexed_equality_is_served_by_that_index()
        {
            RuleAssert.Clean(Check("SELECT id FROM releases WHERE project_id = $1 AND xmlexists('//tag' PASSING notes)"));
        }
    }
}
