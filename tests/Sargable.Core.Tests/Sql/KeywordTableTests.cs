using System;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class KeywordTableTests
    {
        [Fact]
        public void Every_keyword_has_exactly_one_entry_whose_text_looks_up_to_it()
        {
            var entries = SqlKeywords.Entries();
            var keywords = Enum.GetValues(typeof(SqlKeyword)).Cast<SqlKeyword>().Where(k => k != SqlKeyword.None).ToArray();
            Assert.Equal(keywords.OrderBy(k => k), entries.Select(e => e.Keyword).OrderBy(k => k));
            Assert.Equal(entries.Length, entries.Select(e => e.Text).Distinct(StringComparer.Ordinal).Count());
            foreach (var (keyword, text, category) in entries)
            {
                Assert.True(text.Length <= SqlKeywords.MaxLength, text);
                Assert.Equal(text, SqlKeywords.Text(keyword));
                Assert.Equal((KeywordCategory)category, SqlKeywords.Category(keyword));
                var lexer = new SqlLexer(text.ToUpperInvariant(), 0, text.Length, 1, 1, tolerant: false, collectComments: false);
                Assert.Equal(keyword, lexer.Next().Keyword);
            }
        }

        [Theory]
        [InlineData("select", KeywordCategory.Reserved)]
        [InlineData("from", KeywordCategory.Reserved)]
        [InlineData("join", KeywordCategory.TypeFunctionName)]
        [InlineData("left", KeywordCategory.TypeFunctionName)]
        [InlineData("position", KeywordCategory.ColumnName)]
        [InlineData("time", KeywordCategory.ColumnName)]
        [InlineData("xmlelement", KeywordCategory.ColumnName)]
        [InlineData("xmltable", KeywordCategory.ColumnName)]
        [InlineData("value", KeywordCategory.Unreserved)]
        [InlineData("set", KeywordCategory.Unreserved)]
        public void Categories_match_postgres(string text, object category)
        {
            var keyword = new SqlLexer(text, 0, text.Length, 1, 1, tolerant: false, collectComments: false).Next().Keyword;
            Assert.Equal((KeywordCategory)category, SqlKeywords.Category(keyword));
        }
    }
}
