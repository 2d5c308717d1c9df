using System;
using Sargable.Json;

namespace Sargable.Core.Tests.Registry
{
    public sealed class JsonWriterTests
    {
        [Fact]
        public void Writes_indented_documents_with_inline_arrays()
        {
            var json = new JsonWriter()
                .BeginObject()
                .Property("name", "x")
                .Property("count", 3)
                .Property("on", true)
                .Property("none", (string?)null)
                .PropertyName("list").BeginArray(inline: true).String("a").String("b").EndArray()
                .PropertyName("empty").BeginArray().EndArray()
                .PropertyName("objects").BeginArray().BeginObject().Property("k", 1).EndObject().BeginObject().EndObject().EndArray()
                .EndObject()
                .ToString();

            Assert.Equal(
                "{\n  \"name\": \"x\",\n  \"count\": 3,\n  \"on\": true,\n  \"none\": null,\n  \"list\": [\"a\", \"b\"],\n  \"empty\": [],\n" +
                "  \"objects\": [\n    {\n      \"k\": 1\n    },\n    {}\n  ]\n}\n",
                json);
        }

        [Theory]
        [InlineData("plain", "\"plain\"")]
        [InlineData("q\"b\\s/", "\"q\\\"b\\\\s/\"")]
        [InlineData("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"")]
        [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
        [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
        [InlineData("é€😀", "\"é€😀\"")]
        public void Escapes_strings_so_they_read_back_unchanged(string value, string expected)
        {
            var json = new JsonWriter().String(value).ToString();
            Assert.Equal(expected + "\n", json);
            Assert.Equal(value, ((JsonString)JsonReader.Parse(json)).Value);
        }

        [Fact]
        public void Escapes_lone_surrogates()
        {
            var json = new JsonWriter().String("\ud800x\udc00").ToString();
            Assert.Equal("\"\\ud800x\\udc00\"\n", json);
            Assert.Equal("\ud800x\udc00", ((JsonString)JsonReader.Parse(json)).Value);
        }

        [Fact]
        public void Refuses_calls_that_would_make_invalid_json()
        {
            Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginObject().String("no name"));
            Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginArray().PropertyName("x"));
            Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginObject().EndArray());
            Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginObject().PropertyName("x").EndObject());
            Assert.Throws<InvalidOperationException>(() => new JsonWriter().Null().Null());
            Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginArray().ToString());
            Assert.Throws<InvalidOperationException>(() => new JsonWriter().ToString());
        }
    }
}
