using System.Linq;
using Sargable.Json;

namespace Sargable.Core.Tests.Registry
{
    public sealed class JsonReaderTests
    {
        [Fact]
        public void Reads_every_kind_of_value_with_positions_and_paths()
        {
            var root = (JsonObject)JsonReader.Parse("{\n  \"a\": [1, -2.5e3, true, false, null],\n  \"b\": {\"c\": \"x\"}\n}");

            Assert.Equal(new[] { "a", "b" }, root.Properties.Select(p => p.Name));
            var a = (JsonArray)root.Find("a")!.Value;
            Assert.Equal(JsonKind.Array, a.Kind);
            Assert.Equal((2, 8), (a.Position.Line, a.Position.Column));
            Assert.Equal("1", ((JsonNumber)a.Items[0]).Text);
            Assert.Equal(-2500d, ((JsonNumber)a.Items[1]).ToDouble());
            Assert.True(((JsonBoolean)a.Items[2]).Value);
            Assert.False(((JsonBoolean)a.Items[3]).Value);
            Assert.Equal(JsonKind.Null, a.Items[4].Kind);
            Assert.Equal("a[4]", a.Items[4].Path);
            var c = (JsonString)((JsonObject)root.Find("b")!.Value).Find("c")!.Value;
            Assert.Equal("x", c.Value);
            Assert.Equal("b.c", c.Path);
            Assert.Equal((3, 14), (c.Position.Line, c.Position.Column));
            Assert.Equal((3, 3), (root.Find("b")!.NamePosition.Line, root.Find("b")!.NamePosition.Column));
        }

        [Theory]
        [InlineData("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t")]
        [InlineData("\"\\u0041\\u00e9\\u20AC\"", "Aé€")]
        [InlineData("\"\\ud83d\\ude00\"", "😀")]
        [InlineData("\"\\uD83D\\uDE00 and 😀\"", "😀 and 😀")]
        [InlineData("\"plain\"", "plain")]
        [InlineData("\"\"", "")]
        public void Decodes_string_escapes(string json, string expected)
        {
            Assert.Equal(expected, ((JsonString)JsonReader.Parse(json)).Value);
        }

