using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class IdentifierTests
    {
        [Fact]
        public void Unquoted_names_fold_to_lower_case_and_keep_their_text()
        {
            var column = Assert.IsType<ColumnReference>(Parse.Expression("Public.Deployments.ProjectId"));
            Assert.Equal(new[] { "public", "deployments", "projectid" }, Names.Of(column.Parts));
            Assert.Equal(new[] { "Public", "Deployments", "ProjectId" }, column.Parts.Select(p => p.Text));
            Assert.All(column.Parts, p => Assert.False(p.IsQuoted));
            Assert.Equal(("public", "deployments", "projectid"), (column.Schema!.Value, column.Table!.Value, column.Column.Value));
        }

        [Fact]
        public void Quoted_names_keep_case_and_unescape_doubled_quotes()
        {
            var column = Assert.IsType<ColumnReference>(Parse.Expression("\"My \"\"Table\"\"\".\"Id\""));
            Assert.Equal(new[] { "My \"Table\"", "Id" }, Names.Of(column.Parts));
            Assert.Equal("\"Id\"", column.Column.Text);
            Assert.True(column.Column.IsQuoted);
            Assert.True(column.Column.Is("Id"));
            Assert.False(column.Column.Is("id"));
        }

        [Fact]
        public void Sqlite_brackets_and_backticks_and_unicode_quoted_names()
        {
            Assert.Equal("a]b", Assert.IsType<ColumnReference>(Parse.Expression("[a]]b]")).Column.Value);
            Assert.Equal("a`b", Assert.IsType<ColumnReference>(Parse.Expression("`a``b`")).Column.Value);
            Assert.Equal("data", Assert.IsType<ColumnReference>(Parse.Expression("U&\"d\\0061t\\+000061\"")).Column.Value);
        }

        [Fact]
        public void Only_ascii_letters_fold()
        {
            var column = Assert.IsType<ColumnReference>(Parse.Expression("\u00c9T\u00c9"));
            Assert.Equal("\u00c9t\u00c9", column.Column.Value);
        }

        [Theory]
        [InlineData("name")]
        [InlineData("status")]
        [InlineData("action")]
        [InlineData("ref")]
        [InlineData("version")]
        [InlineData("path")]
        [InlineData("type")]
        [InlineData("key")]
        [InlineData("value")]
        [InlineData("position")]
        [InlineData("year")]
        [InlineData("date")]
        [InlineData("time")]
        [InlineData("timestamp")]
        [InlineData("interval")]
        [InlineData("level")]
        [InlineData("data")]
        [InlineData("sha")]
        [InlineData("iid")]
        [InlineData("first")]
        [InlineData("filter")]
        [InlineData("over")]
        [InlineData("nulls")]
        [InlineData("current")]
        [InlineData("at")]
        [InlineData("exists")]
        public void Keywords_postgres_allows_as_names_work_unquoted_as_columns_tables_and_aliases(string word)
        {
            var select = Parse.Select($"SELECT {word}, t.{word}, {word} AS x, y {word} FROM {word} AS t JOIN u {word} ON {word}.{word} = t.{word} WHERE {word} = 1 ORDER BY {word}");
            Assert.Equal(word, Assert.IsType<ColumnReference>(select.Items[0].Expression).Column.Value);
            Assert.Equal(word, Assert.IsType<ColumnReference>(select.Items[1].Expression).Column.Value);
            Assert.Equal(word, select.Items[3].Alias!.Value);
            var join = Assert.IsType<Join>(select.From.Single());
            Assert.Equal(word, ((TableReference)join.Left).Name.Name.Value);
            Assert.Equal(word, ((TableReference)join.Right).Alias!.Name.Value);
            Assert.Equal(word, Names.Of(((BinaryExpression)select.Where!).Left));

            var ddl = Parse.Statement<CreateTableStatement>($"CREATE TABLE t ({word} text, CONSTRAINT c UNIQUE ({word}))");
            Assert.Equal(word, ddl.Columns.Single().Name.Value);
            Assert.Equal(word, Parse.Statement<CreateIndexStatement>($"CREATE INDEX ON t ({word})").Keys.Single().Column!.Value);
            Assert.Equal(word, Parse.Statement<UpdateStatement>($"UPDATE t SET {word} = 1").Assignments.Single().Columns.Single().Value);
        }

        [Theory]
        [InlineData("SELECT * FROM select")]
        [InlineData("SELECT * FROM t AS x WHERE from = 1")]
        [InlineData("SELECT left FROM t")]
        [InlineData("SELECT * FROM t join")]
        public void Reserved_keywords_need_quotes(string sql)
        {
            Parse.Error(sql);
        }

        [Fact]
        public void Reserved_keywords_are_fine_after_as_after_a_dot_and_quoted()
        {
            var select = Parse.Select("SELECT t.from, 1 AS select, \"order\" FROM t");
            Assert.Equal("from", Assert.IsType<ColumnReference>(select.Items[0].Expression).Column.Value);
            Assert.Equal("select", select.Items[1].Alias!.Value);
            Assert.Equal("order", Assert.IsType<ColumnReference>(select.Items[2].Expression).Column.Value);
        }
    }
}
