using System.Linq;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Shapes
{
    /// <summary>SQL/XML forms reach the shape like the function calls they are: filters on their columns that no plain index serves.</summary>
    public sealed class XmlShapeTests
    {
        private static TableAccess Releases(string where) =>
            Assert.Single(SqlShapeBuilder(where).Accesses, a => a.Table == "releases");

        private static QueryShape SqlShapeBuilder(string where) => SqlShapeBuilderTests.Build("SELECT r.id FROM releases r WHERE r.project_id = $1 AND " + where);

        [Theory]
        [InlineData("xmlexists('//tag' PASSING BY REF r.notes)", "xpath_exists('//tag', r.notes)")]
        [InlineData("NOT xmlexists('//tag' PASSING r.notes BY VALUE)", "NOT xpath_exists('//tag', r.notes)")]
        [InlineData("r.notes IS DOCUMENT", "xml_is_well_formed_document(r.notes)")]
        [InlineData("r.notes IS NOT DOCUMENT", "NOT xml_is_well_formed_document(r.notes)")]
        [InlineData("xmlserialize(content r.notes AS text) = $2", "lower(r.notes) = $2")]
        [InlineData("xmlelement(name a, r.title) IS NOT NULL", "lower(r.title) IS NOT NULL")]
        public void An_xml_filter_on_a_column_is_recorded_as_the_same_call_on_it_would_be(string xml, string function)
        {
            var fromXml = Releases(xml);
            var fromFunction = Releases(function);

            var unusable = Assert.Single(fromXml.Unusable);
            var twin = Assert.Single(fromFunction.Unusable);
            Assert.Equal((twin.Reason, twin.Column), (unusable.Reason, unusable.Column));
            Assert.Equal(xml, unusable.Description);
            Assert.Equal("project_id", Assert.Single(fromXml.Equalities).Column);
        }

        [Fact]
        public void Xmltable_columns_are_its_own_so_filters_on_them_restrict_no_table()
        {
            var shape = SqlShapeBuilderTests.Build(
                "SELECT r.id FROM releases r, XMLTABLE('/release/tag' PASSING r.notes COLUMNS tag text PATH '.', n FOR ORDINALITY) " +
                "WHERE tag = $1 AND xmltable.n = 1 AND r.project_id = $2");

            var releases = Assert.Single(shape.Accesses);
            Assert.Equal("releases", releases.Table);
            Assert.Equal(new[] { "project_id" }, releases.Equalities.Select(e => e.Column));
            Assert.Empty(releases.Unusable);
        }

        [Fact]
        public void Xmltable_alias_columns_rename_its_columns_in_order()
        {
            var shape = SqlShapeBuilderTests.Build(
                "SELECT r.id FROM releases r CROSS JOIN LATERAL XMLTABLE('/r' PASSING r.notes COLUMNS a text, b text) AS x(first) " +
                "WHERE first = $1 AND b = $2");

            Assert.Empty(Assert.Single(shape.Accesses).Equalities);
        }

        [Fact]
        public void A_subquery_inside_xmltable_is_a_block_of_its_own()
        {
            var shape = SqlShapeBuilderTests.Build(
                "SELECT * FROM XMLTABLE('/r' PASSING (SELECT d.notes FROM releases d WHERE d.id = $1) COLUMNS a text)");

            var releases = Assert.Single(shape.Accesses);
            Assert.Equal("id", Assert.Single(releases.Equalities).Column);
        }
    }
}