        [Fact]
        public void Keeps_lone_surrogate_escapes_as_code_units()
        {
            // Valid JSON grammar; kept as written so that whatever a writer escaped reads back unchanged.
            Assert.Equal("\ud800x\udc00", ((JsonString)JsonReader.Parse("\"\\ud800x\\udc00\"")).Value);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-0")]
        [InlineData("123")]
        [InlineData("-1.5")]
        [InlineData("1e10")]
        [InlineData("1E+2")]
        [InlineData("2.5e-3")]
        public void Keeps_valid_numbers_as_written(string json)
        {
            Assert.Equal(json, ((JsonNumber)JsonReader.Parse(json)).Text);
        }

        [Fact]
        public void Integer_access_refuses_fractions_and_overflow()
        {
            Assert.True(((JsonNumber)JsonReader.Parse("9223372036854775807")).TryGetInt64(out var max));
            Assert.Equal(long.MaxValue, max);
            Assert.False(((JsonNumber)JsonReader.Parse("9223372036854775808")).TryGetInt64(out _));
            Assert.False(((JsonNumber)JsonReader.Parse("1.0")).TryGetInt64(out _));
            Assert.False(((JsonNumber)JsonReader.Parse("1e3")).TryGetInt64(out _));
        }

        [Fact]
        public void Accepts_surrounding_whitespace_crlf_and_a_byte_order_mark()
        {
            var root = (JsonObject)JsonReader.Parse("\uFEFF \r\n\t{\r\n\"k\" : \"v\"\r\n}\r\n");
            var value = root.Find("k")!.Value;
            Assert.Equal((3, 7), (value.Position.Line, value.Position.Column));
        }

        [Theory]
        [InlineData("", 1, 1, "invalid JSON: the document is empty; expected a JSON value")]
        [InlineData("   ", 1, 4, "invalid JSON: the document is empty; expected a JSON value")]
        [InlineData("{\"a\": 1,}", 1, 9, "invalid JSON: a ',' must be followed by another property (trailing commas are not allowed)")]
        [InlineData("[1, 2,]", 1, 7, "invalid JSON: a ',' must be followed by another value (trailing commas are not allowed)")]
        [InlineData("{\"a\": 1 \"b\": 2}", 1, 9, "invalid JSON: expected ',' or '}' after the value of 'a', found '\"'")]
        [InlineData("{\"a\" 1}", 1, 6, "invalid JSON: expected ':' after the property name 'a', found '1'")]
        [InlineData("{a: 1}", 1, 2, "invalid JSON: property names must be enclosed in double quotes")]
        [InlineData("{'a': 1}", 1, 2, "invalid JSON: property names must be enclosed in double quotes")]
        [InlineData("['a']", 1, 2, "invalid JSON in [0]: strings must be enclosed in double quotes, not single quotes")]
        [InlineData("{\"a\": 1} // note", 1, 10, "invalid JSON: comments are not allowed in JSON")]
        [InlineData("{\"a\": /* x */ 1}", 1, 7, "invalid JSON in a: comments are not allowed in JSON")]
        [InlineData("{\"a\": 1} x", 1, 10, "invalid JSON: expected the end of the document after the JSON value, found 'x'")]
        [InlineData("{\"a\": 1", 1, 8, "invalid JSON: the object that starts at (1,1) is not closed; expected ',' or '}'")]
        [InlineData("[1", 1, 3, "invalid JSON: the array that starts at (1,1) is not closed; expected ',' or ']'")]
        [InlineData("{\"a\": }", 1, 7, "invalid JSON in a: expected a JSON value, found '}'")]
        [InlineData("{\"a\":", 1, 6, "invalid JSON in a: expected a JSON value, found the end of the document")]
        [InlineData("\"abc", 1, 1, "invalid JSON: the string that starts here is not closed")]
        [InlineData("\"ab\ncd\"", 1, 1, "invalid JSON: the string that starts here runs into a line break (strings cannot span lines; write \\n inside the string)")]
        [InlineData("\"a\tb\"", 1, 3, "invalid JSON: control character U+0009 must be escaped inside a string (write \\t)")]
        [InlineData("\"a\\xb\"", 1, 3, "invalid JSON: '\\x' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)")]
        [InlineData("\"\\u12G4\"", 1, 2, "invalid JSON: '\\u' must be followed by exactly four hexadecimal digits")]
        [InlineData("\"\\u12\"", 1, 2, "invalid JSON: '\\u' must be followed by exactly four hexadecimal digits")]
        [InlineData("\"\\", 1, 2, "invalid JSON: the string ends inside an escape sequence")]
        [InlineData("01", 1, 2, "invalid JSON: numbers cannot have leading zeros")]
        [InlineData("-", 1, 2, "invalid JSON: expected a digit after '-', found the end of the document")]
        [InlineData("1.", 1, 3, "invalid JSON: expected a digit after the decimal point, found the end of the document")]
        [InlineData("1e", 1, 3, "invalid JSON: expected a digit in the exponent, found the end of the document")]
        [InlineData("+1", 1, 1, "invalid JSON: expected a JSON value, found '+'")]
        [InlineData(".5", 1, 1, "invalid JSON: expected a JSON value, found '.'")]
        [InlineData("NaN", 1, 1, "invalid JSON: 'NaN' is not a JSON value (expected a string in double quotes, a number, true, false, null, an object or an array)")]
        [InlineData("True", 1, 1, "invalid JSON: 'True' is not a JSON value (expected a string in double quotes, a number, true, false, null, an object or an array)")]
        [InlineData("nullx", 1, 1, "invalid JSON: 'nullx' is not a JSON value (expected a string in double quotes, a number, true, false, null, an object or an array)")]
        [InlineData("\u00A0{}", 1, 1, "invalid JSON: expected a JSON value, found 'U+00A0'")]
        [InlineData("{\n  \"tables\": {\n    \"x\": [1 2]\n  }\n}", 3, 13, "invalid JSON in tables.x: expected ',' or ']' after an array item, found '2'")]
        public void Rejects_invalid_json_with_a_sentence_and_position(string json, int line, int column, string message)
        {
            var error = Assert.Throws<JsonReaderException>(() => JsonReader.Parse(json));
            Assert.Equal(message, error.Message);
            Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        }

        [Fact]
        public void Rejects_duplicate_keys_and_points_at_both()
        {
            var error = Assert.Throws<JsonReaderException>(() => JsonReader.Parse("{\"t\": {\n  \"a\": 1,\n  \"a\": 2}}"));
            Assert.Equal("t has a duplicate key 'a' (first at (2,3))", error.Message);
            Assert.Equal((3, 3), (error.Position.Line, error.Position.Column));
            Assert.Equal("t", error.Path);
        }

        [Fact]
        public void Keys_differing_in_case_are_distinct_json_keys()
        {
            var root = (JsonObject)JsonReader.Parse("{\"a\": 1, \"A\": 2}");
            Assert.Equal(2, root.Properties.Count);
        }

        [Fact]
        public void Limits_nesting_depth()
        {
            var ok = new string('[', 64) + new string(']', 64);
            Assert.Equal(JsonKind.Array, JsonReader.Parse(ok).Kind);

            var deep = new string('[', 65) + new string(']', 65);
            var error = Assert.Throws<JsonReaderException>(() => JsonReader.Parse(deep));
            Assert.StartsWith("invalid JSON in [0][0]", error.Message, System.StringComparison.Ordinal);
            Assert.EndsWith("the document is nested deeper than 64 levels", error.Message, System.StringComparison.Ordinal);
            Assert.Equal(65, error.Position.Column);

            Assert.Throws<JsonReaderException>(() => JsonReader.Parse("{\"a\": {\"b\": 1}}", maxDepth: 1));
        }

        [Fact]
        public void Paths_quote_names_that_are_not_plain_identifiers()
        {
            var root = (JsonObject)JsonReader.Parse("{\"public.deployments\": {\"a b\": [{\"$schema\": 1}]}}");
            var inner = (JsonObject)root.Find("public.deployments")!.Value;
            var array = (JsonArray)inner.Find("a b")!.Value;
            Assert.Equal("[\"public.deployments\"][\"a b\"]", array.Path);
            Assert.Equal("[\"public.deployments\"][\"a b\"][0].$schema", ((JsonObject)array.Items[0]).Find("$schema")!.Value.Path);
        }
    }
}
