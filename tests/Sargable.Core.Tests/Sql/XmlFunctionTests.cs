using System.Collections.Generic;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>The SQL/XML forms of PostgreSQL's grammar; every rejected statement here is a syntax error in PostgreSQL 15 too.</summary>
    public sealed class XmlFunctionTests
    {
        [Fact]
        public void Xmlconcat_is_a_call_with_its_arguments()
        {
            var call = Assert.IsType<FunctionCall>(Parse.Expression("XMLCONCAT(a, '<b/>', NULL)"));
            Assert.Equal("xmlconcat", call.SimpleName);
            Assert.Equal(new[] { "a", "'<b/>'", "NULL" }, call.Arguments.Select(Names.Of));
        }

        [Fact]
        public void Xmlelement_keeps_its_name_attributes_and_content()
        {
            var element = Assert.IsType<XmlElementExpression>(Parse.Expression("xmlelement(NAME \"Release-Note\", xmlattributes(r.id AS \"id\", r.version), r.title, 'x')"));
            Assert.Equal("Release-Note", element.Name.Value);
            Assert.Equal(new[] { "r.id", "r.version" }, element.Attributes.Select(a => Names.Of(a.Value)));
            Assert.Equal(new[] { "id", null }, element.Attributes.Select(a => a.Name?.Value));
            Assert.Equal(new[] { "r.title", "'x'" }, element.Content.Select(Names.Of));
        }

        [Theory]
        [InlineData("xmlelement(name release)", 0, 0)]
        [InlineData("xmlelement(name release, a, b)", 0, 2)]
        [InlineData("xmlelement(name release, xmlattributes(a))", 1, 0)]
        [InlineData("xmlelement(name select, xmlattributes(a AS from, b AS c), d)", 2, 1)]
        public void Xmlelement_attributes_and_content_are_both_optional(string sql, int attributes, int content)
        {
            var element = Assert.IsType<XmlElementExpression>(Parse.Expression(sql));
            Assert.Equal((attributes, content), (element.Attributes.Count, element.Content.Count));
        }

        [Fact]
        public void Xmlforest_items_keep_their_names_or_none()
        {
            var forest = Assert.IsType<XmlForestExpression>(Parse.Expression("xmlforest(title, version AS \"version-label\", 42 AS answer)"));
            Assert.Equal(new[] { null, "version-label", "answer" }, forest.Items.Select(i => i.Name?.Value));
            Assert.Equal(new[] { "title", "version", "42" }, forest.Items.Select(i => Names.Of(i.Value)));
        }

        [Theory]
        [InlineData("xmlparse(document '<a/>')", XmlOption.Document, false)]
        [InlineData("xmlparse(CONTENT raw STRIP WHITESPACE)", XmlOption.Content, false)]
        [InlineData("xmlparse(content raw || '<b/>' preserve whitespace)", XmlOption.Content, true)]
        public void Xmlparse_reads_the_option_and_the_whitespace_setting(string sql, XmlOption option, bool preserve)
        {
            var parse = Assert.IsType<XmlParseExpression>(Parse.Expression(sql));
            Assert.Equal((option, preserve), (parse.Option, parse.PreserveWhitespace));
        }

        [Fact]
        public void Xmlpi_keeps_its_target_and_optional_content()
        {
            var bare = Assert.IsType<XmlPiExpression>(Parse.Expression("xmlpi(name php)"));
            var full = Assert.IsType<XmlPiExpression>(Parse.Expression("xmlpi(name \"xml-stylesheet\", 'href=\"s.xsl\"')"));
            Assert.Equal(("php", true), (bare.Target.Value, bare.Content is null));
            Assert.Equal(("xml-stylesheet", "'href=\"s.xsl\"'"), (full.Target.Value, Names.Of(full.Content!)));
        }

        [Theory]
        [InlineData("xmlroot(doc, version '1.0')", "'1.0'", XmlStandalone.Omitted)]
        [InlineData("xmlroot(doc, VERSION '1.1', STANDALONE YES)", "'1.1'", XmlStandalone.Yes)]
        [InlineData("xmlroot(doc, version no value, standalone no)", null, XmlStandalone.No)]
        [InlineData("xmlroot(doc, version no value, standalone no value)", null, XmlStandalone.NoValue)]
        public void Xmlroot_reads_version_and_standalone(string sql, string? version, XmlStandalone standalone)
        {
            var root = Assert.IsType<XmlRootExpression>(Parse.Expression(sql));
            Assert.Equal("doc", Names.Of(root.Operand));
            Assert.Equal((version, standalone), (root.Version is null ? null : Names.Of(root.Version), root.Standalone));
        }

        [Theory]
        [InlineData("xmlserialize(document doc AS text)", XmlOption.Document, "text", false)]
        [InlineData("xmlserialize(CONTENT doc AS character varying(200) NO INDENT)", XmlOption.Content, "character varying", false)]
        [InlineData("xmlserialize(content doc AS varchar indent)", XmlOption.Content, "character varying", true)]
        public void Xmlserialize_reads_the_option_type_and_indent(string sql, XmlOption option, string type, bool indent)
        {
            var serialize = Assert.IsType<XmlSerializeExpression>(Parse.Expression(sql));
            Assert.Equal((option, type, indent), (serialize.Option, serialize.Type.CanonicalName, serialize.Indent));
        }

        [Theory]
        [InlineData("xmlexists('//a' PASSING doc)")]
        [InlineData("xmlexists('//a' PASSING BY REF doc)")]
        [InlineData("xmlexists('//a' PASSING doc BY VALUE)")]
        [InlineData("XMLEXISTS('//a' PASSING BY VALUE doc BY REF)")]
        public void Xmlexists_is_a_call_of_the_path_and_the_document_whatever_the_passing_mechanism(string sql)
        {
            var call = Assert.IsType<FunctionCall>(Parse.Expression(sql));
            Assert.Equal("xmlexists", call.SimpleName);
            Assert.Equal(new[] { "'//a'", "doc" }, call.Arguments.Select(Names.Of));
        }

        [Fact]
        public void Xmlexists_operands_may_be_calls_parenthesized_expressions_and_subscripts()
        {
            var call = Assert.IsType<FunctionCall>(Parse.Expression("xmlexists(('/r/' || $1) PASSING BY REF docs[1])"));
            Assert.IsType<BinaryExpression>(call.Arguments[0]);
            Assert.IsType<SubscriptExpression>(call.Arguments[1]);
        }

        [Fact]
        public void Is_document_is_a_call_on_the_operand_and_is_not_document_its_negation()
        {
            var test = Assert.IsType<FunctionCall>(Parse.Where("notes IS DOCUMENT"));
            Assert.Equal(("is document", "notes"), (test.SimpleName, Names.Of(test.Arguments.Single())));
            var negated = Assert.IsType<UnaryExpression>(Parse.Where("notes IS NOT DOCUMENT AND id > 1 OR x").ChildNodes()[0].ChildNodes()[0]);
            Assert.Equal("is document", Assert.IsType<FunctionCall>(negated.Operand).SimpleName);
        }

        [Fact]
        public void Xmltable_keeps_namespaces_row_path_document_columns_and_alias()
        {
            var table = Assert.IsType<XmlTable>(Parse.From(
                "XMLTABLE(XMLNAMESPACES('http://x/ns' AS e, DEFAULT 'http://x/d'), '/e:root/row' PASSING BY REF doc BY REF " +
                "COLUMNS id int PATH '@id', label varchar(40), n FOR ORDINALITY) AS rows(row_id, row_label)"));
            Assert.Equal(new[] { "e", null }, table.Namespaces.Select(n => n.Name?.Value));
            Assert.Equal(("'/e:root/row'", "doc"), (Names.Of(table.RowExpression), Names.Of(table.Document)));
            Assert.Equal(new[] { "id", "label", "n" }, table.Columns.Select(c => c.Name.Value));
            Assert.Equal(new[] { false, false, true }, table.Columns.Select(c => c.IsOrdinality));
            Assert.Equal("'@id'", Names.Of(table.Columns[0].Path!));
            Assert.Equal(("rows", 2), (table.Alias!.Name.Value, table.Alias.Columns.Count));
            Assert.False(table.IsLateral);
        }

        [Fact]
        public void Xmltable_column_options_come_in_any_order()
        {
            var table = Assert.IsType<XmlTable>(Parse.From("xmltable('//f' PASSING d COLUMNS a text NOT NULL PATH '@a', b int DEFAULT 0 NULL PATH '@b', c text)"));
            var (a, b, c) = (table.Columns[0], table.Columns[1], table.Columns[2]);
            Assert.Equal((true, "'@a'", true), (a.IsNotNull, Names.Of(a.Path!), a.Default is null));
            Assert.Equal((false, "'@b'", "0"), (b.IsNotNull, Names.Of(b.Path!), Names.Of(b.Default!)));
            Assert.Equal((false, true, true), (c.IsNotNull, c.Path is null, c.Default is null));
        }

        [Fact]
        public void Lateral_xmltable_joins_the_table_whose_document_it_reads()
        {
            var join = Assert.IsType<Join>(Parse.From("releases r CROSS JOIN LATERAL XMLTABLE('/r/tag' PASSING r.notes COLUMNS tag text) t"));
            var table = Assert.IsType<XmlTable>(join.Right);
            Assert.Equal((true, "r.notes", "t"), (table.IsLateral, Names.Of(table.Document), table.Alias!.Name.Value));
        }

        [Theory]
        [InlineData("SELECT xmlelement, xmlforest, xmltable, xmlattributes FROM t")]
        [InlineData("SELECT * FROM xmltable JOIN xmlexists ON xmltable.id = xmlexists.id")]
        [InlineData("SELECT t.xmlroot FROM t xmlpi")]
        public void Xml_keywords_without_parentheses_are_names(string sql)
        {
            Assert.IsType<SelectStatement>(Parse.Statement(sql));
        }

        [Fact]
        public void The_walker_reaches_every_column_inside_the_xml_forms_in_source_order()
        {
            const string Sql =
                "SELECT xmlelement(name e, xmlattributes(a AS x), b), xmlforest(c), xmlparse(content d), xmlpi(name p, e), " +
                "xmlroot(f, version g), xmlserialize(document h AS text), xmlconcat(i) " +
                "FROM xmltable(xmlnamespaces(j AS n), k PASSING l COLUMNS m int PATH o DEFAULT p) WHERE xmlexists(q PASSING r) AND s IS DOCUMENT";
            var walker = new ColumnCollector();
            walker.Visit(Parse.Statement(Sql));
            Assert.Equal("a b c d e f g h i j k l o p q r s".Split(' '), walker.Columns);
        }

        [Theory]
        [InlineData("SELECT xmlelement('release')", "Line 1, column 19: expected 'NAME' but found ''release''.")]
        [InlineData("SELECT xmlelement(name)", "Line 1, column 23: expected an element name but found ')'.")]
        [InlineData("SELECT xmlelement(name a, 'x', xmlattributes(1 AS b))", "Line 1, column 32: XMLATTRIBUTES is only allowed as the second argument of XMLELEMENT: expected an expression but found 'xmlattributes'.")]
        [InlineData("SELECT xmlforest()", "Line 1, column 18: expected an expression but found ')'.")]
        [InlineData("SELECT xmlforest(title label) FROM releases", "Line 1, column 24: expected ')' but found 'label'.")]
        [InlineData("SELECT xmlexists('//a')", "Line 1, column 23: expected 'PASSING' but found ')'.")]
        [InlineData("SELECT xmlexists('//a' PASSING BY NAME notes)", "Line 1, column 35: expected ')' but found 'NAME'.")]
        [InlineData("SELECT xmlexists('//a' PASSING notes::xml)", "Line 1, column 37: expected ')' but found '::'.")]
        [InlineData("SELECT xmlexists('//a' PASSING notes BY COPY)", "Line 1, column 41: expected 'REF' but found 'COPY'.")]
        [InlineData("SELECT xmlparse('<a/>')", "Line 1, column 17: expected 'DOCUMENT' or 'CONTENT' but found ''<a/>''.")]
        [InlineData("SELECT xmlparse(document '<a/>' preserve)", "Line 1, column 41: expected 'WHITESPACE' but found ')'.")]
        [InlineData("SELECT xmlpi(name)", "Line 1, column 18: expected a processing instruction name but found ')'.")]
        [InlineData("SELECT xmlroot('<a/>', '1.0')", "Line 1, column 24: expected 'VERSION' but found ''1.0''.")]
        [InlineData("SELECT xmlroot('<a/>', version '1.0', standalone maybe)", "Line 1, column 50: expected 'YES', 'NO' or 'NO VALUE' but found 'maybe'.")]
        [InlineData("SELECT xmlserialize(document '<a/>')", "Line 1, column 36: expected 'AS' but found ')'.")]
        [InlineData("SELECT xmlserialize(content '<a/>' AS text[])", "Line 1, column 43: XMLSERIALIZE produces a string type, not an array: expected 'INDENT', 'NO INDENT' or ')' but found '['.")]
        [InlineData("SELECT xmlserialize(content '<a/>' AS text no)", "Line 1, column 46: expected 'INDENT' but found ')'.")]
        [InlineData("SELECT xmlconcat()", "Line 1, column 18: expected an expression but found ')'.")]
        [InlineData("SELECT xmlattributes(1 AS a)", "Line 1, column 8: XMLATTRIBUTES is only allowed as the second argument of XMLELEMENT: expected an expression but found 'xmlattributes'.")]
        [InlineData("SELECT xmltable('/a' PASSING '<a/>' COLUMNS a int)", "Line 1, column 8: XMLTABLE is only allowed in FROM: expected an expression but found 'xmltable'.")]
        [InlineData("SELECT * FROM xmltable('/a' COLUMNS a int)", "Line 1, column 29: expected 'PASSING' but found 'COLUMNS'.")]
        [InlineData("SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS a int PATH 'x' PATH 'y')", "Line 1, column 67: only one PATH per column is allowed: expected ',' or ')' but found 'PATH'.")]
        [InlineData("SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS a int NULL NOT NULL)", "Line 1, column 63: conflicting or redundant NULL / NOT NULL declarations: expected ',' or ')' but found 'NOT'.")]
        [InlineData("SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS a int DEFAULT 1 DEFAULT 2)", "Line 1, column 68: only one DEFAULT per column is allowed: expected ',' or ')' but found 'DEFAULT'.")]
        [InlineData("SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS a int SIZE 4)", "Line 1, column 58: expected PATH, DEFAULT, NOT NULL, NULL, ',' or ')' but found 'SIZE'.")]
        [InlineData("SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS a FOR ORDER)", "Line 1, column 58: expected 'ORDINALITY' but found 'ORDER'.")]
        [InlineData("SELECT * FROM xmltable(xmlnamespaces('http://x' e), '/a' PASSING '<a/>' COLUMNS a int)", "Line 1, column 49: expected 'AS' but found 'e'.")]
        [InlineData("SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS)", "Line 1, column 51: expected a column name but found ')'.")]
        public void Malformed_xml_forms_are_rejected_where_postgres_rejects_them(string sql, string message)
        {
            Assert.Equal(message, Parse.Error(sql).Message);
        }

        private sealed class ColumnCollector : SqlVisitor
        {
            public List<string> Columns { get; } = new();

            public override void VisitColumnReference(ColumnReference node) => Columns.Add(node.Column.Value);
        }
    }
}
